import type { HistogramPass, Moments } from '../stats.js';

/** Moments of x in one pass, f64 accumulation in index order (as `assembly/stats.ts`). */
export function moments(x: Float32Array): Moments {
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

/** Histogram of the finite values of x on [lo, hi] (last bin includes hi) and Σ(x − center)², in index order. */
export function histogram(
  x: Float32Array,
  lo: number,
  hi: number,
  bins: number,
  center: number,
): HistogramPass {
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let sumSqDev = 0;
  const width = hi - lo;
  for (const v of x) {
    if (!Number.isFinite(v)) continue;
    const d = v - center;
    sumSqDev += d * d;
    if (v < lo) below++;
    else if (v > hi) above++;
    else {
      const bin = Math.min(bins - 1, Math.floor(((v - lo) / width) * bins));
      counts[bin] = (counts[bin] as number) + 1;
    }
  }
  return { counts, below, above, sumSqDev };
}
