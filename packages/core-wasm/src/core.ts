// The WASM core behind a checked TS surface: one thin method per kernel (kernels/*.ts check the
// arguments and call the module); the copying forms are one-liners over the `…Into` forms.

import type { CoreExports } from './abi.js';
import { withoutStats } from './activation-options.js';
import type { ActivationKernel } from './activations.js';
import { Backend } from './backend.js';
import { Block, type F32Block } from './block.js';
import { checkCount } from './checks.js';
import { copying } from './copying.js';
import { show } from './errors.js';
import { runActivate, runBackward, runDerivative } from './kernels/activate.js';
import { runDense } from './kernels/dense.js';
import { productLength, runProduct } from './kernels/matmul.js';
import {
  defaultNormalScale,
  defaultUniformRange,
  drawNormal,
  drawUniform,
  drawUniformBits,
} from './kernels/random.js';
import {
  measureCounts,
  measureHistogram,
  measureMoments,
  measureSumSquares,
} from './kernels/statistics.js';
import {
  runAdagrad,
  runAdam,
  runAddBias,
  runColumnSums,
  runMomentum,
  runSgd,
  runSkipZeros,
  runSoftmaxCrossEntropy,
} from './kernels/train.js';
import type { ActivationOptions, DerivativeOptions, PassOptions, PassResult } from './options.js';
import type { HistogramCounts, HistogramPass, HistogramRange, Moments } from './stats.js';
import type { WasmInstance, WasmMemory } from './wasm-types.js';

/** Each Core's backend, for the package's own wrappers (the threaded product); not exported from the index. */
const backends = new WeakMap<Core, Backend>();

/** The backend behind `core` (its module, heap and scratch). */
export function backendOf(core: Core): Backend {
  return backends.get(core) as Backend;
}

/** The loaded WASM module with its memory, allocator and kernels. Create it with `loadCore()`. */
export class Core {
  /** The module's linear memory; blocks are views into it. */
  readonly memory: WasmMemory;
  readonly #backend: Backend;

