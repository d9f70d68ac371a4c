import { histogramRange, type RunResult } from '@initscope/sim';
import { type BookActivation, type BookSweep, bookStd, bookSweep } from '../book.js';
import type { HistogramInputs, MatmulInputs, Prepared } from '../engine.js';
import { layerStatsOf } from '../layer-stats.js';
import { normalSource } from '../random.js';
import type { SweepRuns } from '../sweep-runs.js';

// The plain-JS peer: typed arrays and for loops, what one writes without a library.
// Dimension legend: x/a is (m, k), w/b is (k, n), out is (m, n), row-major.

/** out = a·b in the i-k-j order (row of b streamed, f32 accumulation in `out`). */
export function naiveMatmul(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      const bRow = p * n;
      for (let j = 0; j < n; j++)
        out[row + j] = (out[row + j] as number) + aip * (b[bRow + j] as number);
    }
  }
  return out;
}

/** out = activation(x), elementwise; `out` may be `x`. */
export function naiveActivate(
  kind: BookActivation,
  x: Float32Array,
  out: Float32Array,
): Float32Array {
  const n = x.length;
  if (kind === 'sigmoid')
    for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-(x[i] as number)));
  else if (kind === 'tanh') for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i] as number);
  else
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      out[i] = Math.max(v, 0);
    }
  return out;
}

/** Histogram counts of `values` in `bins` equal bins on [lo, hi]; values outside are not counted. */
export function naiveHistogram({ values, lo, hi, bins }: HistogramInputs): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = hi - lo;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!(x >= lo && x <= hi)) continue;
    const bin = Math.min(bins - 1, Math.floor(((x - lo) / width) * bins));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

/** The book's sweep in plain JS loops: seeded normals, i-k-j matmuls, activations, JS statistics. */
export function naiveSweep(seed: number, sweep: BookSweep = bookSweep): SweepRuns {
  const { samples, width, layers, bins } = sweep;
  const input = normalSource(seed, 0).fill(new Float32Array(samples * width));
  const buffers = [new Float32Array(samples * width), new Float32Array(samples * width)] as const;
  const weights = new Float32Array(width * width);
  const runs: RunResult[] = [];
  for (const activation of sweep.activations) {
    for (const init of sweep.inits) {
      const std = bookStd(init, width);
      const stats = [];
      let x = input;
      for (let layer = 1; layer <= layers; layer++) {
        normalSource(seed, layer).fill(weights, std);
        const z = buffers[layer % 2] as Float32Array;
        naiveMatmul(x, weights, z, samples, width, width);
        naiveActivate(activation, z, z);
        stats.push(
          layerStatsOf(z, layer, bins, (min, max) => histogramRange(activation, min, max)),
        );
        x = z;
      }
      const weightStd = new Array<number>(layers).fill(std);
      runs.push({ activation, init, state: 'completed', weightStd, layers: stats });
    }
  }
  return { runs };
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
