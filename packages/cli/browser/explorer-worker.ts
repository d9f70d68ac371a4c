/**
 * The explorer's Web Worker: sim + core-wasm, bundled at build time (scripts/build-explorer.mjs) into
 * dist/explorer-worker.js, which `initscope explore` hands to the report package's page builder as text.
 * Messages in: `{ type: 'wasm', bytes }` once, then `{ type: 'run', id, options, lang }` (SweepOptions;
 * `seeds: K` runs seeds seed … seed+K−1 and bands them, as `run --seeds K`).
 * A newer `run` aborts the one in progress (sweep yields between layers); only the newest is answered.
 * Out: `progress` (layer steps over all seeds), `done` with the exact `initscope run --json` text and
 * the verdicts and seed-band charts the report draws (`explorerRunView`), or `error` with the message.
 * With several workers (the page's pool, like `run --threads N`): `{ type: 'units', id, part, options,
 * units }` computes some (seed, run) units (seed-major indices, a contiguous slice) and answers
 * `units-done` with their runs; the page gathers the parts in unit order and sends them to one worker
 * as `{ type: 'assemble', id, options, lang, runs }`, answered like `run`. Every run is a pure
 * function of the config and its unit, so the bytes are the same for any split. `{ type: 'cancel' }`
 * aborts whatever runs (a newer change gave this worker nothing to do).
 * `{ type: 'report', id, vega, lang, logCounts }` renders the static report of the newest finished
 * run with report's renderReport (the bytes `initscope run --out` writes); `vega` is the page's own
 * inlined vega bundle texts, handed to report's `provideVegaBundles` (the worker ships none).
 * Out: `report` with the HTML, or `report-error`.
 */
import { type Core, loadCore } from '@initscope/core-wasm';
import { explorerRunView, type Lang, provideVegaBundles, renderReport } from '@initscope/report';
import type { Results, RunResult } from '@initscope/results';
import {
  type PhaseOptions,
  phaseDiagramDocument,
  resolveSweepConfig,
  type SweepOptions,
  sweepUnitCount,
  sweepUnits,
} from '@initscope/sim';
import { resultsOfUnits } from '../src/seeds.js';

interface RunMessage {
  type: 'run';
  id: number;
  options: SweepOptions;
  /** The page's language: the verdict and band texts are the report's in it. */
  lang: Lang;
}
interface PhaseMessage {
  type: 'phase';
  id: number;
  options: PhaseOptions;
}
interface ReportMessage {
  type: 'report';
  /** The run whose report is wanted: the newest finished one, or an error. */
  id: number;
  vega: string[];
  lang: Lang;
  logCounts: boolean;
}
interface UnitsMessage {
  type: 'units';
  id: number;
  /** Which slice of the page's split this is, echoed in the answer. */
  part: number;
  options: SweepOptions;
  units: number[];
}
interface AssembleMessage {
  type: 'assemble';
  id: number;
  options: SweepOptions;
  lang: Lang;
  /** Every unit's run, in unit order. */
  runs: RunResult[];
}
type InMessage =
  | { type: 'wasm'; bytes: ArrayBuffer }
  | { type: 'cancel' }
  | RunMessage
  | UnitsMessage
  | AssembleMessage
  | PhaseMessage
  | ReportMessage;

/** The explorer's phase-plane grid: 24 × 24 over σ_w² ∈ [0.1, 4], σ_b² ∈ [0, 0.5] (the cli's is 60 × 60). */
const phaseGridSize = 24;
const linspace = (lo: number, hi: number) =>
  Array.from({ length: phaseGridSize }, (_, i) => lo + ((hi - lo) * i) / (phaseGridSize - 1));
const phaseGrid = { sigmaW2: linspace(0.1, 4), sigmaB2: linspace(0, 0.5) };

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: InMessage }) => void) | null;
};

let core: Promise<Core> | undefined;
let current: AbortController | undefined;
let running: Promise<void> = Promise.resolve();
let newest = 0;
/** The newest finished run's results, kept for "export report". */
let finished: { id: number; results: Results } | undefined;

function postError(id: number, error: unknown): void {
  scope.postMessage({ type: 'error', id, message: String((error as Error).message ?? error) });
}

/**
 * The results document of all units' runs in unit order, as `initscope run` builds it (with
 * --seeds K: the first seed's runs with bands and each run's seedVerdicts), answered as `done`.
 */
function assemble(
  id: number,
  options: SweepOptions,
  lang: Lang,
  runs: RunResult[],
  started: number,
) {
  const results = resultsOfUnits(resolveSweepConfig(options), runs);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  finished = { id, results };
  const view = explorerRunView(results, lang);
  scope.postMessage({ type: 'done', id, json, view, ms: performance.now() - started });
}

/** Computes every unit of a `run`, or the slice of a `units` message (then answers with the runs). */
async function run(message: RunMessage | UnitsMessage, controller: AbortController): Promise<void> {
  const started = performance.now();
  let lastProgress = 0;
  try {
    if (!core) throw new Error('the WASM module was not sent to the worker');
    const config = resolveSweepConfig(message.options);
    const units =
      message.type === 'units'
        ? message.units
        : Array.from({ length: sweepUnitCount(config) }, (_, i) => i);
    const part = message.type === 'units' ? message.part : 0;
    const runs = await sweepUnits(config, units, {
      core: await core,
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastProgress < 50) return;
        lastProgress = now;
        scope.postMessage({ type: 'progress', id: message.id, part, done, total });
      },
    });
    if (message.type === 'units') {
      scope.postMessage({ type: 'units-done', id: message.id, part, runs });
      return;
    }
    assemble(message.id, message.options, message.lang, runs, started);
  } catch (error) {
    if (controller.signal.aborted) return;
    postError(message.id, error);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'phase') {
    try {
      const diagram = phaseDiagramDocument({ ...message.options, grid: phaseGrid });
      scope.postMessage({ type: 'phase', id: message.id, diagram });
    } catch (error) {
      scope.postMessage({
        type: 'phase-error',
        id: message.id,
        message: String((error as Error).message ?? error),
      });
    }
    return;
  }
  if (message.type === 'report') {
    try {
      if (finished?.id !== message.id) throw new Error('that run is not the newest finished one');
      provideVegaBundles(message.vega);
      const html = renderReport(finished.results, {
        lang: message.lang,
        book: false,
        logCounts: message.logCounts,
      });
      scope.postMessage({ type: 'report', id: message.id, html });
    } catch (error) {
      scope.postMessage({
        type: 'report-error',
        id: message.id,
        message: String((error as Error).message ?? error),
      });
    }
    return;
  }
  if (message.type === 'wasm') {
    core = loadCore({ wasm: message.bytes });
    return;
  }
  if (message.type === 'cancel') {
    current?.abort(new Error('superseded'));
    return;
  }
  if (message.type === 'assemble') {
    try {
      assemble(message.id, message.options, message.lang, message.runs, performance.now());
    } catch (error) {
      postError(message.id, error);
    }
    return;
  }
  newest = message.id;
  current?.abort(new Error('superseded'));
  const controller = new AbortController();
  current = controller;
  // One sweep at a time on the one core: the next waits for the aborted one to stop.
  running = running.then(() => (message.id === newest ? run(message, controller) : undefined));
};