  /** Wraps an instantiated `release.wasm` (or `debug.wasm`); prefer `loadCore()`. */
  constructor(instance: WasmInstance) {
    const wasm = instance.exports as unknown as CoreExports;
    wasm._initialize?.();
    this.#backend = new Backend(wasm);
    this.memory = wasm.memory;
    backends.set(this, this.#backend);
  }

  /** Allocates `length` f32 values (16-byte aligned, contents unspecified); grows memory only when no free space fits. */
  alloc(length: number): F32Block {
    checkCount('alloc', 'length', length);
    const heap = this.#backend.heap;
    return new Block(heap, heap.alloc(length * 4), length);
  }

  /** Returns a block's space to the free list (coalescing); the block and its views must not be used afterwards. */
  free(block: F32Block): void {
    const heap = this.#backend.heap;
    if (!(block instanceof Block) || block.heap !== heap) {
      throw new Error(`free: block ${show(block?.ptr)} was not allocated by this Core`);
    }
    if (block.parent) {
      throw new Error(`free: block ${block.ptr} is a view; free the block it was made from`);
    }
    if (block.freed) throw new Error(`free: block ${block.ptr} was already freed`);
    heap.free(block.ptr);
    block.release();
  }

  /** The first `length` values of `block` as a block of their own (no copy), valid while `block` is not freed. */
  view(block: F32Block, length: number): F32Block {
    this.#backend.checkBlock('view', 'block', block);
    checkCount('view', 'length', length, block.length);
    return block.prefix(length);
  }

  /** out = a · b, row-major f32; a is (m, k), b is (k, n); out is (m, n), not overlapping a or b. Bit-equal to `reference.matmul`. */
  matmulInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    runProduct(this.#backend, 'matmulInto', 'nn', { a, b, out, m, k, n });
  }

  /** out = a · bᵀ, row-major f32; a is (m, k), b is (n, k); out is (m, n), not overlapping a or b. Bit-equal to `reference.matmulTransB`. */
  matmulTransBInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    runProduct(this.#backend, 'matmulTransBInto', 'nt', { a, b, out, m, k, n });
  }

  /** out = aᵀ · b, row-major f32; a is (m, k), b is (m, n); out is (k, n), not overlapping a or b. Bit-equal to `reference.matmulTransA`. */
  matmulTransAInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    runProduct(this.#backend, 'matmulTransAInto', 'tn', { a, b, out, m, k, n });
  }

  /**
   * out = activation(f32(scale·(x · w))), the activation fused into the matmul epilogue; x is (m, k),
   * w is (k, n); out is (m, n). Bit-equal to `matmulInto` then `activateInto(activation, out, out, { scale, alpha })`.
   * With `stats`, also measures the outputs in the same pass and returns a `LayerPass`.
   * `options` may be a number: the scale.
   */
  denseInto<O extends number | PassOptions | undefined = undefined>(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options?: O,
  ): PassResult<O> {
    const product = { a: x, b: w, out, m, k, n };
    return runDense(this.#backend, 'denseInto', product, activation, options) as PassResult<O>;
  }

  /**
   * out[i] = kind(f32(scale·x[i])) for i < x.length; out may be x (same block), but must not partly
   * overlap it. With `stats`, also measures the outputs in the same pass and returns a `LayerPass`.
   * `options` may be a number: the scale.
   */
  activateInto<O extends number | PassOptions | undefined = undefined>(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options?: O,
  ): PassResult<O> {
    return runActivate(this.#backend, 'activateInto', kind, x, out, options) as PassResult<O>;
  }

  /** out[i] = kind′(a[i]), the derivative at the pre-activation, for i < a.length; out may be a, but must not partly overlap it. */
  derivativeInto(
    kind: ActivationKernel,
    a: F32Block,
    out: F32Block,
    options?: DerivativeOptions,
  ): void {
    runDerivative(this.#backend, 'derivativeInto', kind, a, out, options);
  }

  /**
   * out[i] = kind′(a[i])·g[i] for i < a.length (δ = φ′(A) ⊙ G in one pass), the f32 product of
   * `derivativeInto`'s value and g[i]; out may be a or g, but must not partly overlap either.
   */
  backwardInto(
    kind: ActivationKernel,
    a: F32Block,
    g: F32Block,
    out: F32Block,
    options?: DerivativeOptions,
  ): void {
    runBackward(this.#backend, 'backwardInto', kind, [a, g], out, options);
  }

  /** Fills out with scale·N(0, 1) f32 normals; a pure function of (seed, stream, out.length, scale) — see README "RNG". */
  normalInto(out: F32Block, seed: number, stream: number, scale = defaultNormalScale): void {
    drawNormal(this.#backend, 'normalInto', 'normal', { out, seed, stream }, scale);
  }

  /**
   * Fills out with scale·z for the standard normals z of `normalInto`'s sequence with |z| ≤ 2, in
   * order (a z beyond 2 is skipped; TensorFlow's truncated_normal, truncated before scaling).
   */
  truncatedNormalInto(
    out: F32Block,
    seed: number,
    stream: number,
    scale = defaultNormalScale,
  ): void {
    drawNormal(this.#backend, 'truncatedNormalInto', 'truncated', { out, seed, stream }, scale);
  }

  /** Fills out with f32(lo + (hi − lo)·u), u uniform in (0, 1) from two xoshiro128** outputs (README "RNG"); bit-equal to `reference.uniform`. */
  uniformInto(
    out: F32Block,
    seed: number,
    stream: number,
    lo = defaultUniformRange[0],
    hi = defaultUniformRange[1],
  ): void {
    drawUniform(this.#backend, 'uniformInto', { out, seed, stream }, lo, hi);
  }

  /** Pass 1: count, finite count, f64 sum, min, max, zeros and non-finite count of x. */
  momentsOf(x: F32Block): Moments {
    return measureMoments(this.#backend, 'momentsOf', x);
  }

  /** Pass 2: `bins` counts of the finite values of x on [lo, hi] (last bin includes hi), below/above, Σ(x − center)². */
  histogramOf(x: F32Block, lo: number, hi: number, bins: number, center: number): HistogramPass {
    return measureHistogram(this.#backend, 'histogramOf', x, lo, hi, bins, center);
  }

  /**
   * Counts only: `bins` counts of the finite values of x on [lo, hi], below and above, binned exactly as
   * `histogramOf` (without its Σ(x − center)²). The one cheap pass left for a range known only after a
   * measured pass, e.g. ReLU's [0, max] after `denseInto(…, { stats: 'moments' })`.
   */
  countsOf(x: F32Block, range: HistogramRange): HistogramCounts {
    return measureCounts(this.#backend, 'countsOf', x, range);
  }

  /** Σ x² over all values of x in f64 (NaN and ±Inf propagate), in 8 interleaved partials; equal to `reference.sumSquares`. */
  sumSquaresOf(x: F32Block): number {
    return measureSumSquares(this.#backend, 'sumSquaresOf', x);
  }

  // The copying forms: Float32Array in, a new Float32Array out, through scratch blocks that are
  // reused (repeated calls do not grow memory). Arguments are checked as by the `…Into` form, and
  // arrays may be longer than the shape needs (their leading values are used), as blocks may.

  /** Copying a · b: a is (m, k), b is (k, n); returns a new (m, n) Float32Array. */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return copying(this.#backend, 'matmul', {
      inputs: { a, b },
      outLength: () => productLength('matmul', 'nn', m, k, n),
      into: ({ a, b }, out) => runProduct(this.#backend, 'matmul', 'nn', { a, b, out, m, k, n }),
    });
  }

  /** Copying a · bᵀ: a is (m, k), b is (n, k); returns a new (m, n) Float32Array. */
  matmulTransB(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return copying(this.#backend, 'matmulTransB', {
      inputs: { a, b },
      outLength: () => productLength('matmulTransB', 'nt', m, k, n),
      into: ({ a, b }, out) =>
        runProduct(this.#backend, 'matmulTransB', 'nt', { a, b, out, m, k, n }),
    });
  }

  /** Copying aᵀ · b: a is (m, k), b is (m, n); returns a new (k, n) Float32Array. */
  matmulTransA(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return copying(this.#backend, 'matmulTransA', {
      inputs: { a, b },
      outLength: () => productLength('matmulTransA', 'tn', m, k, n),
      into: ({ a, b }, out) =>
        runProduct(this.#backend, 'matmulTransA', 'tn', { a, b, out, m, k, n }),
    });
  }

  /** Copying activation(f32(scale·(x · w))): x is (m, k), w is (k, n); returns a new (m, n) Float32Array. `options` may be the scale. */
  dense(
    x: Float32Array,
    w: Float32Array,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options?: number | ActivationOptions,
  ): Float32Array {
    const plain = withoutStats('dense', options);
    return copying(this.#backend, 'dense', {
      inputs: { x, w },
      outLength: () => productLength('dense', 'nn', m, k, n),
      into: ({ x, w }, out) => {
        runDense(this.#backend, 'dense', { a: x, b: w, out, m, k, n }, activation, plain);
      },
    });
  }

  /** Copying kind(f32(scale·x)): returns a new Float32Array. `options` may be the scale. */
  activate(
    kind: ActivationKernel,
    x: Float32Array,
    options?: number | ActivationOptions,
  ): Float32Array {
    const plain = withoutStats('activate', options);
    return copying(this.#backend, 'activate', {
      inputs: { x },
      outLength: ({ x }) => x.length,
      into: ({ x }, out) => {
        runActivate(this.#backend, 'activate', kind, x, out, plain);
      },
    });
  }

  /** Copying kind′(a): returns a new Float32Array of the derivative at each pre-activation. */
  derivative(kind: ActivationKernel, a: Float32Array, options?: DerivativeOptions): Float32Array {
    return copying(this.#backend, 'derivative', {
      inputs: { a },
      outLength: ({ a }) => a.length,
      into: ({ a }, out) => runDerivative(this.#backend, 'derivative', kind, a, out, options),
    });
  }

  /** Copying kind′(a) ⊙ g: g holds at least a.length values; returns a new Float32Array of a.length values. */
  backward(
    kind: ActivationKernel,
    a: Float32Array,
    g: Float32Array,
    options?: DerivativeOptions,
  ): Float32Array {
    return copying(this.#backend, 'backward', {
      inputs: { a, g },
      outLength: ({ a }) => a.length,
      into: ({ a, g }, out) => runBackward(this.#backend, 'backward', kind, [a, g], out, options),
    });
  }

  /** Copying normals: a new Float32Array of `length` scale·N(0, 1) values for (seed, stream). */
  normal(length: number, seed: number, stream: number, scale = defaultNormalScale): Float32Array {
    return copying(this.#backend, 'normal', {
      inputs: {},
      outLength: () => checkCount('normal', 'length', length),
      into: (_, out) => drawNormal(this.#backend, 'normal', 'normal', { out, seed, stream }, scale),
    });
  }

  /** Copying truncated normals: a new Float32Array of `length` values, as `truncatedNormalInto`. */
  truncatedNormal(
    length: number,
    seed: number,
    stream: number,
    scale = defaultNormalScale,
  ): Float32Array {
    const fn = 'truncatedNormal';
    return copying(this.#backend, fn, {
      inputs: {},
      outLength: () => checkCount(fn, 'length', length),
      into: (_, out) => drawNormal(this.#backend, fn, 'truncated', { out, seed, stream }, scale),
    });
  }

  /** Copying uniforms: a new Float32Array of `length` values f32(lo + (hi − lo)·u), as `uniformInto`. */
  uniform(
    length: number,
    seed: number,
    stream: number,
    lo = defaultUniformRange[0],
    hi = defaultUniformRange[1],
  ): Float32Array {
    return copying(this.#backend, 'uniform', {
      inputs: {},
      outLength: () => checkCount('uniform', 'length', length),
      into: (_, out) => drawUniform(this.#backend, 'uniform', { out, seed, stream }, lo, hi),
    });
  }

  /** The first `count` raw xoshiro128** outputs for (seed, stream), as `reference.uniformBits`. */
  uniformBits(count: number, seed: number, stream: number): Uint32Array {
    return copying(this.#backend, 'uniformBits', {
      inputs: {},
      outLength: () => checkCount('uniformBits', 'count', count),
      into: (_, out) => drawUniformBits(this.#backend, 'uniformBits', { out, seed, stream }),
      read: (out) => new Uint32Array(this.memory.buffer, out.ptr, out.length).slice(),
    });
  }

  /** z (m, n) += bias (n) on every row, in place (the bias of a dense layer). */
  addBiasInto(z: F32Block, bias: F32Block, m: number, n: number): void {
    runAddBias(this.#backend, 'addBiasInto', z, bias, m, n);
  }

  /** sums (n) = Σ over rows of d (m, n), f32 in row order (a bias gradient). */
  columnSumsInto(d: F32Block, sums: F32Block, m: number, n: number): void {
    runColumnSums(this.#backend, 'columnSumsInto', d, sums, m, n);
  }

  /**
   * Mean softmax cross-entropy −ln(y[t] + 1e-7) of logits z (m, n) against labels (m class indices
   * stored as f32), as the book's SoftmaxWithLoss; writes its gradient d (m, n) = (y − onehot)/m.
   */
  softmaxCrossEntropyInto(
    z: F32Block,
    labels: F32Block,
    d: F32Block,
    m: number,
    n: number,
  ): number {
    return runSoftmaxCrossEntropy(this.#backend, 'softmaxCrossEntropyInto', z, labels, d, m, n);
  }

  /** SGD step in place: w −= lr·g. */
  sgdUpdate(w: F32Block, g: F32Block, lr: number): void {
    runSgd(this.#backend, 'sgdUpdate', w, g, lr);
  }

  /** Momentum step in place: v = momentum·v − lr·g; w += v. */
  momentumUpdate(w: F32Block, g: F32Block, v: F32Block, lr: number, momentum: number): void {
    runMomentum(this.#backend, 'momentumUpdate', [w, g, v], lr, momentum);
  }

  /** AdaGrad step in place: h += g²; w −= lr·g/(√h + 1e-7). */
  adagradUpdate(w: F32Block, g: F32Block, h: F32Block, lr: number): void {
    runAdagrad(this.#backend, 'adagradUpdate', [w, g, h], lr);
  }

  /** Adam's step `step` (1-based) in place, as the book's Adam (bias correction folded into the step size). */
  adamUpdate(
    w: F32Block,
    g: F32Block,
    m: F32Block,
    v: F32Block,
    options: { lr: number; beta1: number; beta2: number; step: number },
  ): void {
    runAdam(this.#backend, 'adamUpdate', [w, g, m, v], options);
  }

  /**
   * out (m, n) = x (m, k) · w (k, n), skipping x's exact zeros (a first layer on MNIST): bit-equal
   * to `matmulInto` while w is finite (a zero x times ±Inf/NaN in w is skipped, not NaN).
   */
  matmulSkipZerosInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
  ): void {
    runSkipZeros(this.#backend, 'matmulSkipZerosInto', false, [x, w, out], m, k, n);
  }

  /** out (k, n) = xᵀ · d with x (m, k), d (m, n), skipping x's exact zeros; as `matmulTransAInto` while d is finite. */
  matmulTransASkipZerosInto(
    x: F32Block,
    d: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
  ): void {
    runSkipZeros(this.#backend, 'matmulTransASkipZerosInto', true, [x, d, out], m, k, n);
  }
}
