// Seeded draws into a block (SPEC.md "RNG"): normals, truncated normals, uniforms and the raw
// xoshiro128** outputs. Each call restarts from (seed, stream): a pure function of its arguments.

import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkFinite, checkU32 } from '../checks.js';

/** Default `scale` of `normalInto` / `normal`: standard normals. */
export const defaultNormalScale = 1;

/** Default range of `uniformInto` / `uniform`: [0, 1]. */
export const defaultUniformRange: readonly [number, number] = [0, 1];

/** Where and what to draw: out.length values of the stream (seed, stream). */
export interface Draw {
  out: F32Block;
  seed: number;
  stream: number;
}

/** out is a block of this core, seed and stream are u32. */
function checkDraw(backend: Backend, fn: string, { out, seed, stream }: Draw): void {
  backend.checkBlock(fn, 'out', out);
  checkU32(fn, 'seed', seed);
  checkU32(fn, 'stream', stream);
}

/** The two kinds of normal draw: all of them, or those with |z| ≤ 2. */
type NormalKind = 'normal' | 'truncated';

/** out = scale·z for out.length normals z (with |z| ≤ 2 when truncated) of (seed, stream). */
export function drawNormal(
  backend: Backend,
  fn: string,
  kind: NormalKind,
  draw: Draw,
  scale: number,
): void {
  checkDraw(backend, fn, draw);
  checkFinite(fn, 'scale', scale);
  const { out, seed, stream } = draw;
  const kernel = kind === 'truncated' ? backend.wasm.truncatedNormal : backend.wasm.normal;
  kernel(out.ptr, out.length, seed, stream, scale);
}

/** out = f32(lo + (hi − lo)·u) for out.length uniforms u of (seed, stream); lo ≤ hi, hi − lo finite. */
export function drawUniform(
  backend: Backend,
  fn: string,
  draw: Draw,
  lo: number,
  hi: number,
): void {
  checkDraw(backend, fn, draw);
  checkFinite(fn, 'lo', lo);
  checkFinite(fn, 'hi', hi);
  if (!(lo <= hi)) throw new Error(`${fn}: lo must be at most hi, got lo = ${lo}, hi = ${hi}`);
  if (!Number.isFinite(hi - lo)) {
    throw new Error(`${fn}: hi − lo must be finite, got lo = ${lo}, hi = ${hi}`);
  }
  const { out, seed, stream } = draw;
  backend.wasm.uniform(out.ptr, out.length, seed, stream, lo, hi);
}

/** The first out.length raw xoshiro128** outputs of (seed, stream), as u32 bit patterns in out. */
export function drawUniformBits(backend: Backend, fn: string, draw: Draw): void {
  checkDraw(backend, fn, draw);
  const { out, seed, stream } = draw;
  backend.wasm.uniformBits(out.ptr, out.length, seed, stream);
}
