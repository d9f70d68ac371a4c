// Statistics over an f32 block, accumulated in f64. x is (n) f32; out is f64 results.
// moments: one pass in index order (src/reference/stats.ts follows the same order: equal results).
// histogram, sumSquares: f64 sums in 8 interleaved partials (value i adds to partial i mod 8), combined
// as ((p0 + p2) + (p4 + p6)) + ((p1 + p3) + (p5 + p7)); the reference sums in the same order.

import { Bins, binsAbove, binsBelow, foldBins, setupBins } from './bins';
import { isFiniteBits } from './f32bits';
import { Lanes } from './lanes';

export { histogramScratchBytes } from './bins';

// 8 values of padding for the last partial step (NaN for histogram, 0 for sumSquares)
const TAIL: usize = memory.data(32, 16);

// copies the last n & 7 values of x to TAIL, padded with `pad`; returns TAIL
function tail(x: usize, n: i32, pad: f32): usize {
  const rem = n & 7;
  const from = x + ((<usize>(n & ~7)) << 2);
  for (let i = 0; i < 8; i++) {
    store<f32>(TAIL + ((<usize>i) << 2), i < rem ? load<f32>(from + ((<usize>i) << 2)) : pad);
  }
  return TAIL;
}

// ((p0 + p2) + (p4 + p6)) + ((p1 + p3) + (p5 + p7)) from a0 = (p0, p1), a1 = (p2, p3), a2 = (p4, p5), a3 = (p6, p7)
function combine(a0: v128, a1: v128, a2: v128, a3: v128): f64 {
  const c = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  return f64x2.extract_lane(c, 0) + f64x2.extract_lane(c, 1);
}

/** out = [count, finite, sum, min, max, zeros, nonFinite] over x (min/max NaN when no finite value). */
export function moments(x: usize, n: i32, out: usize): void {
  let finite: u32 = 0;
  let zeros: u32 = 0;
  let sum = 0.0;
  let lo = Infinity;
  let hi = -Infinity;
  const end = x + ((<usize>n) << 2);
  for (; x < end; x += 4) {
    if (!isFiniteBits(load<u32>(x))) continue;
    const v = <f64>load<f32>(x);
    finite++;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v == 0) zeros++;
  }
  store<f64>(out, <f64>n);
  store<f64>(out, <f64>finite, 8);
  store<f64>(out, sum, 16);
  store<f64>(out, finite > 0 ? lo : NaN, 24);
  store<f64>(out, finite > 0 ? hi : NaN, 32);
  store<f64>(out, <f64>zeros, 40);
  store<f64>(out, <f64>(<u32>n - finite), 48);
}

/**
 * Histogram of the finite values of x on [lo, hi] (numpy.histogram bins: the last one includes hi)
 * and Σ(x − center)² over them. counts holds histogramScratchBytes(bins); on return its first
 * `bins` u32 are the counts and out = [below, above, sumSqDev].
 * Bin = min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋) in f64, exactly: f32 lanes estimate it and any
 * lane that is outside, non-finite or near a bin edge is binned by the f64 formula (bins.ts).
 */
