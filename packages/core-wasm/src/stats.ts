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
