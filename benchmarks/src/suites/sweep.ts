import { bookStd, bookSweep, sweepWork } from '../book.js';
import type { EngineName, Prepared } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import * as naive from '../engines/naive-js.js';
import {
  numpyAvailability,
  numpyTiming,
  pythonCommand,
  runNumpy,
  timingOf,
} from '../engines/numpy.js';
import * as tfjs from '../engines/tfjs.js';
import { formatBytes, formatSi } from '../format.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from '../results.js';
import { benchSeed } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import { checkSweep, checkSweepShape } from '../sweep-check.js';
import type { SweepRuns } from '../sweep-runs.js';
import { progressLine, trial } from '../trial.js';

/** The one case: the book's 12-config sweep, end to end. */
export const sweepCase = 'book';

/** Engines of the sweep suite, in the order they run (initscope first: it is the reference). */
export const sweepEngines = ['initscope', 'tfjs-wasm', 'naive-js', 'numpy'] as const;

const prepareFor: Record<
  Exclude<(typeof sweepEngines)[number], 'numpy'>,
  (seed: number) => Prepared<SweepRuns> | Promise<Prepared<SweepRuns>>
> = {
  initscope: initscope.prepareSweep,
  'tfjs-wasm': (seed) => tfjs.prepareSweep('wasm', seed),
  'naive-js': naive.prepareSweep,
};

/** The napkin math of one sweep. */
export function bookWork(): BenchCase {
  const w = sweepWork();
  return {
    suite: 'sweep',
    case: sweepCase,
    flop: w.flop,
    bytes: w.bytes,
    napkin:
      `${w.runs} runs × ${bookSweep.layers} layers: 2·${bookSweep.samples}·${bookSweep.width}² each = ` +
      `${formatSi(w.flop)}FLOP; ${formatSi(w.normals)}normals; ${formatSi(w.values)}values activated ` +
      `and binned; ≥ ${formatBytes(w.bytes)} moved`,
  };
}

/**
 * The book sweep on every engine. initscope's output is checked on its own (every run complete,
 * histograms whole) and becomes the reference the peers are checked against, loosely (checkSweep).
 */
export async function runSweepSuite(context: SuiteContext): Promise<SuiteOutput> {
  const { settings, log } = context;
  const out = emptyOutput();
  const work = bookWork();
  out.cases.push(work);
  log(`sweep ${work.case}: ${work.napkin}`);
  let reference: SweepRuns | undefined;
  const validate = (engine: EngineName) => (runs: SweepRuns) => {
    if (reference) checkSweep(engine, runs, reference);
    else checkSweepShape(engine, runs);
    reference ??= runs;
  };
  for (const engine of sweepEngines) {
    if (engine === 'numpy') continue;
    const result = await trial(
      work,
      engine,
      () => prepareFor[engine](benchSeed),
      validate(engine),
      context,
    );
    out.results.push(result);
  }
  out.versions.tfjs = tfjs.tfjsVersion;

  const python = pythonCommand();
  const available = await numpyAvailability(python);
  if (!available.ok) {
    log(`sweep ${work.case} numpy: skipped, ${available.reason}`);
    out.skipped.push({
      suite: 'sweep',
      case: work.case,
      engine: 'numpy',
      reason: available.reason,
    });
    return out;
  }
  out.versions.numpy = available.numpy;
  out.versions.python = available.python;
  let result: BenchResult;
  try {
    const report = await runNumpy(
      {
        suite: 'sweep',
        seed: benchSeed,
        ...numpyTiming(settings),
        sweep: {
          ...bookSweep,
          inits: bookSweep.inits.map((id) => ({
            id,
            std: bookStd(id, bookSweep.width),
          })),
        },
      },
      python,
    );
    const book = report.cases.find((c) => c.case === sweepCase);
    if (!book) throw new Error(`NumPy reported no "${sweepCase}" case`);
    validate('numpy')(book.output as SweepRuns);
    result = timedResult(
      work,
      'numpy',
      timingOf(book.samplesMs),
      'timed inside Python; float64, the book’s code',
    );
  } catch (error) {
    result = erroredResult(work, 'numpy', error);
  }
  log(progressLine(result));
  out.results.push(result);
  return out;
}
