// The products a·b, a·bᵀ and aᵀ·b on blocks: blocks, shape, lengths and overlap checked, then the
// WASM kernel (row-major f32, bit-equal to reference.matmul / matmulTransB / matmulTransA).
// a is (m, k); b is (k, n) in 'nn', (n, k) in 'nt', (m, n) in 'tn'; out is (m, n), or (k, n) in 'tn'.

import { activationRegistry } from '../activations.js';
import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkHolds, checkShape, overlaps } from '../checks.js';

/** The three layouts: a·b ('nn'), a·bᵀ ('nt'), aᵀ·b ('tn'). */
export type Layout = 'nn' | 'nt' | 'tn';

/** The operands and shape of a product. */
export interface Product {
  a: F32Block;
  b: F32Block;
  out: F32Block;
  m: number;
  k: number;
  n: number;
}

/** A size and the formula it comes from (for messages). */
type Size = readonly [values: number, formula: string];

/** The values a, b and out hold in a layout, with their formulas. */
function layoutSizes(
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

/**
 * A product's blocks, shape, lengths (blocks may be longer) and that out overlaps neither input;
 * `names` are a's and b's names in messages.
 */
export function checkProduct(
  backend: Backend,
  fn: string,
  layout: Layout,
  { a, b, out, m, k, n }: Product,
  names: readonly [string, string] = ['a', 'b'],
): void {
  const [aName, bName] = names;
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

/** What gemm applies to each output: the activation's kernel code, the scale before it, and α. */
export interface Epilogue {
  code: number;
  scale: number;
  alpha: number;
}

/** The plain product: the linear activation, scale 1. */
export const plain: Epilogue = { code: activationRegistry.linear.code, scale: 1, alpha: 0 };

/** out = a·b, a·bᵀ or aᵀ·b (unchecked: after checkProduct), `act` (default: none) applied to each output. */
export function gemmProduct(
  backend: Backend,
  layout: Layout,
  { a, b, out, m, k, n }: Product,
  act: Epilogue = plain,
): void {
  // gemm's (m, k) are out's rows and the contraction: (k, m) for aᵀ·b
  const [rows, depth] = layout === 'tn' ? [k, m] : [m, k];
  const transA = layout === 'tn' ? 1 : 0;
  const transB = layout === 'nt' ? 1 : 0;
  const { code, scale, alpha } = act;
  const scratch = backend.matmulScratch;
  backend.wasm.gemm(
    a.ptr,
    b.ptr,
    out.ptr,
    rows,
    depth,
    n,
    transA,
    transB,
    code,
    scale,
    alpha,
    scratch,
    transA ? rows : depth,
    0,
  );
}

/** out = a·b, a·bᵀ or aᵀ·b after the checks; `fn` names the caller in messages. */
export function runProduct(backend: Backend, fn: string, layout: Layout, product: Product): void {
  checkProduct(backend, fn, layout, product);
  gemmProduct(backend, layout, product);
}
