// core-wasm's test data (kept out of *.test.ts so importing it runs no tests); the comparisons and
// f32 constants are the shared kit's (testing/f32.ts).

import { readFile } from 'node:fs/promises';
import { nextF32 } from '../../../testing/f32.js';
import type { CoreExports } from '../src/abi.js';
import { type Core, loadCore, reference } from '../src/index.js';

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
