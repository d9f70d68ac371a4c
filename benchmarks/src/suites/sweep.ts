import { availableParallelism } from 'node:os';
import { seedTasksPerThread } from '@initscope/cli';
import {
  bookStd,
  bookSweep,
  independentSweepCounts,
  peerSweepCounts,
  type SweepCounts,
  sharedSweepCounts,
  sweepWork,
} from '../book.js';
import type { EngineName, Prepared } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import * as naive from '../engines/naive-js.js';
import {
  type NumpySweepEngine,
  numpyAvailability,
  numpyCase,
  numpyFacts,
  numpyTiming,
  pythonCommand,
  runNumpy,
  timingOf,
} from '../engines/numpy.js';
import * as tfjs from '../engines/tfjs.js';
import { formatBytes, formatSi } from '../format.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from '../results.js';
import { benchSeed, wanted } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import { checkSweep, checkSweepShape } from '../sweep-check.js';
import type { SweepRuns } from '../sweep-runs.js';
import { pairedTrial, progressLine, trial } from '../trial.js';
import { ValidationError } from '../validation-error.js';

/**
 * The cases: `book`, the book's 12-config sweep as each engine runs it best (initscope's `sweep()`
 * shares what its runs have in common), and `book-independent`, where initscope runs every
 * configuration on its own (twelve `simulate()` calls), so it multiplies as many matrices as the peers.
 */
export const sweepCases = ['book', 'book-independent', 'seeds'] as const;

/** Seeds of the `seeds` case: the book sweep for seeds `benchSeed … benchSeed + 63`. */
export const seedsCaseSeeds = 64;

/** Threads of the all-cores rows: this machine's available parallelism. */
export const allCores = availableParallelism();

/** A sweep case's name. */
export type SweepCase = (typeof sweepCases)[number];

/** Engines of the sweep suite, in the order they run (initscope first: it is the reference). */
export const sweepEngines = [
  'initscope',
  'tfjs-wasm',
  'naive-js',
  'numpy',
  'numpy-f32',
] as const satisfies readonly EngineName[];

/** The sweep engines run in Python. */
const numpySweepEngines: readonly NumpySweepEngine[] = ['numpy', 'numpy-f32'];

type JsSweepEngine = Exclude<(typeof sweepEngines)[number], NumpySweepEngine>;

/** Why the peers do not run `sweep/seeds`. */
const seedsPeerSkip =
  'initscope against itself (1 thread vs all cores); 64 book sweeps per run would take a peer seconds to minutes, and sweep/book already compares engines per sweep';

type SweepPreparer = (seed: number) => Prepared<SweepRuns> | Promise<Prepared<SweepRuns>>;

/** How each JS engine runs each case; a string is why it does not. */
const prepareFor: Record<SweepCase, Record<JsSweepEngine, SweepPreparer | string>> = {
  book: {
    initscope: initscope.prepareSweep,
    'tfjs-wasm': (seed) => tfjs.prepareSweep('wasm', seed),
    'naive-js': naive.prepareSweep,
  },
  'book-independent': {
    initscope: initscope.prepareIndependentSweep,
    'tfjs-wasm': (seed) => tfjs.prepareSweep('wasm', seed),
    // 1–3 s a run, never the fastest peer: timed once, in `book`.
    'naive-js': 'the same computation as sweep/book, where it is timed (1–3 s a run)',
  },
  seeds: {
    initscope: (seed) => initscope.prepareThreadedSweep(seed, seedsCaseSeeds, 1),
    'tfjs-wasm': seedsPeerSkip,
    'naive-js': seedsPeerSkip,
  },
};

function counted({ products, normals }: SweepCounts): string {
  return `${products} products, ${formatSi(normals).trim()} normals`;
}

