/**
 * The f32 test kit shared by the packages' tests: the named tolerance, the f32 constants, the edge
 * values every kernel must handle, elementwise comparisons (close within a tolerance, or bit-equal),
 * the worst relative error of a kernel against an f64 formula, and blocks filled from arrays.
 */
import type { F32Block } from '@initscope/core-wasm';
import { expect } from 'vitest';

/** Relative tolerance between an f32 kernel and its f64 reference: a few f32 ulps (2^-23 ≈ 1.2e-7). */
export const EPS_F32 = 1e-6;

/** Smallest normal f32; a result below it (subnormal or zero) is compared absolutely against it. */
export const TINY_F32 = 2 ** -126;

/** Largest finite f32. */
export const MAX_F32 = 3.4028234663852886e38;

/** Smallest positive subnormal f32. */
export const MIN_SUBNORMAL_F32 = 2 ** -149;

/** Edge inputs every kernel must treat like its reference: NaN, ±Inf, ±0, ±huge, ±tiny, subnormals, exp's limits (23 values: not a multiple of 4 or 8). */
export const edgeValuesF32: readonly number[] = [
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

// both NaN, or the same infinity, or within `tol` relative (TINY_F32 absolute near zero)
function closeF32(actual: number, expected: number, tol: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  const diff = Math.abs(actual - expected);
  return diff <= tol * Math.abs(expected) || diff <= TINY_F32;
}

/** Same length; elementwise the same NaN-ness and infinities, finite values within `tol` relative (TINY_F32 absolute where the expected value is subnormal or zero). */
export function expectCloseF32(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol = EPS_F32,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!closeF32(a, e, tol)) {
      expect.fail(`index ${i}: got ${a}, expected ${e} (relative tolerance ${tol})`);
    }
  }
}

// the values as a Float32Array (no copy when they are one)
function asF32(values: ArrayLike<number>): Float32Array {
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

/** Same length and the same f32 bit pattern everywhere, except that any NaN equals any NaN (±0 differ). Fast on large arrays. */
export function expectBitEqual(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  const a = asF32(actual);
  const e = asF32(expected);
  const aBits = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const eBits = new Uint32Array(e.buffer, e.byteOffset, e.length);
  for (let i = 0; i < e.length; i++) {
    if (aBits[i] === eBits[i]) continue;
    if (Number.isNaN(a[i]) && Number.isNaN(e[i])) continue;
    expect.fail(`index ${i}: got ${a[i]}, expected ${e[i]} (bit-equal)`);
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
 * The largest |got[i] − exact(x[i])| / scale(x[i], exact) over the inputs whose exact value rounds to
 * a normal finite f32 (scale: |exact| unless given; subnormal and overflowing results are skipped).
 */
export function maxRelativeError(
  x: ArrayLike<number>,
  got: ArrayLike<number>,
  exact: (x: number) => number,
  scale: (x: number, exact: number) => number = (_, e) => Math.abs(e),
): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    const e = exact(v);
    const rounded = Math.fround(e);
    if (!(Math.abs(rounded) >= TINY_F32) || !Number.isFinite(rounded)) continue;
    worst = Math.max(worst, Math.abs((got[i] as number) - e) / scale(v, e));
  }
  return worst;
}

/** A new block of `core` holding `values` (rounded to f32). */
export function block(
  core: { alloc(length: number): F32Block },
  values: ArrayLike<number>,
): F32Block {
  const b = core.alloc(values.length);
  b.array.set(values);
  return b;
}
