// Seeded normals. SplitMix64 (https://prng.di.unimi.it/splitmix64.c) seeds xoshiro128**
// (https://prng.di.unimi.it/xoshiro128starstar.c); Box–Muller in f64 turns pairs of 53-bit
// uniforms into pairs of normals. Every call restarts from (seed, stream): see SPEC.md, "RNG".
// The generator is sequential (drawn in bulk with its state in locals); `normal` then runs log and
// the Box–Muller transform two pairs at a time in f64x2 lanes with the very operations of the
// scalar path (`normalScalar`: NativeMath.log, sqrt, NativeMath.sincos), so its bits are the same.

import { Musl64 } from './musl64';

/** xoshiro128** state, seeded per call. */
class Xoshiro128 {
  static s0: u32 = 1;
  static s1: u32 = 0;
  static s2: u32 = 0;
  static s3: u32 = 0;

  /** SplitMix64 from state seed·2^32 + stream; its first two outputs fill s0..s3 (lo, hi words). */
  static seed(seed: u32, stream: u32): void {
    let state: u64 = ((<u64>seed) << 32) | <u64>stream;
    state += 0x9e3779b97f4a7c15;
    const w1 = Xoshiro128.mix(state);
    state += 0x9e3779b97f4a7c15;
    const w2 = Xoshiro128.mix(state);
    Xoshiro128.s0 = <u32>w1;
    Xoshiro128.s1 = <u32>(w1 >> 32);
    Xoshiro128.s2 = <u32>w2;
    Xoshiro128.s3 = <u32>(w2 >> 32);
    if ((Xoshiro128.s0 | Xoshiro128.s1 | Xoshiro128.s2 | Xoshiro128.s3) == 0) Xoshiro128.s0 = 1;
  }

  /** SplitMix64 output function (wrapping u64). */
  @inline static mix(z: u64): u64 {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }

  /** xoshiro128** next(): rotl(s1·5, 7)·9, then the xorshift state update. */
  @inline static next(): u32 {
    const s1 = Xoshiro128.s1;
    const result = rotl<u32>(s1 * 5, 7) * 9;
    const t = s1 << 9;
    Xoshiro128.s2 ^= Xoshiro128.s0;
    Xoshiro128.s3 ^= s1;
    Xoshiro128.s1 = s1 ^ Xoshiro128.s2;
    Xoshiro128.s0 ^= Xoshiro128.s3;
    Xoshiro128.s2 ^= t;
    Xoshiro128.s3 = rotl<u32>(Xoshiro128.s3, 11);
    return result;
  }

