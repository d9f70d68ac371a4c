import { beforeAll, describe, expect, it } from 'vitest';
import { expectBitEqual, expectCloseF32 } from '../../../testing/f32.js';
import type { CoreExports } from '../src/abi.js';
import { type Core, reference } from '../src/index.js';
import { newCore, rawExports } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

// Known answers from the authors' C code (splitmix64.c + xoshiro128starstar.c) seeded as SPEC.md says.
const knownBits: [number, number, number[]][] = [
  [0, 0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774]],
  [42, 7, [3218433758, 3595279162, 1425948380, 2234227796, 3618828505, 1879865849]],
  [0xffffffff, 0xffffffff, [477689756, 2493998634, 555695776, 607808419, 61340979, 301466976]],
];

describe('uniformBits()', () => {
  for (const [seed, stream, bits] of knownBits) {
    it(`matches the C reference for seed ${seed}, stream ${stream}`, () => {
      expect(Array.from(core.uniformBits(6, seed, stream))).toEqual(bits);
      expect(Array.from(reference.uniformBits(6, seed, stream))).toEqual(bits);
    });
  }

  it('equals the reference exactly over 100 000 outputs', () => {
    expect(core.uniformBits(100_000, 123, 4)).toEqual(reference.uniformBits(100_000, 123, 4));
  });
});

