import { bookActivations } from '@initscope/sim';
import type { BookActivation } from '../book.js';
import type { EngineName, HistogramInputs, Prepared } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import * as naive from '../engines/naive-js.js';
import {
  type NumpyCase,
  type NumpyReport,
  numpyAvailability,
  numpyCase,
  numpyFacts,
  numpyTiming,
  outputArray,
  pythonCommand,
  runNumpy,
  timingOf,
  withScratch,
  writeF32,
} from '../engines/numpy.js';
import * as tfjs from '../engines/tfjs.js';
import { formatBytes, formatSi } from '../format.js';
import { normalSource } from '../random.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from '../results.js';
import { benchSeed } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import { progressLine, trial } from '../trial.js';
import { ValidationError } from '../validation-error.js';

/** Values per component case (f32). */
export const componentLength = 1_000_000;

/** Bins of the histogram case, as in the book. */
export const componentBins = 30;

/** |mean| and |std − 1| allowed for 10⁶ N(0, 1) samples (their standard errors are ~0.001). */
export const normalTolerance = 0.01;

/** Largest |f32 result − f64 formula| allowed for an activation. */
export const activationTolerance = 1e-5;

/** Bin-count differences allowed against the JS reference, as a fraction of all values (edge rounding). */
export const histogramMismatch = 1e-4;

/** Component case names: normals, each activation, the histogram. */
export const componentCases = ['normal', ...bookActivations, 'histogram'] as const;

/** A component case's name. */
export type ComponentCase = (typeof componentCases)[number];

/** Engines per case, numpy last (it runs every case in one Python process). */
export const componentEngines: Record<ComponentCase, readonly EngineName[]> = {
  normal: ['initscope', 'naive-js', 'tfjs-wasm', 'numpy'],
  sigmoid: ['initscope', 'naive-js', 'tfjs-cpu', 'tfjs-wasm', 'numpy'],
  relu: ['initscope', 'naive-js', 'tfjs-cpu', 'tfjs-wasm', 'numpy'],
  tanh: ['initscope', 'naive-js', 'tfjs-cpu', 'tfjs-wasm', 'numpy'],
  histogram: ['initscope', 'naive-js', 'tfjs-wasm', 'numpy'],
};

/** The napkin math of one component case over `length` f32 values. */
export function componentWork(name: ComponentCase, length: number = componentLength): BenchCase {
  const base = { suite: 'components' as const, case: name, items: length };
  const n = formatSi(length);
  if (name === 'normal') {
    const bytes = 4 * length;
    return {
      ...base,
      bytes,
      unit: 'samples',
      napkin: `${n}samples (Box–Muller); ${formatBytes(bytes)} written`,
    };
  }
  if (name === 'histogram') {
    const bytes = 4 * length;
    return {
      ...base,
      bytes,
      unit: 'values',
      napkin: `${n}values into ${componentBins} bins; ${formatBytes(bytes)} read`,
    };
  }
  const bytes = 8 * length;
  return {
    ...base,
    bytes,
    unit: 'elements',
    napkin: `${n}elements; ${formatBytes(bytes)} read + written`,
  };
}

