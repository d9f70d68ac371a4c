// Shared test data and the one comparison helper (kept out of *.test.ts so importing it runs no tests).

import { expect } from 'vitest';
import { type Core, loadCore, reference } from '../src/index.js';

/** Relative tolerance between an f32 kernel and its reference (a few f32 ulps: 2^-23 ≈ 1.2e-7). */
export const EPS_F32 = 1e-6;

/** Smallest normal f32; results below it (subnormals) are compared absolutely against it. */
export const TINY_F32 = 2 ** -126;

/** Largest finite f32. */
export const MAX_F32 = 3.4028234663852886e38;

/** Smallest positive subnormal f32. */
export const MIN_SUBNORMAL_F32 = 2 ** -149;

/** Edge inputs every kernel must propagate like its reference. */
export const edgeValues: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1,
  -1,
  3e38,
  -3e38,
  MAX_F32,
  1e-30,
  -1e-30,
  TINY_F32,
  MIN_SUBNORMAL_F32,
  -MIN_SUBNORMAL_F32,
  3 * MIN_SUBNORMAL_F32,
  0.5,
  88.7,
  -88.7,
  100,
  -100,
  1e6,
  -1e6,
];

/** A fresh Core from build/release.wasm. */
export function newCore(): Promise<Core> {
  return loadCore();
}

/** `length` deterministic N(0, scale²) values (the reference generator; never Math.random). */
export function randn(length: number, seed: number, scale = 1): Float32Array {
  return reference.normal(length, seed, 99, scale);
}

function close(actual: number, expected: number, eps: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual))
    return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  const diff = Math.abs(actual - expected);
  return diff <= eps * Math.abs(expected) || diff <= TINY_F32;
}

/**
 * Elementwise: same NaN-ness, same infinities, and finite values within `eps` relative
 * (absolutely within TINY_F32 where the expected value is subnormal or zero).
 */
export function expectCloseF32(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  eps = EPS_F32,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!close(a, e, eps)) {
      expect.fail(`index ${i}: got ${a}, expected ${e} (relative tolerance ${eps})`);
    }
  }
}
