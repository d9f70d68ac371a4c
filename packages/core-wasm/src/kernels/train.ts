// The training kernels on blocks (assembly/train.ts): bias, bias gradient, softmax cross-entropy
// and the optimizer updates. z and d are (m, n) row-major; bias, sums are (n); labels (m) hold
// class indices as f32; w, g and the optimizer state hold the same number of values.

import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkCount, checkFinite, checkHolds, checkShape, overlaps } from '../checks.js';

function checkMatrix(
  backend: Backend,
  fn: string,
  blocks: readonly (readonly [string, F32Block, number, string])[],
  m: number,
  n: number,
): void {
  checkShape(fn, m, 1, n);
  for (const [name, block, needed, what] of blocks) {
    backend.checkBlock(fn, name, block);
    checkHolds(fn, name, block, needed, what);
  }
}

/** z[i][j] += bias[j] in place; z holds m·n values, bias n. */
export function runAddBias(
  backend: Backend,
  fn: string,
  z: F32Block,
  bias: F32Block,
  m: number,
  n: number,
): void {
  checkMatrix(
    backend,
    fn,
    [
      ['z', z, m * n, 'm·n'],
      ['bias', bias, n, 'n'],
    ],
    m,
    n,
  );
  if (overlaps(z.ptr, m * n, bias.ptr, n)) throw new Error(`${fn}: bias overlaps z`);
  backend.wasm.addBias(z.ptr, bias.ptr, m, n);
}

/** sums[j] = Σ_i d[i][j]; d holds m·n values, sums n (not overlapping d). */
export function runColumnSums(
  backend: Backend,
  fn: string,
  d: F32Block,
  sums: F32Block,
  m: number,
  n: number,
): void {
  checkMatrix(
    backend,
    fn,
    [
      ['d', d, m * n, 'm·n'],
      ['sums', sums, n, 'n'],
    ],
    m,
    n,
  );
  if (overlaps(d.ptr, m * n, sums.ptr, n)) throw new Error(`${fn}: sums overlaps d`);
  backend.wasm.columnSums(d.ptr, sums.ptr, m, n);
}

/** Mean softmax cross-entropy of z against labels; writes (softmax(z) − onehot)/m into d. */
export function runSoftmaxCrossEntropy(
  backend: Backend,
  fn: string,
  z: F32Block,
  labels: F32Block,
  d: F32Block,
  m: number,
  n: number,
): number {
  checkMatrix(
    backend,
    fn,
    [
      ['z', z, m * n, 'm·n'],
      ['labels', labels, m, 'm'],
      ['d', d, m * n, 'm·n'],
    ],
    m,
    n,
  );
  if (m === 0 || n === 0)
    throw new Error(`${fn}: m and n must be at least 1, got m = ${m}, n = ${n}`);
  const values = labels.array;
  for (let i = 0; i < m; i++) {
    const t = values[i] as number;
    if (!(Number.isInteger(t) && t >= 0 && t < n)) {
      throw new Error(`${fn}: labels[${i}] must be an integer in [0, ${n - 1}], got ${t}`);
    }
  }
  if (overlaps(d.ptr, m * n, labels.ptr, m)) throw new Error(`${fn}: d overlaps labels`);
  return backend.wasm.softmaxCrossEntropy(z.ptr, labels.ptr, d.ptr, m, n);
}

/** The optimizer state blocks of an update: each holds w.length values, none overlapping another. */
function checkUpdate(
  backend: Backend,
  fn: string,
  blocks: readonly (readonly [string, F32Block])[],
  rates: readonly (readonly [string, number])[],
): number {
  const [, w] = blocks[0] as readonly [string, F32Block];
  for (const [name, block] of blocks) {
    backend.checkBlock(fn, name, block);
    checkHolds(fn, name, block, w.length, 'w.length');
  }
  for (let a = 0; a < blocks.length; a++) {
    for (let b = a + 1; b < blocks.length; b++) {
      const [na, ba] = blocks[a] as readonly [string, F32Block];
      const [nb, bb] = blocks[b] as readonly [string, F32Block];
      if (overlaps(ba.ptr, w.length, bb.ptr, w.length))
        throw new Error(`${fn}: ${na} overlaps ${nb}`);
    }
  }
  for (const [name, value] of rates) checkFinite(fn, name, value);
  return w.length;
}

