import { bookActivations } from '@initscope/sim';
import type { BookActivation } from '../book.js';
import type { EngineName, HistogramInputs, Prepared } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import * as naive from '../engines/naive-js.js';
import {
  type NumpyCase,
  numpyAvailability,
  numpyTiming,
  pythonCommand,
  runNumpy,
  timingOf,
} from '../engines/numpy.js';
import * as tfjs from '../engines/tfjs.js';
import { formatBytes, formatSi } from '../format.js';
import { normalSource } from '../random.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from '../results.js';
import { benchSeed } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import { histogramDistance } from '../sweep-check.js';
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

/** TV distance allowed for NumPy's histogram, which bins its own samples. */
export const histogramSampleDistance = 0.01;

/** Component case names: normals, each activation, the histogram. */
export const componentCases = ['normal', ...bookActivations, 'histogram'] as const;

type ComponentCase = (typeof componentCases)[number];

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

/** Checks what NumPy reported for one case (it ran on its own samples, so loosely). */
function checkNumpyCase(name: ComponentCase, output: unknown, reference: readonly number[]): void {
  const o = output as Record<string, unknown>;
  if (name === 'normal') {
    const [mean, std] = [o.mean as number, o.std as number];
    if (!(Math.abs(mean) <= normalTolerance && Math.abs(std - 1) <= normalTolerance)) {
      throw new ValidationError(`NumPy normals have mean ${mean} and std ${std}`);
    }
  } else if (name === 'histogram') {
    const counts = o.counts as number[];
    const total = counts.reduce((s, c) => s + c, 0);
    if (total !== o.total)
      throw new ValidationError(`NumPy histogram holds ${total} of ${o.total} values`);
    const distance = histogramDistance(counts, reference);
    if (distance > histogramSampleDistance) {
      throw new ValidationError(
        `NumPy histogram is ${distance.toFixed(3)} (TV) from the reference's`,
      );
    }
  } else {
    if (o.dtype !== 'float32')
      throw new ValidationError(`NumPy ${name} returned ${o.dtype}, expected float32`);
    if (!((o.max_abs_error as number) <= activationTolerance)) {
      throw new ValidationError(`NumPy ${name} is off by ${o.max_abs_error}`);
    }
  }
}

/** The same component cases in one Python process; every case's result (or the shared error). */
async function numpyResults(
  works: Map<ComponentCase, BenchCase>,
  referenceCounts: readonly number[],
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
  out.versions.numpy = available.numpy;
  out.versions.python = available.python;
  let cases: NumpyCase[] = [];
  let failure: unknown;
  try {
    const report = await runNumpy(
      {
        suite: 'components',
        seed: benchSeed,
        ...numpyTiming(context.settings),
        components: { length: componentLength, bins: componentBins },
      },
      python,
    );
    cases = report.cases;
  } catch (error) {
    failure = error;
  }
  for (const [name, work] of works) {
    if (!componentEngines[name].includes('numpy')) continue;
    let result: BenchResult;
    try {
      if (failure) throw failure;
      const found = cases.find((c) => c.case === name);
      if (!found) throw new Error(`NumPy reported no "${name}" case`);
      checkNumpyCase(name, found.output, referenceCounts);
      result = timedResult(
        work,
        'numpy',
        timingOf(found.samplesMs),
        'timed inside Python; float32',
      );
    } catch (error) {
      result = erroredResult(work, 'numpy', error);
    }
    context.log(progressLine(result));
    out.results.push(result);
  }
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
  await numpyResults(works, referenceCounts, context, out);
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
