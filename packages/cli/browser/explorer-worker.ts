/**
 * The explorer's Web Worker: sim + core-wasm, bundled at build time (scripts/build-explorer.mjs) into
 * dist/explorer-worker.js, which `initscope explore` hands to the report package's page builder as text.
 * Messages in: `{ type: 'wasm', bytes }` once, then `{ type: 'run', id, options, lang }` (SweepOptions;
 * `seeds: K` runs seeds seed … seed+K−1 and bands them, as `run --seeds K`).
 * A newer `run` aborts the one in progress (sweep yields between layers); only the newest is answered.
 * Out: `progress` (layer steps over all seeds), `done` with the exact `initscope run --json` text and
 * the verdicts and seed-band charts the report draws (`explorerRunView`), or `error` with the message.
 * `{ type: 'report', id, vega, lang, logCounts }` renders the static report of the newest finished
 * run with report's renderReport (the bytes `initscope run --out` writes); `vega` is the page's own
 * inlined vega bundle texts, handed to report's `provideVegaBundles` (the worker ships none).
 * Out: `report` with the HTML, or `report-error`.
 */
import { type Core, loadCore } from '@initscope/core-wasm';
import { explorerRunView, type Lang, provideVegaBundles, renderReport } from '@initscope/report';
import type { Results } from '@initscope/results';
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
type InMessage = { type: 'wasm'; bytes: ArrayBuffer } | RunMessage | PhaseMessage | ReportMessage;

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

async function run(message: RunMessage, controller: AbortController): Promise<void> {
  const started = performance.now();
  let lastProgress = 0;
  try {
    if (!core) throw new Error('the WASM module was not sent to the worker');
    // What `initscope run` does with one thread: every (seed, run) unit in order, then the document
    // (with --seeds K: the first seed's runs with bands and each run's seedVerdicts).
    const config = resolveSweepConfig(message.options);
    const units = Array.from({ length: sweepUnitCount(config) }, (_, i) => i);
    const runs = await sweepUnits(config, units, {
      core: await core,
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastProgress < 50) return;
        lastProgress = now;
        scope.postMessage({ type: 'progress', id: message.id, done, total });
      },
    });
    const results = resultsOfUnits(config, runs);
    const json = `${JSON.stringify(results, null, 2)}\n`;
    finished = { id: message.id, results };
    const view = explorerRunView(results, message.lang);
    scope.postMessage({
      type: 'done',
      id: message.id,
      json,
      view,
      ms: performance.now() - started,
    });
  } catch (error) {
    if (controller.signal.aborted) return;
    scope.postMessage({
      type: 'error',
      id: message.id,
      message: String((error as Error).message ?? error),
    });
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
  newest = message.id;
  current?.abort(new Error('superseded'));
  const controller = new AbortController();
  current = controller;
  // One sweep at a time on the one core: the next waits for the aborted one to stop.
  running = running.then(() => (message.id === newest ? run(message, controller) : undefined));
};
