// SplitMix64 (https://prng.di.unimi.it/splitmix64.c) seeding xoshiro128**
// (https://prng.di.unimi.it/xoshiro128starstar.c), then Box–Muller in f64, as SPEC.md "RNG".

const mask64 = (1n << 64n) - 1n;
const golden = 0x9e3779b97f4a7c15n;

// SplitMix64 output function (wrapping u64)
function mix(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask64;
  return z ^ (z >> 31n);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A xoshiro128** generator seeded from SplitMix64 state seed·2^32 + stream. */
export class Xoshiro128 {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  constructor(seed: number, stream: number) {
    let state = (BigInt(seed) << 32n) | BigInt(stream);
    state = (state + golden) & mask64;
    const w1 = mix(state);
    state = (state + golden) & mask64;
    const w2 = mix(state);
    this.#s0 = Number(w1 & 0xffffffffn);
    this.#s1 = Number(w1 >> 32n);
    this.#s2 = Number(w2 & 0xffffffffn);
    this.#s3 = Number(w2 >> 32n);
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  /** Next raw u32 output: rotl(s1·5, 7)·9. */
  next(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    this.#s2 = (this.#s2 ^ this.#s0) >>> 0;
    this.#s3 = (this.#s3 ^ s1) >>> 0;
    this.#s1 = (s1 ^ this.#s2) >>> 0;
    this.#s0 = (this.#s0 ^ this.#s3) >>> 0;
    this.#s2 = (this.#s2 ^ t) >>> 0;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** Uniform in (0, 1] from two outputs a, b: ((a >>> 5)·2^26 + (b >>> 6) + 0.5) / 2^53. */
  uniform(): number {
    const a = this.next();
    const b = this.next();
    return ((a >>> 5) * 67108864 + (b >>> 6) + 0.5) / 9007199254740992;
  }
}

/** The first `count` raw xoshiro128** outputs for (seed, stream). */
export function uniformBits(count: number, seed: number, stream: number): Uint32Array {
  const rng = new Xoshiro128(seed, stream);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.next();
  return out;
}

/** `length` f32 values scale·N(0, 1) by Box–Muller (u1 then u2 per pair; odd length drops the last z1). */
export function normal(length: number, seed: number, stream: number, scale = 1): Float32Array {
  const rng = new Xoshiro128(seed, stream);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    const u1 = rng.uniform();
    const u2 = rng.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    out[i] = r * Math.cos(theta) * scale;
    if (i + 1 < length) out[i + 1] = r * Math.sin(theta) * scale;
  }
  return out;
}

/** `length` f32 values f32(lo + (hi − lo)·u), one uniform u per value; bit-equal to the kernel. */
export function uniform(
  length: number,
  seed: number,
  stream: number,
  lo = 0,
  hi = 1,
): Float32Array {
  const rng = new Xoshiro128(seed, stream);
  const out = new Float32Array(length);
  const width = hi - lo;
  for (let i = 0; i < length; i++) out[i] = lo + width * rng.uniform();
  return out;
}

/**
 * `length` f32 values scale·z for the normals z of `normal`'s sequence (z0, z1 of each pair) with
 * |z| ≤ 2, in order; a z beyond 2 is skipped and the sequence continues.
 */
export function truncatedNormal(
  length: number,
  seed: number,
  stream: number,
  scale = 1,
): Float32Array {
  const rng = new Xoshiro128(seed, stream);
  const out = new Float32Array(length);
  let i = 0;
  while (i < length) {
    const u1 = rng.uniform();
    const u2 = rng.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    const z0 = r * Math.cos(theta);
    if (Math.abs(z0) <= 2) out[i++] = z0 * scale;
    if (i === length) break;
    const z1 = r * Math.sin(theta);
    if (Math.abs(z1) <= 2) out[i++] = z1 * scale;
  }
  return out;
}
