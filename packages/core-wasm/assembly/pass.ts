// Statistics fused into an elementwise or dense pass: each chunk of outputs (≤ 2048 values, or a
// dense row strip) is measured right after it is written, while it is in L1 — a second loop over
// L1 rather than one loop over registers, which measured faster (the activation and the statistics
// together do not fit V8's 16 vector registers). A pass is passBegin(mode, …), any number of
// activate()/dense() calls, then passEnd(out). Moments and counts are exact (as stats.ts); the f64
// sums (Σx, and Σ(x − K), Σ(x − K)² with K = the first finite output) are lane partials added to
// the totals once per chunk, so their order is not index order.
//
// Histogram bins, shared with stats.ts: 8 values per step. Fast path: bins estimated in f32 lanes
// as ⌊(x − lo₃₂)·s₃₂⌋, taken when all 8 values are inside [lo, hi] and every estimate lies ≥ δ from
// a bin edge, δ bounding its error. Otherwise the step bins all 8 with the exact f64 formula of
// stats.ts in f64x2 lanes (outside and non-finite values go to extra slots), so the counts are the
// reference's exactly. Counts go to 8 copies of the histogram (one per lane of a step), summed at
// the end, so repeated bins do not wait on one counter.

export const NONE: i32 = 0;
export const MOMENTS: i32 = 1;
export const HISTOGRAM: i32 = 2;

// histogram copies for small bin counts (8 lanes per step); large histograms use one copy
const COPIES: i32 = 8;
const MAX_COPIED_BINS: i32 = 4096;
// 2^-23, and limits that keep the f32 fast path away from overflow and subnormals
const EPS_F32: f64 = 1.1920928955078125e-7;
const FAST_LIMIT: f64 = 1.2676506002282294e30; // 2^100

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
// histogram on [binLo, binHi]
let binLo: f64 = 0;
let binHi: f64 = 1;
let bins: i32 = 1;
let counts: usize = 0;
let copyBytes: usize = 0;
// f32 fast path: lo₃₂, s₃₂ = bins/(hi − lo), [first, last] = the f32 values inside [lo, hi],
// top = bins − 0.5, far = 0.5 − δ rounded down (−1 turns the fast path off)
let lo32: f32 = 0;
let scale32: f32 = 1;
let first32: f32 = 0;
let last32: f32 = 1;
let top32: f32 = 0.5;
let far32: f32 = -1;
// the splats of the binning loops, written by setupBins: lo₃₂, s₃₂, first, last, top, far, and the
// counter bases of lanes 0–3 and 4–7. Loops read them with v128.load before they start: a load stays
// where it is, so V8 keeps the vectors in registers (or stack slots) instead of rebuilding them in
// the loop body.
const BIN_VECTORS: usize = memory.data(8 << 4, 16);
// Constant splats of the loops, read from memory where they are used: one load, where V8 would
// otherwise rebuild a v128.const from a general-purpose register at each use inside a busy loop.
// 0.5, 2^23 (f32 bits), the largest finite f32, +Inf, −Inf, the |x| mask.
const SPLATS: usize = memory.data<u32>(
  [
    0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x4b000000, 0x4b000000, 0x4b000000, 0x4b000000,
    0x7f7fffff, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff, 0x7f800000, 0x7f800000, 0x7f800000, 0x7f800000,
    0xff800000, 0xff800000, 0xff800000, 0xff800000, 0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff,
  ],
  16,
);
// the four counter addresses of a bump4, stored as one vector and read back as scalars
const SLOTS: usize = memory.data(16, 16);

/** Constant splats read from SPLATS. */
class Splat {
  @inline static half(): v128 {
    return v128.load(SPLATS);
  }
  @inline static two23(): v128 {
    return v128.load(SPLATS, 16);
  }
  /** The largest finite f32: |x| ≤ it ⇔ x is finite. */
  @inline static maxF32(): v128 {
    return v128.load(SPLATS, 32);
  }
  @inline static inf(): v128 {
    return v128.load(SPLATS, 48);
  }
  @inline static negInf(): v128 {
    return v128.load(SPLATS, 64);
  }
  /** |x| (clears the sign bits with a mask from memory: V8 builds f32x4.abs's mask in three operations). */
  @inline static abs(x: v128): v128 {
    return v128.and(x, v128.load(SPLATS, 80));
  }
}

