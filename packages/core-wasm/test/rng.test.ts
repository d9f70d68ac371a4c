import { beforeAll, describe, expect, it } from 'vitest';
import { type Core, reference } from '../src/index.js';
import { expectBitEqual, expectCloseF32, newCore } from './fixtures.js';

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
    expect(block.array).toEqual(core.normal(1001, 5, 2));
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
