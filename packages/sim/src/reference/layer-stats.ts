import { saturationMargin } from '@initscope/core-wasm';
import type { LayerStats } from '@initscope/results';
import { histogramEdges } from '../stats.js';

/** Histogram counts of `values` in `bins` equal bins on [lo, hi]; values outside are not counted. */
export function naiveHistogram(
  values: Float32Array,
  lo: number,
  hi: number,
  bins: number,
): number[] {
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

/**
 * One layer's statistics in the results contract's shape, in plain JS: two passes with f64
 * accumulators (sum, extremes, zeros; then squared deviations and the histogram).
 * Binning as core-wasm: bin = min(bins − 1, ⌊(x − lo) / (hi − lo) · bins⌋); NaN and ±Inf are counted
 * in `nonFinite` only. With `bounds` (null for an unbounded activation), also `saturation`: the
 * share of all values within `saturationMargin` of a bound.
 */
export function layerStatsOf(
  values: Float32Array,
  layer: number,
  bins: number,
  range: (min: number, max: number) => [number, number],
  bounds?: readonly [number, number] | null,
): LayerStats {
  // Pass 1: sum, extremes, zeros, non-finite values.
  let finite = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let zeros = 0;
  let saturated = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x - x !== 0) continue; // NaN or ±Inf
    finite++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (x === 0) zeros++;
    if (bounds && (x <= bounds[0] + saturationMargin || x >= bounds[1] - saturationMargin)) {
      saturated++;
    }
  }
  const hasFinite = finite > 0;
  const mean = hasFinite ? sum / finite : 0;
  const [lo, hi] = hasFinite ? range(min, max) : range(Number.NaN, Number.NaN);

  // Pass 2: histogram and squared deviations from the mean.
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let sumSqDev = 0;
  const width = hi - lo;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x - x !== 0) continue;
    const d = x - mean;
    sumSqDev += d * d;
    if (x < lo) below++;
    else if (x > hi) above++;
    else {
      const bin = Math.min(bins - 1, Math.floor(((x - lo) / width) * bins));
      counts[bin] = (counts[bin] as number) + 1;
    }
  }
  const stats: LayerStats = {
    layer,
    mean: hasFinite ? mean : null,
    std: hasFinite ? Math.sqrt(sumSqDev / finite) : null,
    min: hasFinite ? min : null,
    max: hasFinite ? max : null,
    zeroFraction: zeros / n,
    nonFinite: n - finite,
  } as LayerStats;
  if (bounds !== undefined) stats.saturation = bounds === null ? null : saturated / n;
  stats.histogram = { edges: histogramEdges(lo, hi, bins), counts, below, above };
  return stats;
}
