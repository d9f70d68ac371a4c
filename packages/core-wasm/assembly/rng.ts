// Seeded normals. SplitMix64 (https://prng.di.unimi.it/splitmix64.c) seeds xoshiro128**
// (https://prng.di.unimi.it/xoshiro128starstar.c); Box–Muller in f64 turns pairs of 53-bit
// uniforms into pairs of normals. Every call restarts from (seed, stream): see SPEC.md, "RNG".

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

  /** Uniform in (0, 1] from two outputs: ((a >>> 5)·2^26 + (b >>> 6) + 0.5) / 2^53. */
  @inline static uniform(): f64 {
    const a = Xoshiro128.next();
    const b = Xoshiro128.next();
    return (<f64>(a >>> 5) * 67108864.0 + <f64>(b >>> 6) + 0.5) / 9007199254740992.0;
  }
}

/** out[i] = i-th raw xoshiro128** output for (seed, stream); out is (n) u32. */
export function uniformBits(out: usize, n: i32, seed: u32, stream: u32): void {
  Xoshiro128.seed(seed, stream);
  const end = out + ((<usize>n) << 2);
  for (; out < end; out += 4) store<u32>(out, Xoshiro128.next());
}

/** out is (n) f32: scale·N(0, 1) by Box–Muller (Box & Muller 1958), u1 then u2 per pair; odd n drops the last z1. */
export function normal(out: usize, n: i32, seed: u32, stream: u32, scale: f64): void {
  Xoshiro128.seed(seed, stream);
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