  /** buf[0..count) = the next `count` outputs (u32), as `next` gives them, with the state in locals for the loop. */
  static fill(buf: usize, count: i32): void {
    let s0 = Xoshiro128.s0;
    let s1 = Xoshiro128.s1;
    let s2 = Xoshiro128.s2;
    let s3 = Xoshiro128.s3;
    const end = buf + ((<usize>count) << 2);
    for (; buf < end; buf += 4) {
      store<u32>(buf, rotl<u32>(s1 * 5, 7) * 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl<u32>(s3, 11);
    }
    Xoshiro128.s0 = s0;
    Xoshiro128.s1 = s1;
    Xoshiro128.s2 = s2;
    Xoshiro128.s3 = s3;
  }

  /** Uniform in (0, 1] from two outputs: ((a >>> 5)·2^26 + (b >>> 6) + 0.5) / 2^53. */
  @inline static uniform(): f64 {
    const a = Xoshiro128.next();
    const b = Xoshiro128.next();
    return Xoshiro128.toUniform(a, b);
  }

  /** ((a >>> 5)·2^26 + (b >>> 6) + 0.5) / 2^53: 53 random bits, centred, in (0, 1]. */
  @inline static toUniform(a: u32, b: u32): f64 {
    return (<f64>(a >>> 5) * 67108864.0 + <f64>(b >>> 6) + 0.5) / 9007199254740992.0;
  }
}

// `normal` works in chunks of up to CHUNK_PAIRS pairs: their raw outputs (4 per pair) are drawn into
// RAW (the one sequential part), turned into ln u1 and u2 two pairs at a time, then into normals two
// pairs at a time (f64x2 lanes). Two short vector loops rather than one long one: each step of the
// long one would be a dependency chain too long for the out-of-order window to overlap two of them.
const CHUNK_PAIRS: i32 = 256;
const RAW: usize = memory.data(CHUNK_PAIRS << 4, 16);
const LOG_U1: usize = memory.data(CHUNK_PAIRS << 3, 16);
const U2: usize = memory.data(CHUNK_PAIRS << 3, 16);

/** out[i] = i-th raw xoshiro128** output for (seed, stream); out is (n) u32. */
export function uniformBits(out: usize, n: i32, seed: u32, stream: u32): void {
  Xoshiro128.seed(seed, stream);
  Xoshiro128.fill(out, n);
}

/** out is (n) f32: scale·N(0, 1) by Box–Muller (Box & Muller 1958), u1 then u2 per pair; odd n drops the last z1. */
export function normal(out: usize, n: i32, seed: u32, stream: u32, scale: f64): void {
  Xoshiro128.seed(seed, stream);
  const sc = f64x2.splat(scale);
  // two pairs (four values, eight outputs) per vector step; the last n mod 4 values one pair at a time
  let pairs = (n >> 2) << 1;
  while (pairs > 0) {
    const chunk = min(pairs, CHUNK_PAIRS);
    Xoshiro128.fill(RAW, chunk << 2);
    for (let p = 0; p < chunk; p += 2) {
      // raw is (a1, b1, a2, b2) of pair 0, then of pair 1: u1 = uniform(a1, b1), u2 = uniform(a2, b2)
      const raw = RAW + ((<usize>p) << 4);
      const v0 = v128.load(raw);
      const v1 = v128.load(raw, 16);
      const a = i32x4.shr_u(i32x4.shuffle(v0, v1, 0, 4, 2, 6), 5);
      const b = i32x4.shr_u(i32x4.shuffle(v0, v1, 1, 5, 3, 7), 6);
      const at = (<usize>p) << 3;
      v128.store(LOG_U1 + at, Musl64.log(BoxMuller.uniforms(a, b)));
      v128.store(
        U2 + at,
        BoxMuller.uniforms(i32x4.shuffle(a, a, 2, 3, 2, 3), i32x4.shuffle(b, b, 2, 3, 2, 3)),
      );
    }
    for (let p = 0; p < chunk; p += 2) {
      const at = (<usize>p) << 3;
      BoxMuller.pairs2(v128.load(LOG_U1 + at), v128.load(U2 + at), sc, out);
      out += 16;
    }
    pairs -= chunk;
  }
  normalPairs(out, n & 3, scale);
}

/** `normal` one pair at a time (the specification the vector path is tested against, bit for bit). */
export function normalScalar(out: usize, n: i32, seed: u32, stream: u32, scale: f64): void {
  Xoshiro128.seed(seed, stream);
  normalPairs(out, n, scale);
}

// out is (n) f32: normals from the next ⌈n/2⌉ pairs of the stream, one pair at a time in scalar f64
// (NativeMath.log, sqrt, NativeMath.sincos); odd n drops the last z1.
function normalPairs(out: usize, n: i32, scale: f64): void {
  for (let i = 0; i < n; i += 2) {
    const u1 = Xoshiro128.uniform();
    const u2 = Xoshiro128.uniform();
    const r = Math.sqrt(-2.0 * Math.log(u1));
    // one argument reduction for both: bit-equal to Math.cos and Math.sin (same musl kernels)
    NativeMath.sincos(2.0 * Math.PI * u2);
    const p = out + ((<usize>i) << 2);
    store<f32>(p, <f32>(r * NativeMath.sincos_cos * scale));
    if (i + 1 < n) store<f32>(p, <f32>(r * NativeMath.sincos_sin * scale), 4);
  }
}

// musl's rem_pio2 constants (|x| < 2^20·π/2: Cody–Waite with π/2 = PIO2_1 + PIO2_1T to 33 + 53 bits)
const PIO2_1: f64 = reinterpret<f64>(0x3ff921fb54400000); // 1.57079632673412561417e+00
const PIO2_1T: f64 = reinterpret<f64>(0x3dd0b4611a626331); // 6.07710050650619224932e-11
const INVPIO2: f64 = reinterpret<f64>(0x3fe45f306dc9c883); // 0.63661977236758134308
// high words of θ that pick NativeMath.sincos's paths: |θ| ≤ π/4 (no reduction), |θ| < 3π/4 (n = 1),
// |θ| < 2^-27·√2 (sin θ = θ, cos θ = 1), and θ near π/2 (a longer π/2)
const HI_PIO4: i64 = 0x3fe921fb;
const HI_3PIO4: i64 = 0x4002d97c;
const HI_TINY: i64 = 0x3e46a09e;
const HI_PIO2: i64 = 0x3ff921fb;

/** The vector steps of `normal`, two pairs at a time in f64x2 lanes. */
class BoxMuller {
  /** Lanes 0–1 of a = a >>> 5 and b = b >>> 6 to the uniforms (a·2^26 + b + 0.5)·2^-53, as toUniform. */
  @inline static uniforms(a: v128, b: v128): v128 {
    const hi = f64x2.mul(f64x2.convert_low_i32x4_u(a), f64x2.splat(67108864.0));
    const sum = f64x2.add(f64x2.add(hi, f64x2.convert_low_i32x4_u(b)), f64x2.splat(0.5));
    return f64x2.mul(sum, f64x2.splat(1.0 / 9007199254740992.0));
  }

