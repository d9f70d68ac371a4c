import {
  naiveActivate,
  naiveHistogram as naiveHistogramOf,
  naiveMatmul,
  referenceSweep,
} from '@initscope/sim/reference';
import { type BookActivation, type BookSweep, bookSweep } from '../book.js';
import type { HistogramInputs, MatmulInputs, Prepared } from '../engine.js';
import { normalSource } from '../random.js';
import type { SweepRuns } from '../sweep-runs.js';

// The plain-JS peer: typed arrays and for loops, what one writes without a library. Its kernels and
// its sweep are sim's plain-JS reference of `sweep()` (`@initscope/sim/reference`).
// Dimension legend: x/a is (m, k), w/b is (k, n), out is (m, n), row-major.

export { naiveActivate, naiveMatmul };

/** Histogram counts of `values` in `bins` equal bins on [lo, hi]; values outside are not counted. */
export function naiveHistogram({ values, lo, hi, bins }: HistogramInputs): number[] {
  return naiveHistogramOf(values, lo, hi, bins);
}

/** The book's sweep in plain JS loops: the same seeded draws as initscope, i-k-j matmuls, activations, JS statistics. */
export function naiveSweep(seed: number, sweep: BookSweep = bookSweep): SweepRuns {
  const { activations, inits, layers, width, samples, bins } = sweep;
  return referenceSweep({ activations, inits, layers, width, samples, bins, seed });
}

/** A matmul on plain Float32Arrays. */
export function prepareMatmul({ a, b, m, k, n }: MatmulInputs): Prepared<Float32Array> {
  const out = new Float32Array(m * n);
  return { run: () => void naiveMatmul(a, b, out, m, k, n), output: () => out, dispose() {} };
}

/** The whole book sweep. */
export function prepareSweep(seed: number): Prepared<SweepRuns> {
  let last: SweepRuns = { runs: [] };
  return {
    run: () => {
      last = naiveSweep(seed);
    },
    output: () => last,
    dispose() {},
  };
}

/** `length` N(0, 1) samples into one reused array. */
export function prepareNormal(length: number, seed: number): Prepared<Float32Array> {
  const out = new Float32Array(length);
  const source = normalSource(seed, 0);
  return { run: () => void source.fill(out), output: () => out, dispose() {} };
}

/** One activation over `x` into a separate output. */
export function prepareActivation(kind: BookActivation, x: Float32Array): Prepared<Float32Array> {
  const out = new Float32Array(x.length);
  return { run: () => void naiveActivate(kind, x, out), output: () => out, dispose() {} };
}

/** Histogram counts of the inputs. */
export function prepareHistogram(inputs: HistogramInputs): Prepared<number[]> {
  let counts: number[] = [];
  return {
    run: () => {
      counts = naiveHistogram(inputs);
    },
    output: () => counts,
    dispose() {},
  };
}
