import { beforeAll, describe, expect, it } from 'vitest';
import { type Core, reference } from '../src/index.js';
import { expectCloseF32, newCore } from './fixtures.js';

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
