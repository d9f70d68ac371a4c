import type { EngineName, MatmulDelivery, MatmulInputs, Prepared } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import * as naive from '../engines/naive-js.js';
import {
  numpyAvailability,
  numpyCase,
  numpyFacts,
  numpyTiming,
  outputArray,
  pythonCommand,
  readF32,
  runNumpy,
  timingOf,
  withScratch,
  writeF32,
} from '../engines/numpy.js';
import * as tfjs from '../engines/tfjs.js';
import { formatBytes, formatSi } from '../format.js';
import { checkMatmul } from '../matmul-check.js';
import { normalSource } from '../random.js';
import {
  type BenchCase,
  type BenchResult,
  erroredResult,
  type MatmulSuite,
  timedResult,
} from '../results.js';
import { benchSeed, naiveMaxFlop, wanted } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import { pairedTrial, progressLine, trial } from '../trial.js';
import { allCores } from './sweep.js';

// Dimension legend: a is (M, K), b is (K, N), out = a·b is (M, N), f32, row-major.

/** The cases, M×K×N: the book's layer shape, then square and tall shapes up to ~8.6 GFLOP. */
export const matmulShapes: readonly (readonly [number, number, number])[] = [
  [1000, 100, 100],
  [256, 256, 256],
  [1024, 1024, 1024],
  [4096, 1024, 1024],
  [10000, 512, 512],
];

/**
 * The cases initscope also runs on every core (core-wasm's ThreadedCore: chunks of one product's
 * rows taken by {@link allCores} threads), with NumPy peers on as many BLAS threads.
 */
export const threadedMatmulShapes: readonly (readonly [number, number, number])[] = [
  [1024, 1024, 1024],
  [4096, 1024, 1024],
];

/** Whether initscope also runs M×K×N on every core. */
function runsThreaded(m: number, k: number, n: number): boolean {
  return threadedMatmulShapes.some(([tm, tk, tn]) => tm === m && tk === k && tn === n);
}

/** Engines of the matmul suite, in the order they run. */
export const matmulEngines = ['initscope', 'naive-js', 'tfjs-cpu', 'tfjs-wasm'] as const;

type MatmulEngine = (typeof matmulEngines)[number];

const prepareFor: Record<
  MatmulEngine,
  (
    inputs: MatmulInputs,
    delivery: MatmulDelivery,
  ) => Prepared<Float32Array> | Promise<Prepared<Float32Array>>
> = {
  initscope: initscope.prepareMatmul,
  // naive-js computes in a JavaScript array already: both deliveries are the same run
  'naive-js': (inputs) => naive.prepareMatmul(inputs),
  'tfjs-cpu': (inputs, delivery) => tfjs.prepareMatmul('cpu', inputs, delivery),
  'tfjs-wasm': (inputs, delivery) => tfjs.prepareMatmul('wasm', inputs, delivery),
};

/**
 * The suite that times each delivery: `matmul` the product alone, `matmul-readback` the product
 * with its values in a JavaScript Float32Array (see {@link MatmulDelivery}).
 */
export const matmulSuiteOf: Readonly<Record<MatmulDelivery, MatmulSuite>> = {
  kernel: 'matmul',
  readback: 'matmul-readback',
};

/** "1000x100x100" */
export function matmulCaseName(m: number, k: number, n: number): string {
  return `${m}x${k}x${n}`;
}

/** The napkin math of one M×K×N matmul: 2·M·K·N flops, 4·(MK + KN + MN) bytes at least. */
export function matmulWork(
  m: number,
  k: number,
  n: number,
  suite: MatmulSuite = 'matmul',
): BenchCase {
  const flop = 2 * m * k * n;
  const bytes = 4 * (m * k + k * n + m * n);
  return {
    suite,
    case: matmulCaseName(m, k, n),
    flop,
    bytes,
    napkin:
      `2·${m}·${k}·${n} = ${formatSi(flop)}FLOP; 4·(MK+KN+MN) = ${formatBytes(bytes)} moved; ` +
      `${(flop / bytes).toFixed(0)} flop/B`,
  };
}

/**
 * The `matmul` suite: every engine on every shape, timing the product alone; NumPy
 * (`np.matmul(a, b, out=c)` in float32, `numpy-f32`) after the JavaScript engines, on the same
 * inputs, in one Python process. (`matmul-readback` has no NumPy row: its product never reaches
 * JavaScript.)
 */
export function runMatmulSuite(context: SuiteContext): Promise<SuiteOutput> {
  return withScratch((dir) => runMatmulShapes(context, 'kernel', dir));
}

/** The `matmul-readback` suite: the same, timing the product and reading its values into JS. */
export function runMatmulReadbackSuite(context: SuiteContext): Promise<SuiteOutput> {
  return runMatmulShapes(context, 'readback');
}

/**
 * Every engine on every shape: inputs N(0, 1), each engine's output checked against an f64
 * reference (checkMatmul) before it is timed. naive-js is skipped above {@link naiveMaxFlop};
 * any engine is skipped when its best GFLOP/s so far predicts a run longer than `maxRunMs`.
 */
