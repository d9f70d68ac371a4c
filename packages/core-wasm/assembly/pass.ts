// Statistics fused into an elementwise or dense pass: passBegin(mode, …), any number of
// activate()/dense() calls, then passEnd(out). Each run of outputs those kernels write (≤ CHUNK values
// from activate; from dense, finished row strips joined up to CHUNK values, or one longer strip) is
// measured right after it is written, while it is in L1 — a second loop over L1 rather than one loop
// over registers, which measured faster (the activation and the statistics together do not fit V8's
// 16 vector registers). Moments and counts are exact (as stats.ts); the f64 sums (Σx, and Σ(x − K),
// Σ(x − K)² with K = the first finite output) are lane partials added to the totals once per run, so
// their order is not index order. The histogram is bins.ts's. With passSaturation, the finite values
// at or beyond two thresholds are counted too (exact, independent of the histogram).

import { Bins, binsAbove, binsBelow, countLane, foldBins, setupBins } from './bins';
import { isFiniteF32 } from './f32bits';
import { Lanes } from './lanes';
import { Splat } from './splat';

/** No pass is open. */
export const NONE: i32 = 0;
/** A pass measuring moments and the shifted sums. */
export const MOMENTS: i32 = 1;
/** A pass measuring moments, the shifted sums and a histogram. */
export const HISTOGRAM: i32 = 2;

/**
 * Values per chunk of a measured pass: written, then measured while in L1; the f64 partial sums are
 * added to the pass totals once per chunk (a two-level sum, more accurate than one running total).
 */
export const CHUNK: i32 = 2048;

// the open pass: its mode, and the totals of the runs measured so far
let mode: i32 = NONE;
let count: f64 = 0;
let shiftSet = false;
let shift: f32 = 0;
let sum1: f64 = 0; // Σ (x − K)
let sum2: f64 = 0; // Σ (x − K)²
let low: f64 = Infinity;
let high: f64 = -Infinity;
let zeros: u32 = 0;
let nonFinite: u32 = 0;
// saturation: finite values ≤ satLo or ≥ satHi (NaN thresholds, the default, count none)
let satLo: f32 = NaN;
let satHi: f32 = NaN;
let saturated: u32 = 0;

/** The mode of the open pass (NONE when none is open). */
export function passMode(): i32 {
  return mode;
}

/** Opens a pass: mode MOMENTS or HISTOGRAM (then on [lo, hi] with `nbins` bins into `countsAt`). */
export function passBegin(m: i32, lo: f64, hi: f64, nbins: i32, countsAt: usize): void {
  mode = m;
  count = 0;
  shiftSet = false;
  shift = 0;
  sum1 = 0;
  sum2 = 0;
  low = Infinity;
  high = -Infinity;
  zeros = 0;
  nonFinite = 0;
  satLo = NaN;
  satHi = NaN;
  saturated = 0;
  if (m == HISTOGRAM) setupBins(lo, hi, nbins, countsAt);
}

/**
 * Counts, in the open pass, the finite values x ≤ lo or x ≥ hi (the `saturated` result). Call after
 * passBegin; without it (or with NaN thresholds) the pass counts none.
 */
export function passSaturation(lo: f32, hi: f32): void {
  satLo = lo;
  satHi = hi;
}

/**
 * Closes the pass. out = [count, finite, sum, min, max, zeros, nonFinite, sumSqDev, below, above,
 * saturated]
 * (f64); sum = Σx, sumSqDev = Σ(x − K)² − (Σ(x − K))²/finite (≥ 0); a zero
 * extreme is +0; min/max are NaN and sums 0 when no value is finite. Histogram counts: the first
 * `bins` u32 of the counts area.
 */
export function passEnd(out: usize): void {
  const finite = count - <f64>nonFinite;
  const has = finite > 0;
  store<f64>(out, count);
  store<f64>(out, finite, 8);
  // Σx = K·finite + Σ(x − K): the non-finite lanes were replaced by K, so only the shifted sums are exact
  store<f64>(out, has ? <f64>shift * finite + sum1 : 0, 16);
  store<f64>(out, has ? low + 0.0 : NaN, 24);
  store<f64>(out, has ? high + 0.0 : NaN, 32);
  store<f64>(out, <f64>zeros, 40);
  store<f64>(out, <f64>nonFinite, 48);
  store<f64>(out, has ? max(0.0, sum2 - (sum1 * sum1) / finite) : 0, 56);
  if (mode == HISTOGRAM) foldBins();
  store<f64>(out, mode == HISTOGRAM ? <f64>binsBelow() : 0, 64);
  store<f64>(out, mode == HISTOGRAM ? <f64>binsAbove() : 0, 72);
  store<f64>(out, <f64>saturated, 80);
  mode = NONE;
}