/** The mode of the open pass (NONE when none is open). */
export function passMode(): i32 {
  return mode;
}

/** Histogram copies for `nbins` bins. */
function copiesFor(nbins: i32): i32 {
  return nbins <= MAX_COPIED_BINS ? COPIES : 1;
}

// slots per histogram copy: the bins, then below, above and non-finite
function slotsFor(nbins: i32): i32 {
  return nbins + 3;
}

/** Bytes of `counts` scratch a histogram of `nbins` bins needs (its first `nbins` u32 are the result). */
export function histogramScratchBytes(nbins: i32): usize {
  return (<usize>copiesFor(nbins) * <usize>slotsFor(nbins)) << 2;
}

function isFiniteF32(v: f32): bool {
  return (reinterpret<u32>(v) & 0x7f800000) != 0x7f800000;
}

// the next f32 above f (f not NaN, not +Inf)
function nextUp32(f: f32): f32 {
  if (f == 0) return reinterpret<f32>(<u32>1);
  const bits = reinterpret<u32>(f);
  return reinterpret<f32>(f > 0 ? bits + 1 : bits - 1);
}

// the smallest f32 ≥ v and the largest f32 ≤ v
function ceil32(v: f64): f32 {
  const f = <f32>v;
  return <f64>f < v ? nextUp32(f) : f;
}
function floor32(v: f64): f32 {
  const f = <f32>v;
  return <f64>f > v ? -nextUp32(-f) : f;
}

/** Starts a histogram on [lo, hi] (lo < hi, finite) with `nbins` bins into `countsAt` (zeroed here). */
export function setupBins(lo: f64, hi: f64, nbins: i32, countsAt: usize): void {
  binLo = lo;
  binHi = hi;
  bins = nbins;
  counts = countsAt;
  copyBytes = copiesFor(nbins) > 1 ? (<usize>slotsFor(nbins)) << 2 : 0;
  memory.fill(countsAt, 0, histogramScratchBytes(nbins));
  const s = <f64>nbins / (hi - lo);
  lo32 = <f32>lo;
  scale32 = <f32>s;
  first32 = ceil32(lo);
  last32 = floor32(hi);
  top32 = <f32>nbins - 0.5;
  // |t₃₂ − t₆₄| ≤ (3·bins + |lo|·s)·2^-24 (three f32 roundings of t ≤ bins, and lo₃₂'s rounding
  // carried through s) plus the f64 error; δ doubles that and adds 2^-23 for subnormal lo.
  const delta = (3.0 * <f64>nbins + Math.abs(lo) * s + 1.0) * EPS_F32;
  const fast =
    nbins <= 1 << 22 &&
    s >= 1.0 / FAST_LIMIT &&
    s <= FAST_LIMIT &&
    Math.abs(lo) < FAST_LIMIT &&
    Math.abs(hi) < FAST_LIMIT &&
    delta < 0.25;
  far32 = fast ? floor32(0.5 - delta) : -1;
  v128.store(BIN_VECTORS, f32x4.splat(lo32));
  v128.store(BIN_VECTORS, f32x4.splat(scale32), 16);
  v128.store(BIN_VECTORS, f32x4.splat(first32), 32);
  v128.store(BIN_VECTORS, f32x4.splat(last32), 48);
  v128.store(BIN_VECTORS, f32x4.splat(top32), 64);
  v128.store(BIN_VECTORS, f32x4.splat(far32), 80);
  const base = i32x4.add(
    i32x4.splat(<i32>counts),
    i32x4.mul(i32x4(0, 1, 2, 3), i32x4.splat(<i32>copyBytes)),
  );
  v128.store(BIN_VECTORS, base, 96);
  v128.store(BIN_VECTORS, i32x4.add(base, i32x4.splat(<i32>(copyBytes << 2))), 112);
}