async function runMatmulShapes(
  context: SuiteContext,
  delivery: MatmulDelivery,
  numpyDir?: string,
): Promise<SuiteOutput> {
  const { settings, log } = context;
  const suite = matmulSuiteOf[delivery];
  const out = emptyOutput();
  const bestGflops = new Map<EngineName, number>();
  for (const [index, [m, k, n]] of matmulShapes.entries()) {
    if (!wanted(context.only, suite, matmulCaseName(m, k, n))) continue;
    const work = matmulWork(m, k, n, suite);
    out.cases.push(work);
    log(`${suite} ${work.case}: ${work.napkin}`);
    const source = normalSource(benchSeed, index + 1);
    const inputs: MatmulInputs = {
      a: source.fill(new Float32Array(m * k)),
      b: source.fill(new Float32Array(k * n)),
      m,
      k,
      n,
    };
    const flop = work.flop as number;
    for (const engine of matmulEngines) {
      const rate = bestGflops.get(engine);
      const estimateMs = rate ? flop / rate / 1e6 : 0;
      let reason: string | undefined;
      if (engine === 'naive-js' && flop > naiveMaxFlop) {
        reason = `${formatSi(flop)}FLOP is above naive-js's ${formatSi(naiveMaxFlop)}FLOP limit`;
      } else if (estimateMs > settings.maxRunMs) {
        reason =
          `an estimated ${(estimateMs / 1e3).toFixed(1)} s per run at ${rate?.toFixed(2)} GFLOP/s ` +
          `exceeds ${settings.mode} mode's ${(settings.maxRunMs / 1e3).toFixed(0)} s limit`;
      }
      if (reason) {
        log(`${suite} ${work.case} ${engine}: skipped, ${reason}`);
        out.skipped.push({ suite, case: work.case, engine, reason });
        continue;
      }
      const check = (c: Float32Array) => checkMatmul(inputs.a, inputs.b, c, m, k, n);
      const prepare = () => prepareFor[engine](inputs, delivery);
      const threaded =
        engine === 'initscope' && delivery === 'kernel' && allCores > 1 && runsThreaded(m, k, n);
      // With threads, the same product on every core too (chunks of out's rows taken by the
      // threads in turn), timed in alternating blocks with the 1-thread row.
      const [result, ...more] = threaded
        ? await pairedTrial(
            work,
            engine,
            [
              { prepare, validate: check, threads: 1 },
              {
                prepare: () => initscope.prepareThreadedMatmul(inputs, allCores),
                validate: check,
                threads: allCores,
              },
            ],
            context,
          )
        : [await trial(work, engine, prepare, check, context)];
      if (result?.gflops !== undefined) {
        bestGflops.set(engine, Math.max(result.gflops, rate ?? 0));
      }
      out.results.push(...(result ? [result] : []), ...more);
    }
    if (numpyDir) {
      await writeF32(numpyDir, `${work.case}.a.f32`, inputs.a);
      await writeF32(numpyDir, `${work.case}.b.f32`, inputs.b);
    }
  }
  out.versions.tfjs = tfjs.tfjsVersion;
  if (numpyDir) {
    await numpyMatmul(context, out, numpyDir);
    // The peers of initscope's all-cores rows: NumPy with as many BLAS threads.
    if (allCores > 1) await numpyMatmul(context, out, numpyDir, allCores);
  }
  return out;
}

/**
 * `numpy-f32` on every case of `out` (whose inputs are in `dir`): np.matmul(a, b, out=c) timed
 * in Python, each product read back and checked like every engine's. With `threads` > 1: only
 * the {@link threadedMatmulShapes}, with as many BLAS threads.
 */
async function numpyMatmul(
  context: SuiteContext,
  out: SuiteOutput,
  dir: string,
  threads = 1,
): Promise<void> {
  const engine = 'numpy-f32';
  // the cases this run has (BENCH_ONLY may leave some out): all of them, or the threaded ones
  const chosen = (threads > 1 ? threadedMatmulShapes : matmulShapes).filter(([m, k, n]) =>
    out.cases.some((work) => work.suite === 'matmul' && work.case === matmulCaseName(m, k, n)),
  );
  const works = out.cases.filter(
    (work) =>
      work.suite === 'matmul' && chosen.some(([m, k, n]) => work.case === matmulCaseName(m, k, n)),
  );
  if (works.length === 0) return;
  const python = pythonCommand();
  const available = await numpyAvailability(python);
  if (!available.ok) {
    if (threads > 1) return;
    for (const work of works) {
      out.skipped.push({ suite: 'matmul', case: work.case, engine, reason: available.reason });
    }
    context.log(`matmul ${engine}: skipped, ${available.reason}`);
    return;
  }
  const shapes = chosen.map(([m, k, n]) => ({ case: matmulCaseName(m, k, n), m, k, n }));
  let report: Awaited<ReturnType<typeof runNumpy>> | undefined;
  let failure: unknown;
  try {
    report = await runNumpy(
      {
        suite: 'matmul',
        seed: benchSeed,
        ...numpyTiming(context.settings),
        matmul: { dir, shapes },
      },
      python,
      threads,
    );
    out.versions.numpy = report.numpy;
    out.versions.python = report.python;
    // The facts (BLAS threads included) of the 1-thread peers.
    if (threads === 1) out.peers.numpy = numpyFacts(report);
  } catch (error) {
    failure = error;
  }
  for (const { m, k, n } of shapes) {
    const work = works.find((w) => w.case === matmulCaseName(m, k, n)) as BenchCase;
    let result: BenchResult;
    try {
      if (!report) throw failure;
      const found = numpyCase(report, work.case, engine);
      const [a, b, c] = await Promise.all([
        readF32(dir, `${work.case}.a.f32`),
        readF32(dir, `${work.case}.b.f32`),
        outputArray(dir, found),
      ]);
      checkMatmul(a, b, c, m, k, n);
      const note = 'timed inside Python; float32 np.matmul(a, b, out=c)';
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
