// The JS peers' own random numbers. They need not match initscope's stream (sweeps are compared
// statistically), only be seeded, fast and plain: xoshiro128** (https://prng.di.unimi.it/) seeded
// by splitmix32, and Box–Muller for normals. The bootstrap draws its resamples from the same generator.

/** A seeded source of N(0, 1) samples. */
export interface NormalSource {
  /** Fills `out` with N(0, scale²) samples, rounded to f32. */
  fill(out: Float32Array, scale?: number): Float32Array;
}

/** splitmix32: spreads (seed, stream) into well-mixed 32-bit words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** xoshiro128** seeded by splitmix32 from (seed, stream): one uniform 32-bit word per call. */
export function uint32Source(seed: number, stream = 0): () => number {
  const mix = splitmix32(Math.imul(seed >>> 0, 0x85ebca6b) ^ Math.imul(stream >>> 0, 0xc2b2ae35));
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

/** A normal source for (seed, stream); the same pair always gives the same samples. */
export function normalSource(seed: number, stream = 0): NormalSource {
  const next = uint32Source(seed, stream);
  // uniform in (0, 1) with 32 random bits; never 0, so log() is finite.
  const uniform = (): number => (next() + 0.5) / 4294967296;
  return {
    fill(out, scale = 1) {
      const n = out.length;
      for (let i = 0; i < n; i += 2) {
        const r = Math.sqrt(-2 * Math.log(uniform())) * scale;
        const theta = 2 * Math.PI * uniform();
        out[i] = r * Math.cos(theta);
        if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
      }
      return out;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