/** What one run of `name` computes on each engine that runs it (products, normals, how), for the page. */
export function sweepEngineWork(name: SweepCase): Partial<Record<EngineName, string>> {
  const peers = counted(peerSweepCounts());
  const runs = sweepWork().runs;
  if (name === 'seeds') {
    return {
      initscope:
        `${seedsCaseSeeds} × sweep(): every configuration for seeds ${benchSeed} … ${benchSeed + seedsCaseSeeds - 1} ` +
        `(initscope run --seeds ${seedsCaseSeeds}), ${seedsCaseSeeds} × ${counted(sharedSweepCounts())}; ` +
        `with N threads the CLI's worker pool takes the ${seedsCaseSeeds * runs} (seed, run) units in tasks of whole seeds, ${seedTasksPerThread} per thread, as workers free up, gathered in order (the same bits as 1 thread)`,
    };
  }
  const work: Partial<Record<EngineName, string>> = {
    initscope:
      name === 'book'
        ? `${counted(sharedSweepCounts())}: sweep() draws X and each layer's standard weights ` +
          `once and every initializer scales them (common random numbers); layer 1's X·W is ` +
          `multiplied once for all ${runs} runs. f32 kernels, fused statistics in f64`
        : `${counted(independentSweepCounts())}: ${runs} separate simulate() calls, nothing ` +
          `shared between runs (each draws its own X and weights); the same runs as sweep()`,
    'tfjs-wasm': `${peers}: randomNormal, matMul (XNNPACK) and the activation per layer, each layer downloaded (dataSync), statistics in JS`,
    'naive-js': `${peers}: typed arrays and loops, statistics in JS`,
    numpy: `${peers}: the book's code, float64 (np.random.randn, np.dot, np.histogram)`,
    'numpy-f32': `${peers}: float32, buffers allocated once, out= ufuncs, np.matmul(out=), a bincount histogram`,
  };
  for (const engine of sweepEngines) {
    if (
      engine !== 'numpy' &&
      engine !== 'numpy-f32' &&
      typeof prepareFor[name][engine] === 'string'
    )
      delete work[engine];
  }
  return work;
}

/** The napkin math of one sweep case. */
export function sweepCaseWork(name: SweepCase): BenchCase {
  const w = sweepWork();
  if (name === 'seeds') {
    return {
      suite: 'sweep',
      case: name,
      flop: w.flop * seedsCaseSeeds,
      bytes: w.bytes * seedsCaseSeeds,
      napkin: `the book sweep over ${seedsCaseSeeds} seeds: ${seedsCaseSeeds} × (${w.runs} runs × ${bookSweep.layers} layers) = ${formatSi(w.flop * seedsCaseSeeds)}FLOP at the peers' count`,
      engines: sweepEngineWork(name),
    };
  }
  return {
    suite: 'sweep',
    case: name,
    flop: w.flop,
    bytes: w.bytes,
    napkin:
      `${w.runs} runs × ${bookSweep.layers} layers: 2·${bookSweep.samples}·${bookSweep.width}² each = ` +
      `${formatSi(w.flop)}FLOP; ${formatSi(w.normals)}normals; ${formatSi(w.values)}values activated ` +
      `and binned; ≥ ${formatBytes(w.bytes)} moved`,
    engines: sweepEngineWork(name),
  };
}

/**
 * The runs of `book-independent` must equal `book`'s reference run for run (same seed, and a
 * run's numbers do not depend on what else its sweep holds).
 */
export function checkSameRuns(engine: string, got: SweepRuns, reference: SweepRuns): void {
  got.runs.forEach((run, i) => {
    const want = reference.runs[i];
    if (JSON.stringify(run) !== JSON.stringify(want)) {
      throw new ValidationError(
        `${engine} sweep: ${run.activation}/${run.init} differs from the same run in sweep()`,
      );
    }
  });
}

/**
 * Both sweep cases on every engine. initscope's `book` output is checked on its own (every run
 * complete, histograms whole) and becomes the reference: the peers are checked against it,
 * loosely (checkSweep), and initscope's `book-independent` runs must equal it exactly.
 */
export async function runSweepSuite(context: SuiteContext): Promise<SuiteOutput> {
  const { log } = context;
  const out = emptyOutput();
  let reference: SweepRuns | undefined;
  let seedsReference: SweepRuns | undefined;
  const validate = (name: SweepCase, engine: EngineName) => (runs: SweepRuns) => {
    if (name === 'seeds') {
      seedsReference = checkSeedsRuns(runs, reference, seedsReference);
      return;
    }
    if (!reference) {
      checkSweepShape(engine, runs);
      reference = runs;
    } else if (engine === 'initscope') {
      checkSweepShape(engine, runs);
      checkSameRuns(`${engine} ${name}`, runs, reference);
    } else checkSweep(engine, runs, reference);
  };
  for (const name of sweepCases) {
    if (!wanted(context.only, 'sweep', name)) continue;
    if (name === 'seeds' && !reference) {
      const book = initscope.prepareSweep(benchSeed);
      await book.run();
      reference = book.output();
      checkSweepShape('initscope', reference);
    }
    const work = sweepCaseWork(name);
    out.cases.push(work);
    log(`sweep ${work.case}: ${work.napkin}`);
    for (const engine of sweepEngines) {
      if (engine === 'numpy' || engine === 'numpy-f32') continue;
      const prepare = prepareFor[name][engine];
      if (typeof prepare === 'string') {
        log(`sweep ${work.case} ${engine}: skipped, ${prepare}`);
        out.skipped.push({ suite: 'sweep', case: work.case, engine, reason: prepare });
        continue;
      }
      if (engine === 'initscope' && name !== 'book-independent' && allCores > 1) {
        // The same case on every core too, through the CLI's worker pool, timed in alternating
        // blocks with the 1-thread row.
        const seeds = name === 'seeds' ? seedsCaseSeeds : 1;
        out.results.push(
          ...(await pairedTrial(
            work,
            engine,
            [
              { prepare: () => prepare(benchSeed), validate: validate(name, engine), threads: 1 },
              {
                prepare: () => initscope.prepareThreadedSweep(benchSeed, seeds, allCores),
                validate: validate(name, engine),
                threads: allCores,
              },
            ],
            context,
          )),
        );
        continue;
      }
      out.results.push(
        await trial(work, engine, () => prepare(benchSeed), validate(name, engine), context),
      );
    }
    if (name === 'seeds') continue;
    await numpySweep(context, out, work, (engine, runs) => validate(name, engine)(runs));
    if (name === 'book' && allCores > 1) {
      // The peers of initscope's all-cores row: NumPy with as many BLAS threads.
      await numpySweep(
        context,
        out,
        work,
        (engine, runs) => validate(name, engine)(runs),
        allCores,
      );
    }
  }
  out.versions.tfjs = tfjs.tfjsVersion;
  return out;
}