/** The book's optimizer defaults (common/optimizer.py, §6.1). */
export const optimizerDefaults = {
  sgd: { lr: 0.01 },
  momentum: { lr: 0.01, momentum: 0.9 },
  adagrad: { lr: 0.01 },
  adam: { lr: 0.001, beta1: 0.9, beta2: 0.999 },
} as const;

/** w −= lr·g. */
export function runSgd(backend: Backend, fn: string, w: F32Block, g: F32Block, lr: number): void {
  const len = checkUpdate(
    backend,
    fn,
    [
      ['w', w],
      ['g', g],
    ],
    [['lr', lr]],
  );
  backend.wasm.sgd(w.ptr, g.ptr, len, lr);
}

/** v = momentum·v − lr·g; w += v. */
export function runMomentum(
  backend: Backend,
  fn: string,
  [w, g, v]: readonly [F32Block, F32Block, F32Block],
  lr: number,
  momentum: number,
): void {
  const len = checkUpdate(
    backend,
    fn,
    [
      ['w', w],
      ['g', g],
      ['v', v],
    ],
    [
      ['lr', lr],
      ['momentum', momentum],
    ],
  );
  backend.wasm.momentum(w.ptr, g.ptr, v.ptr, len, lr, momentum);
}

/** h += g²; w −= lr·g/(√h + 1e-7). */
export function runAdagrad(
  backend: Backend,
  fn: string,
  [w, g, h]: readonly [F32Block, F32Block, F32Block],
  lr: number,
): void {
  const len = checkUpdate(
    backend,
    fn,
    [
      ['w', w],
      ['g', g],
      ['h', h],
    ],
    [['lr', lr]],
  );
  backend.wasm.adagrad(w.ptr, g.ptr, h.ptr, len, lr);
}

/** The step size of Adam's step t (1-based): lr·√(1 − β₂^t)/(1 − β₁^t), in f64. */
export function adamStepSize(lr: number, beta1: number, beta2: number, step: number): number {
  return (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
}

/** Adam's step t (1-based) as the book's: m += (1 − β₁)(g − m); v += (1 − β₂)(g² − v); w −= lrT·m/(√v + 1e-7). */
export function runAdam(
  backend: Backend,
  fn: string,
  [w, g, m, v]: readonly [F32Block, F32Block, F32Block, F32Block],
  { lr, beta1, beta2, step }: { lr: number; beta1: number; beta2: number; step: number },
): void {
  const len = checkUpdate(
    backend,
    fn,
    [
      ['w', w],
      ['g', g],
      ['m', m],
      ['v', v],
    ],
    [
      ['lr', lr],
      ['beta1', beta1],
      ['beta2', beta2],
    ],
  );
  checkCount(fn, 'step', step, Number.MAX_SAFE_INTEGER);
  if (step < 1) throw new Error(`${fn}: step must be at least 1, got ${step}`);
  backend.wasm.adam(
    w.ptr,
    g.ptr,
    m.ptr,
    v.ptr,
    len,
    adamStepSize(lr, beta1, beta2, step),
    beta1,
    beta2,
  );
}

/** x (m, k) · w (k, n) or, transA, xᵀ · d with d (m, n) into out, skipping x's exact zeros. */
export function runSkipZeros(
  backend: Backend,
  fn: string,
  transA: boolean,
  [x, b, out]: readonly [F32Block, F32Block, F32Block],
  m: number,
  k: number,
  n: number,
): void {
  checkShape(fn, m, k, n);
  const [bName, bLength, bWhat] = transA ? ['d', m * n, 'm·n'] : ['w', k * n, 'k·n'];
  const [outLength, outWhat] = transA ? [k * n, 'k·n'] : [m * n, 'm·n'];
  for (const [name, block, needed, what] of [
    ['x', x, m * k, 'm·k'],
    [bName, b, bLength, bWhat],
    ['out', out, outLength, outWhat],
  ] as const) {
    backend.checkBlock(fn, name, block);
    checkHolds(fn, name, block, needed, what);
  }
  if (overlaps(out.ptr, outLength, x.ptr, m * k) || overlaps(out.ptr, outLength, b.ptr, bLength)) {
    throw new Error(`${fn}: out overlaps an input`);
  }
  // the indices of one output row's non-zero terms (i32, the size of an f32)
  const list = backend.scratch.block('indices', Math.max(m, k)).ptr;
  if (transA) backend.wasm.matmulTransASkipZeros(x.ptr, b.ptr, out.ptr, m, k, n, list);
  else backend.wasm.matmulSkipZeros(x.ptr, b.ptr, out.ptr, m, k, n, list);
}
