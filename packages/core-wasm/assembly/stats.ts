// One-pass statistics over an f32 block, accumulated in f64, sequentially in index order
// (src/reference/stats.ts follows the same order, so results are equal, not just close).
// x is (n) f32; out is f64 results; counts is histogramScratchBytes(bins) of u32 slots.

// finite ⇔ exponent bits not all ones
function isFiniteBits(bits: u32): bool {
  return (bits & 0x7f800000) != 0x7f800000;
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

class HistogramStep {
  /** Counts one value in sub-histogram `sub`; returns sumSqDev + (v − center)² (+ 0 when v is not finite). */
  @inline static count(
    counts: usize,
    stride: i32,
    bins: i32,
    last: i32,
    sumSqDev: f64,
    center: f64,
    hi: f64,
    lo: f64,
    bits: u32,
    v: f64,
    bin: i32,
    sub: i32,
  ): f64 {
    const finite = isFiniteBits(bits);
    const d = v - center;
    // trunc_sat: NaN or huge quotients give harmless bins that the selects below replace
    let slot = select<i32>(bins, select<i32>(bins + 1, min(last, bin), v > hi), v < lo);
    slot = select<i32>(slot, bins + 2, finite);
    const at = counts + ((<usize>(sub * stride + slot)) << 2);
    store<u32>(at, load<u32>(at) + 1);
    return sumSqDev + select<f64>(d * d, 0.0, finite);
  }
}

// Histogram slots: `bins` bins, then below, above and a slot for non-finite values, in
// SUBHISTOGRAMS copies (even elements count in copy 0, odd ones in copy 1) so that runs of equal
// bins do not serialize on one counter; the copies are summed at the end (exact integers).
const SUBHISTOGRAMS: i32 = 2;

/** Bytes of `counts` scratch `histogram` needs for `bins` bins (its first `bins` u32 are the result). */
export function histogramScratchBytes(bins: i32): usize {
  return (<usize>(bins + 3) * SUBHISTOGRAMS) << 2;
}

/**
 * Histogram of the finite values of x on [lo, hi] (numpy.histogram bins: the last one includes hi)
 * and Σ(x − center)² over them. counts holds histogramScratchBytes(bins); on return its first
 * `bins` u32 are the counts and out = [below, above, sumSqDev].
 * Bin = min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋) in f64. Branch-free: every value picks a slot.
 */
export function histogram(
  x: usize,
  n: i32,
  lo: f64,
  hi: f64,
  bins: i32,
  center: f64,
  counts: usize,
  out: usize,
): void {
  const stride = bins + 3;
  memory.fill(counts, 0, histogramScratchBytes(bins));
  let sumSqDev = 0.0;
  const fbins = <f64>bins;
  const width = f64x2.splat(hi - lo);
  const lo2 = f64x2.splat(lo);
  const bins2 = f64x2.splat(fbins);
  const last = bins - 1;
  const pairs = n & ~1;
  // two values per step: the bin quotients in f64x2 (same f64 operations as the scalar
  // formula), the slots and the in-order Σ(x − center)² in scalar code
  for (let i = 0; i < pairs; i += 2) {
    const p = x + ((<usize>i) << 2);
    const v2 = f64x2.promote_low_f32x4(v128.load64_zero(p));
    const q = f64x2.floor(f64x2.mul(f64x2.div(f64x2.sub(v2, lo2), width), bins2));
    const b2 = i32x4.trunc_sat_f64x2_s_zero(q);
    sumSqDev = HistogramStep.count(
      counts,
      stride,
      bins,
      last,
      sumSqDev,
      center,
      hi,
      lo,
      load<u32>(p),
      f64x2.extract_lane(v2, 0),
      i32x4.extract_lane(b2, 0),
      0,
    );
    sumSqDev = HistogramStep.count(
      counts,
      stride,
      bins,
      last,
      sumSqDev,
      center,
      hi,
      lo,
      load<u32>(p, 4),
      f64x2.extract_lane(v2, 1),
      i32x4.extract_lane(b2, 1),
      1,
    );
  }
  if (pairs < n) {
    const p = x + ((<usize>pairs) << 2);
    const v = <f64>load<f32>(p);
    const bin = <i32>Math.floor(((v - lo) / (hi - lo)) * fbins);
    sumSqDev = HistogramStep.count(
      counts,
      stride,
      bins,
      last,
      sumSqDev,
      center,
      hi,
      lo,
      load<u32>(p),
      v,
      bin,
      0,
    );
  }
  for (let s = 1; s < SUBHISTOGRAMS; s++) {
    const copy = counts + ((<usize>(s * stride)) << 2);
    for (let j = 0; j < bins + 2; j++) {
      const at = counts + ((<usize>j) << 2);
      store<u32>(at, load<u32>(at) + load<u32>(copy + ((<usize>j) << 2)));
    }
  }
  store<f64>(out, <f64>load<u32>(counts + ((<usize>bins) << 2)));
  store<f64>(out, <f64>load<u32>(counts + ((<usize>(bins + 1)) << 2)), 8);
  store<f64>(out, sumSqDev, 16);
}