export function histogram(
  x: usize,
  n: i32,
  lo: f64,
  hi: f64,
  bins: i32,
  center: f64,
  countsAt: usize,
  out: usize,
): void {
  setupBins(lo, hi, bins, countsAt);
  const c = f64x2.splat(center);
  const big = f32x4.splat(3.4028234663852886e38);
  const lo4 = Bins.lo();
  const sc4 = Bins.scale();
  const first4 = Bins.first();
  const last4 = Bins.last();
  const top4 = Bins.top();
  const far4 = Bins.far();
  const base0 = Bins.base(0);
  const base1 = Bins.base(1);
  let a0 = f64x2.splat(0.0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let p = x;
  let end = x + ((<usize>(n & ~7)) << 2);
  let padded = (n & 7) == 0;
  while (true) {
    while (p < end) {
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      // Σ(x − center)² of the finite lanes (the others add +0)
      const fin0 = f32x4.le(f32x4.abs(v0), big);
      const fin1 = f32x4.le(f32x4.abs(v1), big);
      let d = f64x2.sub(Lanes.promoteLow(v0), c);
      a0 = f64x2.add(a0, v128.and(f64x2.mul(d, d), i64x2.extend_low_i32x4_s(fin0)));
      d = f64x2.sub(Lanes.promoteHigh(v0), c);
      a1 = f64x2.add(a1, v128.and(f64x2.mul(d, d), i64x2.extend_high_i32x4_s(fin0)));
      d = f64x2.sub(Lanes.promoteLow(v1), c);
      a2 = f64x2.add(a2, v128.and(f64x2.mul(d, d), i64x2.extend_low_i32x4_s(fin1)));
      d = f64x2.sub(Lanes.promoteHigh(v1), c);
      a3 = f64x2.add(a3, v128.and(f64x2.mul(d, d), i64x2.extend_high_i32x4_s(fin1)));
      Bins.count8(v0, v1, lo4, sc4, top4, first4, last4, far4, base0, base1);
      p += 32;
    }
    if (padded) break;
    // the last n mod 8 values, padded with NaN (skipped by both the sums and the bins)
    p = tail(x, n, NaN);
    end = p + 32;
    padded = true;
  }
  foldBins();
  store<f64>(out, <f64>binsBelow());
  store<f64>(out, <f64>binsAbove(), 8);
  store<f64>(out, combine(a0, a1, a2, a3), 16);
}

/** Σ x² over all n values in f64 (NaN and ±Inf propagate), in 8 interleaved partials. */
export function sumSquares(x: usize, n: i32): f64 {
  let a0 = f64x2.splat(0.0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let p = x;
  let end = x + ((<usize>(n & ~7)) << 2);
  let padded = (n & 7) == 0;
  while (true) {
    while (p < end) {
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      let d = Lanes.promoteLow(v0);
      a0 = f64x2.add(a0, f64x2.mul(d, d));
      d = Lanes.promoteHigh(v0);
      a1 = f64x2.add(a1, f64x2.mul(d, d));
      d = Lanes.promoteLow(v1);
      a2 = f64x2.add(a2, f64x2.mul(d, d));
      d = Lanes.promoteHigh(v1);
      a3 = f64x2.add(a3, f64x2.mul(d, d));
      p += 32;
    }
    if (padded) break;
    p = tail(x, n, 0);
    end = p + 32;
    padded = true;
  }
  return combine(a0, a1, a2, a3);
}

/**
 * Histogram counts only (histogram without Σ(x − center)²): the cheap second pass of a layer whose
 * range is known only after its moments (ReLU's [0, max]). Same bins, exactly; out = [below, above].
 */
export function histogramCounts(
  x: usize,
  n: i32,
  lo: f64,
  hi: f64,
  bins: i32,
  countsAt: usize,
  out: usize,
): void {
  setupBins(lo, hi, bins, countsAt);
  const lo4 = Bins.lo();
  const sc4 = Bins.scale();
  const first4 = Bins.first();
  const last4 = Bins.last();
  const top4 = Bins.top();
  const far4 = Bins.far();
  const base0 = Bins.base(0);
  const base1 = Bins.base(1);
  let p = x;
  let end = x + ((<usize>(n & ~7)) << 2);
  let padded = (n & 7) == 0;
  while (true) {
    while (p < end) {
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      Bins.count8(v0, v1, lo4, sc4, top4, first4, last4, far4, base0, base1);
      p += 32;
    }
    if (padded) break;
    p = tail(x, n, NaN);
    end = p + 32;
    padded = true;
  }
  foldBins();
  store<f64>(out, <f64>binsBelow());
  store<f64>(out, <f64>binsAbove(), 8);
}