  /**
   * Two Box–Muller pairs in f64x2 lanes (lane j is pair j): r = sqrt(−2·ln u1) from lg = ln u1,
   * θ = 2π·u2, out = f32(r·cos θ·scale), f32(r·sin θ·scale) for pair 0, then pair 1. sin and cos are
   * NativeMath.sincos (musl) for θ in (0, 2π], lane by lane: the same reduction (q = 0, q = 1 or
   * nearest(θ·2/π) with PIO2_1, PIO2_1T), kernels and quadrant signs. Lanes on musl's rare paths
   * (tiny θ, θ near π/2, a reduction that cancels more than 16 bits: about 1 in 10⁴ steps) are
   * recomputed by NativeMath.sincos itself.
   */
  @inline static pairs2(lg: v128, u2: v128, scale: v128, out: usize): void {
    const r = f64x2.sqrt(f64x2.mul(f64x2.splat(-2.0), lg));
    const theta = f64x2.mul(f64x2.splat(2.0 * Math.PI), u2);
    const hx = i64x2.shr_u(theta, 32);
    const small = i64x2.le_s(hx, i64x2.splat(HI_PIO4));
    const mid = i64x2.lt_s(hx, i64x2.splat(HI_3PIO4));
    // q = 0 for |θ| ≤ π/4, 1 below 3π/4, else nearest(θ·2/π) (θ > 0 throughout)
    let q = f64x2.nearest(f64x2.mul(theta, f64x2.splat(INVPIO2)));
    q = v128.bitselect(f64x2.splat(1.0), q, mid);
    q = v128.bitselect(f64x2.splat(0.0), q, small);
    const rr = f64x2.sub(theta, f64x2.mul(q, f64x2.splat(PIO2_1)));
    const w = f64x2.mul(q, f64x2.splat(PIO2_1T));
    const y0 = f64x2.sub(rr, w);
    const y1 = f64x2.sub(f64x2.sub(rr, y0), w);
    // musl takes a second Cody–Waite step where y0 lost more than 16 bits to cancellation
    const lost = i64x2.sub(i64x2.shr_u(hx, 20), v128.and(i64x2.shr_u(y0, 52), i64x2.splat(0x7ff)));
    const rare = v128.or(
      v128.or(i64x2.lt_s(hx, i64x2.splat(HI_TINY)), i64x2.eq(hx, i64x2.splat(HI_PIO2))),
      v128.andnot(i64x2.gt_s(lost, i64x2.splat(16)), mid),
    );
    let s = v128.bitselect(Musl64.sinKernelExact(y0), Musl64.sinKernel(y0, y1), small);
    let c = Musl64.cosKernel(y0, y1);
    // quadrant q: odd q → (sin, cos) = (c, −s); q & 2 → both negated
    const qbits = f64x2.add(q, f64x2.splat(6755399441055744.0)); // q in the low mantissa bits
    const odd = i64x2.eq(v128.and(qbits, i64x2.splat(1)), i64x2.splat(1));
    const flip = v128.and(i64x2.shl(qbits, 62), i64x2.splat(0x8000000000000000));
    const sn = v128.xor(v128.bitselect(c, s, odd), flip);
    const cs = v128.xor(v128.bitselect(f64x2.neg(s), c, odd), flip);
    s = sn;
    c = cs;
    if (v128.any_true(rare)) {
      NativeMath.sincos(f64x2.extract_lane(theta, 0));
      s = f64x2.replace_lane(s, 0, NativeMath.sincos_sin);
      c = f64x2.replace_lane(c, 0, NativeMath.sincos_cos);
      NativeMath.sincos(f64x2.extract_lane(theta, 1));
      s = f64x2.replace_lane(s, 1, NativeMath.sincos_sin);
      c = f64x2.replace_lane(c, 1, NativeMath.sincos_cos);
    }
    const z0 = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.mul(r, c), scale));
    const z1 = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.mul(r, s), scale));
    // (z0 of pair 0, z1 of pair 0, z0 of pair 1, z1 of pair 1)
    v128.store(out, i32x4.shuffle(z0, z1, 0, 4, 1, 5));
  }
}

