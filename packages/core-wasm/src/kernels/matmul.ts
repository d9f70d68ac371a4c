// The products a·b, a·bᵀ and aᵀ·b on blocks: blocks, shape, lengths and overlap checked, then the
// WASM kernel (row-major f32, bit-equal to reference.matmul / matmulTransB / matmulTransA).
// a is (m, k); b is (k, n) in 'nn', (n, k) in 'nt', (m, n) in 'tn'; out is (m, n), or (k, n) in 'tn'.

import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkHolds, checkShape, overlaps } from '../checks.js';

/** The three layouts: a·b ('nn'), a·bᵀ ('nt'), aᵀ·b ('tn'). */
export type Layout = 'nn' | 'nt' | 'tn';

/** A size and the formula it comes from (for messages). */
type Size = readonly [values: number, formula: string];

/** The values a, b and out hold in a layout, with their formulas. */
export function layoutSizes(
  layout: Layout,
  m: number,
  k: number,
  n: number,
): { a: Size; b: Size; out: Size } {
  const mk: Size = [m * k, `m·k = ${m}·${k}`];
  const kn: Size = [k * n, `k·n = ${k}·${n}`];
  const mn: Size = [m * n, `m·n = ${m}·${n}`];
  if (layout === 'nt') return { a: mk, b: [n * k, `n·k = ${n}·${k}`], out: mn };
  if (layout === 'tn') return { a: mk, b: mn, out: kn };
  return { a: mk, b: kn, out: mn };
}

/** The output length of a product after checking its shape (what a copying form allocates). */
export function productLength(fn: string, layout: Layout, m: number, k: number, n: number): number {
  checkShape(fn, m, k, n);
  return layoutSizes(layout, m, k, n).out[0];
}

/** A product's blocks, shape, lengths (blocks may be longer) and that out overlaps neither input. */
export function checkProduct(
  backend: Backend,
  fn: string,
  layout: Layout,
  a: F32Block,
  b: F32Block,
  out: F32Block,
  m: number,
  k: number,
  n: number,
  aName = 'a',
  bName = 'b',
): void {
  backend.checkBlock(fn, aName, a);
  backend.checkBlock(fn, bName, b);
  backend.checkBlock(fn, 'out', out);
  checkShape(fn, m, k, n);
  const sizes = layoutSizes(layout, m, k, n);
  checkHolds(fn, aName, a, ...sizes.a);
  checkHolds(fn, bName, b, ...sizes.b);
  checkHolds(fn, 'out', out, ...sizes.out);
  if (overlaps(out.ptr, sizes.out[0], a.ptr, sizes.a[0])) {
    throw new Error(`${fn}: out overlaps ${aName}`);
  }
  if (overlaps(out.ptr, sizes.out[0], b.ptr, sizes.b[0])) {
    throw new Error(`${fn}: out overlaps ${bName}`);
  }
}

/** out = a·b, a·bᵀ or aᵀ·b, after the checks; `fn` names the caller in messages. */
export function runProduct(
  backend: Backend,
  fn: string,
  layout: Layout,
  a: F32Block,
  b: F32Block,
  out: F32Block,
  m: number,
  k: number,
  n: number,
): void {
  checkProduct(backend, fn, layout, a, b, out, m, k, n);
  const { wasm, matmulScratch } = backend;
  if (layout === 'nt') wasm.matmulTransB(a.ptr, b.ptr, out.ptr, m, k, n, matmulScratch);
  else if (layout === 'tn') wasm.matmulTransA(a.ptr, b.ptr, out.ptr, m, k, n, matmulScratch);
  else wasm.matmul(a.ptr, b.ptr, out.ptr, m, k, n, matmulScratch);
}
