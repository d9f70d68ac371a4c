import type * as stats from '../stats.js';
import { saturationMargin } from '../stats.js';

/** Moments of x in one pass, f64 accumulation in index order (as `assembly/stats.ts`). */
export function moments(x: Float32Array): stats.Moments {
  let finite = 0;
  let zeros = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (!Number.isFinite(v)) continue;
    finite++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
  }
  return {
    count: x.length,
    finite,
    sum,
    min: finite > 0 ? min : Number.NaN,
    max: finite > 0 ? max : Number.NaN,
    zeros,
    nonFinite: x.length - finite,
  };
}

// ((p0 + p2) + (p4 + p6)) + ((p1 + p3) + (p5 + p7)): how the kernel combines its 8 partial sums
function combine(p: Float64Array): number {
  const q = p as unknown as number[];
  return (
    (q[0] as number) +
    (q[2] as number) +
    ((q[4] as number) + (q[6] as number)) +
    ((q[1] as number) + (q[3] as number) + ((q[5] as number) + (q[7] as number)))
  );
}

/** `bins` counts of the finite values of x on [lo, hi] and below/above, binned as `histogramOf`. */
export function counts(
  x: Float32Array,
  lo: number,
  hi: number,
  bins: number,
): stats.HistogramCounts {
  const result = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  const width = hi - lo;
  for (const v of x) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) below++;
    else if (v > hi) above++;
    else {
      const bin = Math.min(bins - 1, Math.floor(((v - lo) / width) * bins));
      result[bin] = (result[bin] as number) + 1;
    }
  }
  return { counts: result, below, above };
}

/**
 * Histogram of the finite values of x on [lo, hi] (last bin includes hi) and Σ(x − center)²: value i
 * adds to partial i mod 8, the partials combined as ((p0 + p2) + (p4 + p6)) + ((p1 + p3) + (p5 + p7))
 * (the kernel's order, so the results are equal).
 */
export function histogram(
  x: Float32Array,
  lo: number,
  hi: number,
  bins: number,
  center: number,
): stats.HistogramPass {
  const partials = new Float64Array(8);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) continue;
    const d = v - center;
    partials[i & 7] = (partials[i & 7] as number) + d * d;
  }
  return { ...counts(x, lo, hi, bins), sumSqDev: combine(partials) };
}

/** Σ x² in f64 over every value (NaN and ±Inf propagate), in the kernel's 8-partial order. */
export function sumSquares(x: Float32Array): number {
  const partials = new Float64Array(8);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    partials[i & 7] = (partials[i & 7] as number) + v * v;
  }
  return combine(partials);
}

/**
 * What a fused pass reports, computed in two passes: `moments`, then Σ(x − mean)² in index order
 * (and the counts for a range). Counts, min, max, zeros and nonFinite equal the kernel's; sum and
 * sumSqDev agree within `passSumTolerance`.
 */
export function layerPass(
  x: Float32Array,
  request: stats.StatsRequest,
  saturation?: stats.SaturationBounds,
): stats.LayerPass {
  const m = moments(x);
  const mean = m.finite > 0 ? m.sum / m.finite : 0;
  let sumSqDev = 0;
  for (const v of x) {
    if (!Number.isFinite(v)) continue;
    sumSqDev += (v - mean) ** 2;
  }
  // the kernel reports a zero extreme as +0
  const result: stats.LayerPass = { ...m, min: m.min + 0, max: m.max + 0, sumSqDev };
  if (saturation) result.saturated = saturated(x, saturation);
  if (request === 'moments') return result;
  const range = request as stats.HistogramRange;
  return { ...result, ...counts(x, range.lo, range.hi, range.bins) };
}

/**
 * The finite values within `saturationMargin` of a bound: x ≤ lo + margin or x ≥ hi − margin, in
 * f64 (the fused pass's `saturated`).
 */
export function saturated(x: Float32Array, bounds: stats.SaturationBounds): number {
  const lo = bounds.lo + saturationMargin;
  const hi = bounds.hi - saturationMargin;
  let n = 0;
  for (const v of x) if (Number.isFinite(v) && (v <= lo || v >= hi)) n++;
  return n;
}
