// Shared test data and the one comparison helper (kept out of *.test.ts so importing it runs no tests).

import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { CoreExports } from '../src/abi.js';
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

/** build/release.wasm instantiated on its own (no Core): for exports the wrapper does not offer (`normalScalar`). */
export async function rawExports(): Promise<CoreExports> {
  const bytes = await readFile(new URL('../build/release.wasm', import.meta.url));
  const abort = () => {
    throw new Error('core-wasm abort');
  };
  const { instance } = await WebAssembly.instantiate(bytes, { env: { abort } });
  const wasm = instance.exports as unknown as CoreExports;
  wasm._initialize?.();
  return wasm;
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

/** The next f32 above (dir = +1) or below (dir = −1) a finite f32 value. */
export function nextF32(x: number, dir: 1 | -1): number {
  const f = new Float32Array([x]);
  const bits = new Int32Array(f.buffer);
  if (x === 0) {
    bits[0] = 1;
    return dir * (f[0] as number);
  }
  bits[0] = (bits[0] as number) + (x > 0 === dir > 0 ? 1 : -1);
  return f[0] as number;
}

/**
 * Values that sit on and next to every bin edge of [lo, hi] with `bins` bins (the f32 nearest each
 * f64 edge and `spread` f32 steps either side), lo and hi and their neighbours: where an f32
 * estimate of the bin could disagree with the f64 formula.
 */
export function edgeData(lo: number, hi: number, bins: number, spread = 3): Float32Array {
  const values: number[] = [];
  for (let j = 0; j <= bins; j++) {
    let v = Math.fround(lo + ((hi - lo) * j) / bins);
    values.push(v);
    let up = v;
    for (let s = 0; s < spread; s++) {
      up = nextF32(up, 1);
      values.push(up);
      v = nextF32(v, -1);
      values.push(v);
    }
  }
  return Float32Array.from(values);
}

/** Σ(x − K)² over the finite values, K the first finite value: the scale of a fused pass's sumSqDev error. */
export function shiftedSquares(x: Float32Array): number {
  let k = Number.NaN;
  let total = 0;
  for (const v of x) {
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(k)) k = v;
    total += (v - k) ** 2;
  }
  return total;
}

/** Σ|x| over the finite values: the scale of a fused pass's sum error. */
export function sumAbs(x: Float32Array): number {
  let total = 0;
  for (const v of x) if (Number.isFinite(v)) total += Math.abs(v);
  return total;
}

/** Same f32 bits everywhere (NaN payloads too): the kernels that promise bit-equality. Fast on large arrays. */
export function expectBitEqual(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < e.length; i++) {
    if (a[i] !== e[i])
      expect.fail(`index ${i}: got ${actual[i]}, expected ${expected[i]} (bit-equal)`);
  }
}