function checkNormal(samples: Float32Array): void {
  let sum = 0;
  let sumSq = 0;
  for (const x of samples) {
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / samples.length;
  const std = Math.sqrt(sumSq / samples.length - mean * mean);
  if (!(Math.abs(mean) <= normalTolerance && Math.abs(std - 1) <= normalTolerance)) {
    throw new ValidationError(
      `normal samples have mean ${mean.toFixed(4)} and std ${std.toFixed(4)}, expected 0 and 1`,
    );
  }
}

const exact: Record<BookActivation, (x: number) => number> = {
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  relu: (x) => Math.max(x, 0),
};

function checkActivation(kind: BookActivation, x: Float32Array, y: Float32Array): void {
  if (y.length !== x.length)
    throw new ValidationError(`${kind}: ${y.length} outputs for ${x.length} inputs`);
  const f = exact[kind];
  for (let i = 0; i < x.length; i++) {
    const want = f(x[i] as number);
    const error = Math.abs((y[i] as number) - want);
    if (!(error <= activationTolerance)) {
      throw new ValidationError(
        `${kind}(${x[i]}) = ${y[i]}, expected ${want} (error ${error.toExponential(2)})`,
      );
    }
  }
}

function checkCounts(counts: readonly number[], reference: readonly number[]): void {
  if (counts.length !== reference.length) {
    throw new ValidationError(`histogram has ${counts.length} bins, expected ${reference.length}`);
  }
  const total = reference.reduce((s, c) => s + c, 0);
  let mismatch = 0;
  for (let i = 0; i < counts.length; i++)
    mismatch += Math.abs((counts[i] as number) - (reference[i] as number));
  if (mismatch > histogramMismatch * total) {
    throw new ValidationError(
      `histogram counts differ from the reference's by ${mismatch} of ${total} values`,
    );
  }
}

/** Largest median of a timed NumPy component over its bare NumPy call, timed in the same rounds. */
export const bareCallFactor = 1.5;

/**
 * Checks that a NumPy component's timed function does only the operation: its median within
 * {@link bareCallFactor}× the bare call's. Throws ValidationError otherwise.
 */
export function checkBareCall(name: string, medianMs: number, bareMedianMs: number): void {
  if (!(medianMs <= bareCallFactor * bareMedianMs)) {
    throw new ValidationError(
      `NumPy ${name} takes ${(medianMs / bareMedianMs).toFixed(2)}× its bare call ` +
        `(${medianMs.toPrecision(3)} ms vs ${bareMedianMs.toPrecision(3)} ms): it does more than the operation`,
    );
  }
}

/** Validates what NumPy computed for one case, with the same checks as every other engine's. */
async function checkNumpyCase(
  name: ComponentCase,
  found: NumpyCase,
  dir: string,
  x: Float32Array,
  referenceCounts: readonly number[],
): Promise<void> {
  if (name === 'histogram') {
    const o = found.output as { counts?: unknown; below?: unknown; above?: unknown };
    if (!Array.isArray(o?.counts)) throw new ValidationError('NumPy histogram has no counts');
    if (o.below !== 0 || o.above !== 0) {
      throw new ValidationError(`NumPy histogram put ${o.below} below and ${o.above} above [0, 1]`);
    }
    checkCounts(o.counts as number[], referenceCounts);
    return;
  }
  const values = await outputArray(dir, found);
  if (name === 'normal') checkNormal(values);
  else checkActivation(name, x, values);
}

/**
 * The NumPy component cases of `works` in one Python process, on the same inputs as every other
 * engine (`x` for normals' length and the activations, `s` for the histogram on [0, 1]), each
 * output validated by the same checks; results and skips go into `out`.
 */
export async function runNumpyComponents(
  works: Map<ComponentCase, BenchCase>,
  inputs: { x: Float32Array; s: Float32Array; referenceCounts: readonly number[] },
  context: SuiteContext,
  out: SuiteOutput,
): Promise<void> {
  const python = pythonCommand();
  const available = await numpyAvailability(python);
  if (!available.ok) {
    for (const work of works.values()) {
      if (!componentEngines[work.case as ComponentCase].includes('numpy')) continue;
      out.skipped.push({
        suite: 'components',
        case: work.case,
        engine: 'numpy',
        reason: available.reason,
      });
    }
    context.log(`components numpy: skipped, ${available.reason}`);
    return;
  }
  await withScratch(async (dir) => {
    let report: NumpyReport | undefined;
    let failure: unknown;
    try {
      await writeF32(dir, 'x.f32', inputs.x);
      await writeF32(dir, 's.f32', inputs.s);
      report = await runNumpy(
        {
          suite: 'components',
          seed: benchSeed,
          ...numpyTiming(context.settings),
          components: { dir, bins: componentBins },
        },
        python,
      );
      out.versions.numpy = report.numpy;
      out.versions.python = report.python;
      out.peers.numpy = numpyFacts(report);
    } catch (error) {
      failure = error;
    }
    for (const [name, work] of works) {
      if (!componentEngines[name].includes('numpy')) continue;
      let result: BenchResult;
      try {
        if (!report) throw failure;
        const found = numpyCase(report, name, 'numpy');
        await checkNumpyCase(name, found, dir, inputs.x, inputs.referenceCounts);
        if (!found.bareSamplesMs) throw new Error(`NumPy ${name} has no bare-call samples`);
        const timing = timingOf(found.samplesMs);
        const bare = timingOf(found.bareSamplesMs).medianMs;
        result = timedResult(work, 'numpy', timing, 'timed inside Python; float32, out= ufuncs');
        result.bare_median_ms = bare;
      } catch (error) {
        result = erroredResult(work, 'numpy', error);
      }
      context.log(progressLine(result));
      out.results.push(result);
    }
  });
}

/**
 * Each kernel alone on 10⁶ f32 values: normal samples/s, each activation's elements/s, histogram
 * values/s. Inputs are N(0, 1) (the histogram bins their sigmoid, on [0, 1]); outputs are checked
 * against f64 formulas and a JS histogram before timing.
 */
export async function runComponentsSuite(context: SuiteContext): Promise<SuiteOutput> {
  const out = emptyOutput();
  const x = normalSource(benchSeed, 1000).fill(new Float32Array(componentLength));
  const histogram: HistogramInputs = {
    values: naive.naiveActivate('sigmoid', x, new Float32Array(componentLength)),
    lo: 0,
    hi: 1,
    bins: componentBins,
  };
  const referenceCounts = naive.naiveHistogram(histogram);
  const works = new Map<ComponentCase, BenchCase>();
  for (const name of componentCases) {
    const work = componentWork(name);
    works.set(name, work);
    out.cases.push(work);
    context.log(`components ${name}: ${work.napkin}`);
    for (const engine of componentEngines[name]) {
      if (engine === 'numpy') continue;
      let result: BenchResult;
      if (name === 'normal') {
        result = await trial(work, engine, () => prepareNormal(engine), checkNormal, context);
      } else if (name === 'histogram') {
        const check = (counts: number[]) => checkCounts(counts, referenceCounts);
        result = await trial(
          work,
          engine,
          () => prepareHistogram(engine, histogram),
          check,
          context,
        );
      } else {
        const check = (y: Float32Array) => checkActivation(name, x, y);
        result = await trial(
          work,
          engine,
          () => prepareActivation(engine, name, x),
          check,
          context,
        );
      }
      out.results.push(result);
    }
  }
  out.versions.tfjs = tfjs.tfjsVersion;
  await runNumpyComponents(works, { x, s: histogram.values, referenceCounts }, context, out);
  return out;
}

type Preparing<T> = Prepared<T> | Promise<Prepared<T>>;

function unsupported(engine: EngineName, what: string): never {
  throw new Error(`${engine} has no ${what} adapter`);
}

function prepareNormal(engine: EngineName): Preparing<Float32Array> {
  if (engine === 'initscope') return initscope.prepareNormal(componentLength, benchSeed);
  if (engine === 'naive-js') return naive.prepareNormal(componentLength, benchSeed);
  if (engine === 'tfjs-wasm' || engine === 'tfjs-cpu') {
    return tfjs.prepareNormal(engine === 'tfjs-wasm' ? 'wasm' : 'cpu', componentLength, benchSeed);
  }
  return unsupported(engine, 'normal');
}

function prepareActivation(
  engine: EngineName,
  kind: BookActivation,
  x: Float32Array,
): Preparing<Float32Array> {
  if (engine === 'initscope') return initscope.prepareActivation(kind, x);
  if (engine === 'naive-js') return naive.prepareActivation(kind, x);
  if (engine === 'tfjs-wasm' || engine === 'tfjs-cpu') {
    return tfjs.prepareActivation(engine === 'tfjs-wasm' ? 'wasm' : 'cpu', kind, x);
  }
  return unsupported(engine, kind);
}

function prepareHistogram(engine: EngineName, inputs: HistogramInputs): Preparing<number[]> {
  if (engine === 'initscope') return initscope.prepareHistogram(inputs);
  if (engine === 'naive-js') return naive.prepareHistogram(inputs);
  if (engine === 'tfjs-wasm' || engine === 'tfjs-cpu') {
    return tfjs.prepareHistogram(engine === 'tfjs-wasm' ? 'wasm' : 'cpu', inputs);
  }
  return unsupported(engine, 'histogram');
}