describe('normal()', () => {
  it('matches C Box–Muller on the first six normals for seed 42, stream 7', () => {
    const c = [-0.374328673, 0.661041796, 0.0713129491, 0.580948889, 1.34653187, 0.925326169];
    Array.from(core.normal(6, 42, 7)).forEach((v, i) => {
      expect(v).toBeCloseTo(c[i] as number, 8);
    });
  });

  it('is within 1e-6 relative of the reference (odd length, scale 0.01)', () => {
    const got = core.normal(100_001, 7, 3, 0.01);
    const want = reference.normal(100_001, 7, 3, 0.01);
    for (let i = 0; i < want.length; i++) {
      const e = want[i] as number;
      if (Math.abs((got[i] as number) - e) > 1e-6 * Math.abs(e)) {
        expect.fail(`index ${i}: got ${got[i]}, expected ${e}`);
      }
    }
  });

  it('gives identical output for the same (seed, stream) twice', () => {
    expect(core.normal(1001, 5, 2)).toEqual(core.normal(1001, 5, 2));
    const block = core.alloc(1001);
    core.normalInto(block, 5, 2);
    const copy = core.normal(1001, 5, 2); // may grow memory: before reading block's view
    expect(block.array).toEqual(copy);
  });

  it('restarts the stream on every call (a prefix of a longer draw)', () => {
    expect(core.normal(10, 5, 2)).toEqual(core.normal(11, 5, 2).subarray(0, 10));
  });

  it('differs between seeds and between streams', () => {
    const base = core.normal(64, 5, 2);
    expect(core.normal(64, 6, 2)).not.toEqual(base);
    expect(core.normal(64, 5, 3)).not.toEqual(base);
    expect(core.normal(64, 2, 5)).not.toEqual(base);
  });

  it('works with the zero seed and stream', () => {
    const z = core.normal(1000, 0, 0);
    expect(z.every(Number.isFinite)).toBe(true);
    expect(new Set(z).size).toBe(1000);
  });

  it('has mean 0 and variance 1 within 4 standard errors over 1e6 draws', () => {
    const n = 1_000_000;
    const z = core.normal(n, 2024, 1);
    let sum = 0;
    for (const v of z) sum += v;
    const mean = sum / n;
    let ss = 0;
    for (const v of z) ss += (v - mean) ** 2;
    const variance = ss / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('scales by `scale` like the reference', () => {
    expect(core.normal(9, 1, 1, 0).every((v) => v === 0)).toBe(true);
    expectCloseF32(core.normal(9, 1, 1, -2), reference.normal(9, 1, 1, -2));
  });
});

// normal() runs Box–Muller two pairs at a time in f64x2 lanes (musl's log, sin and cos transcribed
// operation for operation); normalScalar is the one-pair-at-a-time path it must equal bit for bit.
describe('normal() against the scalar Box–Muller (normalScalar)', () => {
  let wasm: CoreExports;
  let base = 0;
  beforeAll(async () => {
    wasm = await rawExports();
    base = Math.ceil(wasm.heapBase() / 16) * 16;
  });

  // both paths for (n, seed, stream, scale); the index of the first differing bit pattern, or −1
  function firstDifference(n: number, seed: number, stream: number, scale = 1): number {
    const bytes = base + 8 * n + 32;
    const grow = Math.ceil((bytes - wasm.memory.buffer.byteLength) / 65_536);
    if (grow > 0) wasm.memory.grow(grow);
    const at = base + Math.ceil((4 * n) / 16) * 16;
    wasm.normal(base, n, seed, stream, scale);
    wasm.normalScalar(at, n, seed, stream, scale);
    const vector = new Uint32Array(wasm.memory.buffer, base, n);
    const scalar = new Uint32Array(wasm.memory.buffer, at, n);
    for (let i = 0; i < n; i++) if (vector[i] !== scalar[i]) return i;
    return -1;
  }

  it('gives the same bits on 1.2·10⁷ values over 12 (seed, stream) pairs and scales', () => {
    let values = 0;
    for (const [seed, stream] of [
      [0, 0],
      [1, 1],
      [42, 7],
      [0xffffffff, 0xffffffff],
    ] as const) {
      for (const [n, scale] of [
        [2_000_003, 1],
        [1_000_000, 0.01],
        [1_000_001, -3.5],
      ] as const) {
        expect(firstDifference(n, seed, stream, scale), `seed ${seed}, stream ${stream}`).toBe(-1);
        values += n;
      }
    }
    expect(values).toBeGreaterThanOrEqual(1.2e7);
  });

  it('gives the same bits for every length 0–40 and around the chunk size (512 pairs)', () => {
    const lengths = [
      ...Array.from({ length: 41 }, (_, i) => i),
      1021,
      1023,
      1024,
      1025,
      1027,
      2049,
    ];
    for (const n of lengths) expect(firstDifference(n, 9, 4), `length ${n}`).toBe(-1);
  });

  // θ = 2π·u2 of the pair at `pair` of (seed, stream) takes musl's rarer sincos paths there
  const rare: [string, number, number, number, (theta: number) => boolean][] = [
    ['θ < 2^-27·√2 (sin θ = θ, cos θ = 1)', 2024, 309, 1_533_475, (t) => highWord(t) < 0x3e46a09e],
    ['θ near π/2 (a longer π/2)', 2024, 41, 186_477, (t) => highWord(t) === 0x3ff921fb],
    ['θ near π/2, again', 2024, 33, 345_335, (t) => highWord(t) === 0x3ff921fb],
  ];
  for (const [what, seed, stream, pair, takes] of rare) {
    it(`gives the same bits where sincos takes a rare path: ${what}`, () => {
      const raw = reference.uniformBits(4 * pair + 4, seed, stream);
      const a = raw[4 * pair + 2] as number;
      const b = raw[4 * pair + 3] as number;
      const u2 = ((a >>> 5) * 67108864 + (b >>> 6) + 0.5) / 9007199254740992;
      expect(takes(2 * Math.PI * u2)).toBe(true);
      expect(firstDifference(2 * pair + 4, seed, stream)).toBe(-1);
    });
  }
});

// the high 32 bits of an f64 (what musl's sincos branches on)
function highWord(x: number): number {
  const f = new Float64Array([x]);
  return new Uint32Array(f.buffer)[1] as number;
}

describe('uniform()', () => {
  it('equals the reference bit for bit over 100 001 values on [0, 1] and [−0.3, 2.5]', () => {
    expectBitEqual(core.uniform(100_001, 7, 3), reference.uniform(100_001, 7, 3));
    expectBitEqual(
      core.uniform(100_001, 7, 3, -0.3, 2.5),
      reference.uniform(100_001, 7, 3, -0.3, 2.5),
    );
  });

  it('is f32(lo + (hi − lo)·u) of the documented u from two raw outputs', () => {
    const bits = core.uniformBits(6, 42, 7);
    const u = (i: number) =>
      (((bits[2 * i] as number) >>> 5) * 2 ** 26 + ((bits[2 * i + 1] as number) >>> 6) + 0.5) /
      2 ** 53;
    expect(Array.from(core.uniform(3, 42, 7, -1, 3))).toEqual(
      [0, 1, 2].map((i) => Math.fround(-1 + 4 * u(i))),
    );
  });

  it('stays in [lo, hi], restarts per call and fills blocks with uniformInto', () => {
    const x = core.uniform(10_000, 1, 2, -0.5, 0.5);
    expect(x.every((v) => v >= -0.5 && v <= 0.5)).toBe(true);
    expect(core.uniform(10, 1, 2)).toEqual(core.uniform(11, 1, 2).subarray(0, 10));
    const block = core.alloc(99);
    core.uniformInto(block, 1, 2, -0.5, 0.5);
    expect(block.array).toEqual(x.subarray(0, 99));
  });

  it('has mean (lo + hi)/2 and variance (hi − lo)²/12 within 4 standard errors over 1e6 draws', () => {
    const n = 1_000_000;
    const x = core.uniform(n, 2024, 5, 1, 3);
    let sum = 0;
    for (const v of x) sum += v;
    const mean = sum / n;
    let ss = 0;
    for (const v of x) ss += (v - mean) ** 2;
    expect(Math.abs(mean - 2)).toBeLessThan(4 * Math.sqrt(1 / 3 / n));
    expect(Math.abs(ss / n - 1 / 3)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
  });

  it('checks its range', () => {
    expect(() => core.uniform(4, 1, 1, 2, 1)).toThrow(
      'uniform: lo must be at most hi, got lo = 2, hi = 1',
    );
    expect(() => core.uniform(4, 1, 1, -1e308, 1e308)).toThrow(
      'uniform: hi − lo must be finite, got lo = -1e+308, hi = 1e+308',
    );
  });
});

describe('truncatedNormal()', () => {
  it('is within 1e-6 relative of the reference (odd length, scale 0.05)', () => {
    const got = core.truncatedNormal(100_001, 7, 3, 0.05);
    const want = reference.truncatedNormal(100_001, 7, 3, 0.05);
    for (let i = 0; i < want.length; i++) {
      const e = want[i] as number;
      if (Math.abs((got[i] as number) - e) > 1e-6 * Math.abs(e)) {
        expect.fail(`index ${i}: got ${got[i]}, expected ${e}`);
      }
    }
  });

  it("is normal()'s sequence with the values beyond 2 standard deviations left out", () => {
    const kept = core.normal(1300, 11, 4).filter((z) => Math.abs(z) <= 2);
    expect(core.truncatedNormal(1000, 11, 4)).toEqual(kept.subarray(0, 1000));
  });

  it('stays within ±2·scale, restarts per call and fills blocks with truncatedNormalInto', () => {
    const x = core.truncatedNormal(100_000, 3, 9, 0.5);
    expect(x.every((v) => Math.abs(v) <= 1)).toBe(true);
    expect(core.truncatedNormal(10, 3, 9)).toEqual(core.truncatedNormal(11, 3, 9).subarray(0, 10));
    const block = core.alloc(77);
    core.truncatedNormalInto(block, 3, 9, 0.5);
    expect(block.array).toEqual(x.subarray(0, 77));
  });

  it("has variance 1 − 4φ(2)/(2Φ(2) − 1) ≈ 0.7737 within 4 standard errors (Keras' 0.8796² correction)", () => {
    const n = 1_000_000;
    const x = core.truncatedNormal(n, 2024, 6);
    let ss = 0;
    for (const v of x) ss += v * v;
    const phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    const variance = 1 - (4 * phi2) / 0.9544997361036416;
    expect(Math.abs(ss / n - variance)).toBeLessThan(4 * Math.sqrt(0.3 / n));
    expect(Math.sqrt(variance)).toBeCloseTo(0.87962566103423978, 6);
  });
});