/** Counts one value exactly as stats.ts does: NaN/±Inf skipped, below, above or bin min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋) in f64. */
export function countLane(x: f32): void {
  if (!isFiniteF32(x)) return;
  const v = <f64>x;
  let slot = bins;
  if (v > binHi) slot = bins + 1;
  else if (!(v < binLo)) {
    slot = min(bins - 1, <i32>Math.floor(((v - binLo) / (binHi - binLo)) * <f64>bins));
  }
  const at = counts + ((<usize>slot) << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/** Adds the copies into the first: its first `bins` u32 are then the counts, then below and above. */
export function foldBins(): void {
  if (copyBytes == 0) return;
  for (let c = 1; c < COPIES; c++) {
    const copy = counts + <usize>c * copyBytes;
    for (let j = 0; j < bins + 2; j++) {
      const at = counts + ((<usize>j) << 2);
      store<u32>(at, load<u32>(at) + load<u32>(copy + ((<usize>j) << 2)));
    }
  }
}

/** Finite values below lo (after foldBins). */
export function binsBelow(): u32 {
  return load<u32>(counts + ((<usize>bins) << 2));
}

/** Finite values above hi (after foldBins). */
export function binsAbove(): u32 {
  return load<u32>(counts + ((<usize>(bins + 1)) << 2));
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
  if (m == HISTOGRAM) setupBins(lo, hi, nbins, countsAt);
}

/**
 * Closes the pass. out = [count, finite, sum, min, max, zeros, nonFinite, sumSqDev, below, above]
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

/** One 8-value step of histogram binning, shared with stats.ts: constants, estimates, counter addresses. */
export class Bins {
  /** lo₃₂ splat (the vectors below are loaded once per loop, before it starts). */
  @inline static lo(): v128 {
    return v128.load(BIN_VECTORS);
  }
  /** s₃₂ = bins/(hi − lo) splat. */
  @inline static scale(): v128 {
    return v128.load(BIN_VECTORS, 16);
  }
  /** The smallest f32 ≥ lo, splat. */
  @inline static first(): v128 {
    return v128.load(BIN_VECTORS, 32);
  }
  /** The largest f32 ≤ hi, splat. */
  @inline static last(): v128 {
    return v128.load(BIN_VECTORS, 48);
  }
  /** bins − 0.5 splat. */
  @inline static top(): v128 {
    return v128.load(BIN_VECTORS, 64);
  }
  /** 0.5 − δ splat (−1 when the estimates are never used). */
  @inline static far(): v128 {
    return v128.load(BIN_VECTORS, 80);
  }
  /** Byte address of lane j's copy of the counters, for lanes 4·half … 4·half + 3 of a step. */
  @inline static base(half: i32): v128 {
    return v128.load(BIN_VECTORS + ((<usize>(half + 6)) << 4));
  }

  /** The f32 estimate t = clamp((x − lo₃₂)·s₃₂, 0.5, bins − 0.5): a clamped lane is ≥ 0.5 from the edges 0 and bins. */
  @inline static estimate(v: v128, lo4: v128, sc4: v128, top4: v128): v128 {
    return f32x4.pmin(top4, f32x4.pmax(Splat.half(), f32x4.mul(f32x4.sub(v, lo4), sc4)));
  }

  /** Lanes whose estimate ⌊t⌋ is certainly the exact bin: x in [lo, hi] and t at least δ from an integer. */
  @inline static certain(v: v128, t: v128, first4: v128, last4: v128, far4: v128): v128 {
    const fraction = f32x4.sub(t, f32x4.floor(t));
    return v128.and(
      v128.and(f32x4.ge(v, first4), f32x4.le(v, last4)),
      f32x4.le(Splat.abs(f32x4.sub(fraction, Splat.half())), far4),
    );
  }

  /** Counter addresses from the estimates: base + 4·⌊t⌋ (the integer sits in the mantissa of ⌊t⌋ + 2^23). */
  @inline static estimatedSlots(t: v128, base: v128): v128 {
    const two23 = Splat.two23();
    const bits = f32x4.add(f32x4.floor(t), two23);
    return i32x4.add(base, i32x4.shl(i32x4.sub(bits, two23), 2));
  }

  /**
   * Counter addresses by the exact f64 formula, as countLane: bin min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋)
   * for x in [lo, hi], else the below, above or non-finite slot.
   */
  @inline static exactSlots(v: v128, base: v128, first4: v128, last4: v128): v128 {
    const lo2 = f64x2.splat(binLo);
    const w2 = f64x2.splat(binHi - binLo);
    const b2 = f64x2.splat(<f64>bins);
    const qa = f64x2.floor(
      f64x2.mul(f64x2.div(f64x2.sub(f64x2.promote_low_f32x4(v), lo2), w2), b2),
    );
    const vh = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
    const qb = f64x2.floor(f64x2.mul(f64x2.div(f64x2.sub(vh, lo2), w2), b2));
    let slot = i32x4.shuffle(
      i32x4.trunc_sat_f64x2_s_zero(qa),
      i32x4.trunc_sat_f64x2_s_zero(qb),
      0,
      1,
      4,
      5,
    );
    slot = i32x4.min_s(slot, i32x4.splat(bins - 1));
    slot = v128.bitselect(i32x4.splat(bins), slot, f32x4.lt(v, first4));
    slot = v128.bitselect(i32x4.splat(bins + 1), slot, f32x4.gt(v, last4));
    const finite = f32x4.le(f32x4.abs(v), Splat.maxF32());
    slot = v128.bitselect(slot, i32x4.splat(bins + 2), finite);
    return i32x4.add(base, i32x4.shl(slot, 2));
  }

  /**
   * Counts the 8 values of v0 and v1: the f32 estimates where they are certainly exact, else the
   * f64 formula. The vectors are the loop-invariant ones above, loaded once before the loop.
   */
  @inline static count8(
    v0: v128,
    v1: v128,
    lo4: v128,
    sc4: v128,
    top4: v128,
    first4: v128,
    last4: v128,
    far4: v128,
    base0: v128,
    base1: v128,
  ): void {
    const t0 = Bins.estimate(v0, lo4, sc4, top4);
    const t1 = Bins.estimate(v1, lo4, sc4, top4);
    if (
      i32x4.all_true(
        v128.and(
          Bins.certain(v0, t0, first4, last4, far4),
          Bins.certain(v1, t1, first4, last4, far4),
        ),
      )
    ) {
      Bins.bump4(Bins.estimatedSlots(t0, base0));
      Bins.bump4(Bins.estimatedSlots(t1, base1));
    } else {
      Bins.bump4(Bins.exactSlots(v0, base0, first4, last4));
      Bins.bump4(Bins.exactSlots(v1, base1, first4, last4));
    }
  }

  /** Adds 1 to the u32 counter at each lane's byte address (the addresses go through memory: one store and four loads, fewer operations than four lane extractions). */
  @inline static bump4(at: v128): void {
    v128.store(SLOTS, at);
    Bins.bump(load<u32>(SLOTS));
    Bins.bump(load<u32>(SLOTS, 4));
    Bins.bump(load<u32>(SLOTS, 8));
    Bins.bump(load<u32>(SLOTS, 12));
  }

  @inline static bump(at: u32): void {
    store<u32>(<usize>at, load<u32>(<usize>at) + 1);
  }
}

// Adds a chunk's vector partials to the pass totals.
function merge(n: i32, mn: v128, mx: v128, zc: v128, nf: v128, s1: v128, s2: v128): void {
  count += <f64>n;
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
    let zc = i32x4.splat(0);
    let nf = zc;
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
      let p = f64x2.promote_low_f32x4(v0);
      let d = f64x2.sub(p, k);
      s1a = f64x2.add(s1a, d);
      s2a = f64x2.add(s2a, f64x2.mul(d, d));
      p = f64x2.promote_low_f32x4(i32x4.shuffle(v0, v0, 2, 3, 2, 3));
      d = f64x2.sub(p, k);
      s1b = f64x2.add(s1b, d);
      s2b = f64x2.add(s2b, f64x2.mul(d, d));
      p = f64x2.promote_low_f32x4(v1);
      d = f64x2.sub(p, k);
      s1a = f64x2.add(s1a, d);
      s2a = f64x2.add(s2a, f64x2.mul(d, d));
      p = f64x2.promote_low_f32x4(i32x4.shuffle(v1, v1, 2, 3, 2, 3));
      d = f64x2.sub(p, k);
      s1b = f64x2.add(s1b, d);
      s2b = f64x2.add(s2b, f64x2.mul(d, d));
    }
    // the remaining n mod 8 values one at a time (count covers them; laneStats adds the rest)
    for (; x < end; x += 4) laneStats(load<f32>(x));
    merge(n, mn, mx, zc, nf, f64x2.add(s1a, s1b), f64x2.add(s2a, s2b));
  }
}
