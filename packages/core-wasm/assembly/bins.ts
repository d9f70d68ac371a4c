// The histogram binning engine shared by the fused passes (pass.ts) and the stats kernels
// (stats.ts): 8 values per step. Fast path: bins estimated in f32 lanes as ⌊(x − lo₃₂)·s₃₂⌋, taken
// when all 8 values are inside [lo, hi] and every estimate lies ≥ δ from a bin edge, δ bounding its
// error. Otherwise the step bins all 8 with the exact f64 formula of `countLane` in f64x2 lanes
// (outside and non-finite values go to extra slots), so the counts are the reference's exactly.
// Counts go to 8 copies of the histogram (one per lane of a step), summed at the end by foldBins,
// so repeated bins do not wait on one counter.

import { ceil32, floor32, isFiniteF32 } from './f32bits';
import { Splat } from './splat';

// histogram copies for small bin counts (8 lanes per step); large histograms use one copy
const COPIES: i32 = 8;
const MAX_COPIED_BINS: i32 = 4096;
// 2^-23, and limits that keep the f32 fast path away from overflow and subnormals
const EPS_F32: f64 = 1.1920928955078125e-7;
const FAST_LIMIT: f64 = 1.2676506002282294e30; // 2^100

// histogram on [binLo, binHi]
let binLo: f64 = 0;
let binHi: f64 = 1;
let bins: i32 = 1;
let counts: usize = 0;
let copyBytes: usize = 0;
// the splats of the binning loops, written by setupBins: lo₃₂, s₃₂, first, last, top, far, and the
// counter bases of lanes 0–3 and 4–7. Loops read them with v128.load before they start: a load stays
// where it is, so V8 keeps the vectors in registers (or stack slots) instead of rebuilding them in
// the loop body.
const BIN_VECTORS: usize = memory.data(8 << 4, 16);
// the four counter addresses of a bump4, stored as one vector and read back as scalars
const SLOTS: usize = memory.data(16, 16);

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

/** Starts a histogram on [lo, hi] (lo < hi, finite) with `nbins` bins into `countsAt` (zeroed here). */
export function setupBins(lo: f64, hi: f64, nbins: i32, countsAt: usize): void {
  binLo = lo;
  binHi = hi;
  bins = nbins;
  counts = countsAt;
  copyBytes = copiesFor(nbins) > 1 ? (<usize>slotsFor(nbins)) << 2 : 0;
  memory.fill(countsAt, 0, histogramScratchBytes(nbins));
  // the f32 fast path: lo₃₂, s₃₂ = bins/(hi − lo), [first, last] = the f32 values inside [lo, hi],
  // top = bins − 0.5, far = 0.5 − δ rounded down (−1 turns the fast path off)
  const s = <f64>nbins / (hi - lo);
  const lo32 = <f32>lo;
  const scale32 = <f32>s;
  const first32 = ceil32(lo);
  const last32 = floor32(hi);
  const top32 = <f32>nbins - 0.5;
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
  const far32: f32 = fast ? floor32(0.5 - delta) : -1;
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

/** Counts one value exactly as the reference does: NaN/±Inf skipped, below, above or bin min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋) in f64. */
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

/** One 8-value step of histogram binning: the loop-invariant vectors, estimates, counter addresses. */
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
