/** Pass 1 over a block: sums and extremes of its finite values, accumulated in f64. */
export interface Moments {
  /** All values. */
  count: number;
  /** Finite values. */
  finite: number;
  /** Sum of finite values (f64, index order). */
  sum: number;
  /** Smallest finite value (NaN when none). */
  min: number;
  /** Largest finite value (NaN when none). */
  max: number;
  /** Exact zeros (+0 and -0). */
  zeros: number;
  /** NaN, +Inf, -Inf. */
  nonFinite: number;
}

/** Pass 2 over a block: histogram of finite values on [lo, hi] and the sum of squared deviations from `center`. */
export interface HistogramPass {
  /** `bins` counts; bin i = [lo + i·w, lo + (i+1)·w), the last bin includes hi (as numpy.histogram). */
  counts: number[];
  /** Finite values < lo. */
  below: number;
  /** Finite values > hi. */
  above: number;
  /** Σ (x − center)² over finite values, f64. */
  sumSqDev: number;
}

/** A histogram of a fused pass: `bins` bins on [lo, hi], binned as `histogramOf` bins. */
export interface HistogramRange {
  /** Lower edge (finite). */
  lo: number;
  /** Upper edge (finite, > lo); the last bin includes it. */
  hi: number;
  /** Number of bins, an integer in [1, maxBins]. */
  bins: number;
}

/**
 * What a fused pass measures of its outputs: `'moments'` (moments and sumSqDev; for a range that
 * needs the max, bin afterwards with `histogramOf`) or a histogram range (moments, sumSqDev and counts).
 */
export type StatsRequest = 'moments' | HistogramRange;

/** The histogram part of a pass given a range. */
export interface HistogramCounts {
  /** `bins` counts of finite values; bin i = [lo + i·w, lo + (i+1)·w), the last bin includes hi. */
  counts: number[];
  /** Finite values < lo. */
  below: number;
  /** Finite values > hi. */
  above: number;
}

/**
 * Statistics of a fused pass over its outputs (`denseInto`/`activateInto` with `stats`). Counts,
 * min, max, zeros and nonFinite are exact (as `momentsOf`/`histogramOf`; a zero min or max is +0);
 * `sum` (Σx) and `sumSqDev` (from sums shifted by K, the first finite output:
 * Σ(x − K)² − (Σ(x − K))²/finite) are f64 sums in chunked lane order: within `passSumTolerance` of
 * the index-order two-pass values, not bit-equal.
 */
export interface LayerPass extends Moments {
  /** Σ (x − mean)² over finite values, f64 (0 when none is finite). */
  sumSqDev: number;
  /** Histogram counts, when `stats` gave a range. */
  counts?: number[];
  /** Finite values < lo, when `stats` gave a range. */
  below?: number;
  /** Finite values > hi, when `stats` gave a range. */
  above?: number;
  /**
   * Finite values within `saturationMargin` of a bound (x ≤ lo + margin or x ≥ hi − margin, compared
   * exactly in f64), when `saturation` gave the bounds.
   */
  saturated?: number;
}

/** The bounds of a bounded activation's outputs (sigmoid [0, 1], tanh and softsign [−1, 1]). */
export interface SaturationBounds {
  lo: number;
  hi: number;
}

/** A value within this distance of a bound counts as saturated (`LayerPass.saturated`). */
export const saturationMargin = 0.05;

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

// the f32 next to f (an f32, finite, not 0) toward ±∞
function nextF32(f: number, up: boolean): number {
  f32Scratch[0] = f;
  const bits = u32Scratch[0] as number;
  u32Scratch[0] = f > 0 === up ? bits + 1 : bits - 1;
  return f32Scratch[0] as number;
}

/**
 * The f32 thresholds the kernel compares f32 outputs with, so that for every f32 x:
 * x ≤ loT ⇔ x ≤ lo + margin and x ≥ hiT ⇔ x ≥ hi − margin (both sides in f64).
 */
export function saturationThresholds(bounds: SaturationBounds): [number, number] {
  const lo = bounds.lo + saturationMargin;
  const hi = bounds.hi - saturationMargin;
  let loT = Math.fround(lo);
  if (loT > lo) loT = loT === 0 ? -1.401298464324817e-45 : nextF32(loT, false);
  let hiT = Math.fround(hi);
  if (hiT < hi) hiT = hiT === 0 ? 1.401298464324817e-45 : nextF32(hiT, true);
  return [loT, hiT];
}

/**
 * Tolerance of a fused pass's `sum` and `sumSqDev` against the two-pass values (`momentsOf`'s sum;
 * Σ(x − mean)² in index order): |Δsum| ≤ passSumTolerance·Σ|x| and |ΔsumSqDev| ≤
 * passSumTolerance·Σ(x − K)², K the first finite output (SPEC.md "Scale, fused statistics"). The
 * shifted sums stay accurate when std ≪ |mean| (sigmoid after std:0.01: std ≈ 1e-3 about 0.5).
 */
export const passSumTolerance = 1e-12;