/** out is (n) f32: f32(lo + (hi − lo)·u) with u the (0, 1) uniform above, one per value (two outputs each). */
export function uniform(out: usize, n: i32, seed: u32, stream: u32, lo: f64, hi: f64): void {
  Xoshiro128.seed(seed, stream);
  const width = hi - lo;
  const end = out + ((<usize>n) << 2);
  for (; out < end; out += 4) store<f32>(out, <f32>(lo + width * Xoshiro128.uniform()));
}

/**
 * out is (n) f32: scale·z for the standard normals z of `normal`'s sequence (z0 then z1 of each
 * Box–Muller pair) with |z| ≤ 2, in order; a z with |z| > 2 is skipped and the sequence continues
 * (TensorFlow's truncated_normal: redrawn, truncated at 2 standard deviations before scaling).
 */
export function truncatedNormal(out: usize, n: i32, seed: u32, stream: u32, scale: f64): void {
  Xoshiro128.seed(seed, stream);
  let i = 0;
  while (i < n) {
    const u1 = Xoshiro128.uniform();
    const u2 = Xoshiro128.uniform();
    const r = Math.sqrt(-2.0 * Math.log(u1));
    NativeMath.sincos(2.0 * Math.PI * u2);
    const z0 = r * NativeMath.sincos_cos;
    if (Math.abs(z0) <= 2.0) {
      store<f32>(out + ((<usize>i) << 2), <f32>(z0 * scale));
      i++;
    }
    if (i == n) break;
    const z1 = r * NativeMath.sincos_sin;
    if (Math.abs(z1) <= 2.0) {
      store<f32>(out + ((<usize>i) << 2), <f32>(z1 * scale));
      i++;
    }
  }
}