// One value the vector loops did not take (a chunk's last n mod 8): moments and bin, exactly.
function laneStats(x: f32): void {
  if (!isFiniteF32(x)) {
    nonFinite++;
    return;
  }
  const v = <f64>x;
  const d = v - <f64>shift;
  sum1 += d;
  sum2 += d * d;
  if (v < low) low = v;
  if (v > high) high = v;
  if (v == 0) zeros++;
  if (x <= satLo || x >= satHi) saturated++;
  if (mode == HISTOGRAM) countLane(x);
}

// K = the first finite value of the chunk in index order (kept for the rest of the pass).
function findShift(x: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + ((<usize>i) << 2));
    if (isFiniteF32(v)) {
      shift = v;
      shiftSet = true;
      return;
    }
  }
}

// Adds a chunk's vector partials to the pass totals.
function merge(n: i32, mn: v128, mx: v128, zc: v128, nf: v128, sc: v128, s1: v128, s2: v128): void {
  count += <f64>n;
  saturated += <u32>(
    (i32x4.extract_lane(sc, 0) +
      i32x4.extract_lane(sc, 1) +
      i32x4.extract_lane(sc, 2) +
      i32x4.extract_lane(sc, 3))
  );
  const lo = min(
    min(f32x4.extract_lane(mn, 0), f32x4.extract_lane(mn, 1)),
    min(f32x4.extract_lane(mn, 2), f32x4.extract_lane(mn, 3)),
  );
  const hi = max(
    max(f32x4.extract_lane(mx, 0), f32x4.extract_lane(mx, 1)),
    max(f32x4.extract_lane(mx, 2), f32x4.extract_lane(mx, 3)),
  );
  if (<f64>lo < low) low = <f64>lo;
  if (<f64>hi > high) high = <f64>hi;
  zeros += <u32>(
    (i32x4.extract_lane(zc, 0) +
      i32x4.extract_lane(zc, 1) +
      i32x4.extract_lane(zc, 2) +
      i32x4.extract_lane(zc, 3))
  );
  nonFinite += <u32>(
    (i32x4.extract_lane(nf, 0) +
      i32x4.extract_lane(nf, 1) +
      i32x4.extract_lane(nf, 2) +
      i32x4.extract_lane(nf, 3))
  );
  sum1 += f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
  sum2 += f64x2.extract_lane(s2, 0) + f64x2.extract_lane(s2, 1);
}

/**
 * Measures x[0..n) into the open pass: moments and shifted sums, and with mode HISTOGRAM the bins.
 * Per 8 values: all finite (and, for a histogram, certain) → unmasked; otherwise the non-finite
 * lanes are masked out (+Inf/−Inf for min/max, K for the sums) and the bins come from exactSlots.
 */
export function measure(x: usize, n: i32): void {
  if (mode == HISTOGRAM) measureBins(x, n);
  else measureMoments(x, n);
}

function measureBins(x: usize, n: i32): void {
  Measure.loop(x, n, true);
}

function measureMoments(x: usize, n: i32): void {
  Measure.loop(x, n, false);
}