/**
 * `sweep/seeds` runs: 64 × 12 runs, seed-major, whose first seed's runs equal the book sweep's
 * (`book`) exactly; a second engine row (more threads) must equal the first byte for byte.
 * Returns the reference for the next row.
 */
export function checkSeedsRuns(
  runs: SweepRuns,
  book: SweepRuns | undefined,
  previous: SweepRuns | undefined,
): SweepRuns {
  const perSeed = sweepWork().runs;
  if (runs.runs.length !== perSeed * seedsCaseSeeds) {
    throw new ValidationError(
      `sweep seeds: ${runs.runs.length} runs, expected ${seedsCaseSeeds} seeds × ${perSeed}`,
    );
  }
  if (book)
    checkSameRuns('initscope seeds (first seed)', { runs: runs.runs.slice(0, perSeed) }, book);
  if (previous && JSON.stringify(previous.runs) !== JSON.stringify(runs.runs)) {
    throw new ValidationError('sweep seeds: the threaded runs differ from the 1-thread runs');
  }
  return previous ?? runs;
}

/** `numpy` and `numpy-f32` on one sweep case, in one Python process. */
async function numpySweep(
  context: SuiteContext,
  out: SuiteOutput,
  work: BenchCase,
  validate: (engine: EngineName, runs: SweepRuns) => void,
  threads = 1,
): Promise<void> {
  const python = pythonCommand();
  const available = await numpyAvailability(python);
  if (!available.ok) {
    for (const engine of numpySweepEngines) {
      context.log(`sweep ${work.case} ${engine}: skipped, ${available.reason}`);
      out.skipped.push({ suite: 'sweep', case: work.case, engine, reason: available.reason });
    }
    return;
  }
  let report: Awaited<ReturnType<typeof runNumpy>> | undefined;
  let failure: unknown;
  try {
    report = await runNumpy(
      {
        suite: 'sweep',
        seed: benchSeed,
        ...numpyTiming(context.settings),
        sweep: {
          ...bookSweep,
          case: work.case,
          engines: numpySweepEngines,
          inits: bookSweep.inits.map((id) => ({ id, std: bookStd(id, bookSweep.width) })),
        },
      },
      python,
      threads,
    );
    out.versions.numpy = report.numpy;
    out.versions.python = report.python;
    // The facts (BLAS threads included) of the 1-thread peers, which every other suite uses.
    if (threads === 1) out.peers.numpy = numpyFacts(report);
  } catch (error) {
    failure = error;
  }
  for (const engine of numpySweepEngines) {
    let result: BenchResult;
    try {
      if (!report) throw failure;
      const found = numpyCase(report, work.case, engine);
      validate(engine, found.output as SweepRuns);
      const note =
        engine === 'numpy'
          ? 'timed inside Python; float64, the book’s code'
          : 'timed inside Python; float32, preallocated, out= ufuncs, bincount histogram';
      result = timedResult(
        work,
        engine,
        timingOf(found.samplesMs),
        threads > 1 ? `${note}; ${threads} BLAS threads` : note,
        threads,
      );
    } catch (error) {
      result = erroredResult(work, engine, error, threads);
    }
    context.log(progressLine(result));
    out.results.push(result);
  }
}