/** The measuring loop, inlined into measureBins and measureMoments. */
class Measure {
  /** `measure` with `hist` a constant: the branches on it fold away in each caller. */
  @inline static loop(x: usize, n: i32, hist: bool): void {
    if (!shiftSet) findShift(x, n);
    const k = f64x2.splat(<f64>shift);
    const kf = f32x4.splat(shift);
    const zero = f32x4.splat(0.0);
    const lo4 = Bins.lo();
    const sc4 = Bins.scale();
    const first4 = Bins.first();
    const last4 = Bins.last();
    const top4 = Bins.top();
    const far4 = Bins.far();
    const base0 = Bins.base(0);
    const base1 = Bins.base(1);
    let mn = Splat.inf();
    let mx = Splat.negInf();
    const sl4 = f32x4.splat(satLo);
    const sh4 = f32x4.splat(satHi);
    let zc = i32x4.splat(0);
    let nf = zc;
    let sc = zc;
    let s1a = f64x2.splat(0.0);
    let s1b = s1a;
    let s2a = s1a;
    let s2b = s1a;
    const end = x + ((<usize>n) << 2);
    const end8 = x + ((<usize>(n & ~7)) << 2);
    for (; x < end8; x += 32) {
      let v0 = v128.load(x);
      let v1 = v128.load(x, 16);
      let t0 = zero;
      let t1 = zero;
      let ok: v128;
      if (hist) {
        t0 = Bins.estimate(v0, lo4, sc4, top4);
        t1 = Bins.estimate(v1, lo4, sc4, top4);
        ok = v128.and(
          Bins.certain(v0, t0, first4, last4, far4),
          Bins.certain(v1, t1, first4, last4, far4),
        );
      } else {
        const big = Splat.maxF32();
        ok = v128.and(f32x4.le(Splat.abs(v0), big), f32x4.le(Splat.abs(v1), big));
      }
      zc = i32x4.sub(i32x4.sub(zc, f32x4.eq(v0, zero)), f32x4.eq(v1, zero));
      if (i32x4.all_true(ok)) {
        // all 8 finite: a lane at or beyond a threshold is saturated
        sc = i32x4.sub(
          i32x4.sub(sc, v128.or(f32x4.le(v0, sl4), f32x4.ge(v0, sh4))),
          v128.or(f32x4.le(v1, sl4), f32x4.ge(v1, sh4)),
        );
        mn = f32x4.pmin(f32x4.pmin(mn, v0), v1);
        mx = f32x4.pmax(f32x4.pmax(mx, v0), v1);
        if (hist) {
          Bins.bump4(Bins.estimatedSlots(t0, base0));
          Bins.bump4(Bins.estimatedSlots(t1, base1));
        }
      } else {
        const big = Splat.maxF32();
        const fin0 = f32x4.le(Splat.abs(v0), big);
        const fin1 = f32x4.le(Splat.abs(v1), big);
        nf = i32x4.sub(i32x4.sub(nf, v128.not(fin0)), v128.not(fin1));
        // ±Inf is beyond a threshold but not saturated: only finite lanes count
        sc = i32x4.sub(
          i32x4.sub(sc, v128.and(v128.or(f32x4.le(v0, sl4), f32x4.ge(v0, sh4)), fin0)),
          v128.and(v128.or(f32x4.le(v1, sl4), f32x4.ge(v1, sh4)), fin1),
        );
        const inf = Splat.inf();
        const ninf = Splat.negInf();
        mn = f32x4.pmin(
          f32x4.pmin(mn, v128.bitselect(v0, inf, fin0)),
          v128.bitselect(v1, inf, fin1),
        );
        mx = f32x4.pmax(
          f32x4.pmax(mx, v128.bitselect(v0, ninf, fin0)),
          v128.bitselect(v1, ninf, fin1),
        );
        if (hist) {
          Bins.bump4(Bins.exactSlots(v0, base0, first4, last4));
          Bins.bump4(Bins.exactSlots(v1, base1, first4, last4));
        }
        // non-finite lanes become K: they add 0 to both sums
        v0 = v128.bitselect(v0, kf, fin0);
        v1 = v128.bitselect(v1, kf, fin1);
      }
      // Σ(x − K), Σ(x − K)² of the 8 values, two per f64x2
      let p = Lanes.promoteLow(v0);
      let d = f64x2.sub(p, k);
      s1a = f64x2.add(s1a, d);
      s2a = f64x2.add(s2a, f64x2.mul(d, d));
      p = Lanes.promoteHigh(v0);
      d = f64x2.sub(p, k);
      s1b = f64x2.add(s1b, d);
      s2b = f64x2.add(s2b, f64x2.mul(d, d));
      p = Lanes.promoteLow(v1);
      d = f64x2.sub(p, k);
      s1a = f64x2.add(s1a, d);
      s2a = f64x2.add(s2a, f64x2.mul(d, d));
      p = Lanes.promoteHigh(v1);
      d = f64x2.sub(p, k);
      s1b = f64x2.add(s1b, d);
      s2b = f64x2.add(s2b, f64x2.mul(d, d));
    }
    // the remaining n mod 8 values one at a time (count covers them; laneStats adds the rest)
    for (; x < end; x += 4) laneStats(load<f32>(x));
    merge(n, mn, mx, zc, nf, sc, f64x2.add(s1a, s1b), f64x2.add(s2a, s2b));
  }
}
