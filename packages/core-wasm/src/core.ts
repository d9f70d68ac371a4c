// The WASM core behind a checked TS surface: the wrapper validates shapes and ranges and
// throws one-line errors; the kernels it calls trust their arguments.

import { type CoreExports, passModes, passResultLength } from './abi.js';
import { type ActivationKernel, activationAlphas, activationRegistry } from './activations.js';
import {
  checkCount,
  checkF32Array,
  checkFinite,
  checkKind,
  checkLength,
  checkU32,
} from './checks.js';
import { show } from './errors.js';
import { Block, type F32Block, Heap } from './memory.js';
import {
  type ActivationOptions,
  type DerivativeOptions,
  defaultScale,
  type PassOptions,
} from './options.js';
import type {
  HistogramCounts,
  HistogramPass,
  HistogramRange,
  LayerPass,
  Moments,
  StatsRequest,
} from './stats.js';

/** Most f32 values one block can hold (4 GiB of wasm32 memory). */
export const maxBlockLength = 2 ** 30;

/** Most histogram bins `histogramOf` accepts. */
export const maxBins = 2 ** 24;

/** Default `scale` of `normalInto` / `normal`: standard normals. */
export const defaultNormalScale = 1;

/** Default range of `uniformInto` / `uniform`: [0, 1]. */
export const defaultUniformRange: readonly [number, number] = [0, 1];

/** Largest finite f32: a `scale` must round to a finite f32. */
const maxF32 = 3.4028234663852886e38;

/** Bytes of the fixed result area (up to 10 f64 pass results). */
const resultBytes = 128;

// Shapes of the three matmul layouts: a·b, a·bᵀ, aᵀ·b.
type Layout = 'nn' | 'nt' | 'tn';

// An activation call after defaults and checks.
interface ResolvedActivation {
  code: number;
  scale: number;
  alpha: number;
  stats: StatsRequest | undefined;
}

/** The loaded WASM module with its memory, allocator and kernels. Create it with `loadCore()`. */
export class Core {
  /** The module's linear memory; blocks are views into it. */
  readonly memory: WebAssembly.Memory;
  readonly #wasm: CoreExports;
  readonly #heap: Heap;
  readonly #matmulScratch: number;
  readonly #results: number;
  // reusable areas: the copying conveniences' [first input, second input, output], then histogram counters
  readonly #slots = [
    { ptr: 0, bytes: 0 },
    { ptr: 0, bytes: 0 },
    { ptr: 0, bytes: 0 },
    { ptr: 0, bytes: 0 },
  ];
  // a view of the result area, re-created only after memory growth
  #resultView: Float64Array | undefined;

  /** Wraps an instantiated `release.wasm` (or `debug.wasm`); prefer `loadCore()`. */
  constructor(instance: WebAssembly.Instance) {
    const wasm = instance.exports as unknown as CoreExports;
    wasm._initialize?.();
    this.#wasm = wasm;
    this.memory = wasm.memory;
    this.#heap = new Heap(wasm.memory, wasm.heapBase());
    this.#results = this.#heap.alloc(resultBytes);
    this.#matmulScratch = this.#heap.alloc(wasm.matmulScratchBytes());
  }

  /** Allocates `length` f32 values (16-byte aligned, contents unspecified); grows memory only when no free space fits. */
  alloc(length: number): F32Block {
    checkCount('alloc', 'length', length, maxBlockLength);
    return new Block(this.#heap, this.#heap.alloc(length * 4), length);
  }

  /** Returns a block's space to the free list (coalescing); the block must not be used afterwards. */
  free(block: F32Block): void {
    if (!(block instanceof Block) || block.heap !== this.#heap) {
      throw new Error(`free: block ${show(block?.ptr)} was not allocated by this Core`);
    }
    if (block.freed) throw new Error(`free: block ${block.ptr} was already freed`);
    this.#heap.free(block.ptr);
    block.release();
  }

  /** out = a · b, row-major f32; a is (m, k), b is (k, n); out is (m, n), not overlapping a or b. */
  matmulInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#checkMatmul('matmulInto', 'nn', a, b, out, m, k, n);
    this.#wasm.matmul(a.ptr, b.ptr, out.ptr, m, k, n, this.#matmulScratch);
  }

  /** out = a · bᵀ, row-major f32; a is (m, k), b is (n, k); out is (m, n), not overlapping a or b. Bit-equal to `reference.matmulTransB`. */
  matmulTransBInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#checkMatmul('matmulTransBInto', 'nt', a, b, out, m, k, n);
    this.#wasm.matmulTransB(a.ptr, b.ptr, out.ptr, m, k, n, this.#matmulScratch);
  }

  /** out = aᵀ · b, row-major f32; a is (m, k), b is (m, n); out is (k, n), not overlapping a or b. Bit-equal to `reference.matmulTransA`. */
  matmulTransAInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#checkMatmul('matmulTransAInto', 'tn', a, b, out, m, k, n);
    this.#wasm.matmulTransA(a.ptr, b.ptr, out.ptr, m, k, n, this.#matmulScratch);
  }

  /**
   * out = activation(f32(scale·(x · w))), the activation fused into the matmul epilogue; x is (m, k),
   * w is (k, n); out is (m, n). Bit-equal to `matmulInto` then `activateInto(activation, out, out, { scale, alpha })`.
   * With `stats`, also measures the outputs in the same pass and returns a `LayerPass`.
   * `options` may be a number: the scale.
   */
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options: PassOptions & { stats: HistogramRange },
  ): LayerPass & HistogramCounts;
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options: PassOptions & { stats: StatsRequest },
  ): LayerPass;
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options?: number | (ActivationOptions & { stats?: undefined }),
  ): void;
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options?: number | PassOptions,
  ): LayerPass | undefined;
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
    options?: number | PassOptions,
  ): LayerPass | undefined {
    const act = resolveActivation('denseInto', activation, options);
    this.#checkMatmul('denseInto', 'nn', x, w, out, m, k, n, 'x', 'w');
    return this.#pass(act.stats, () =>
      this.#wasm.dense(
        x.ptr,
        w.ptr,
        out.ptr,
        m,
        k,
        n,
        act.code,
        act.scale,
        act.alpha,
        this.#matmulScratch,
      ),
    );
  }

  /**
   * out[i] = kind(f32(scale·x[i])) for i < x.length; out may be x (same block), but must not partly
   * overlap it. With `stats`, also measures the outputs in the same pass and returns a `LayerPass`.
   * `options` may be a number: the scale.
   */
  activateInto(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options: PassOptions & { stats: HistogramRange },
  ): LayerPass & HistogramCounts;
  activateInto(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options: PassOptions & { stats: StatsRequest },
  ): LayerPass;
  activateInto(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options?: number | (ActivationOptions & { stats?: undefined }),
  ): void;
  activateInto(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options?: number | PassOptions,
  ): LayerPass | undefined;
  activateInto(
    kind: ActivationKernel,
    x: F32Block,
    out: F32Block,
    options?: number | PassOptions,
  ): LayerPass | undefined {
    const act = resolveActivation('activateInto', kind, options);
    this.#checkElementwise('activateInto', x, out);
    return this.#pass(act.stats, () =>
      this.#wasm.activate(act.code, x.ptr, out.ptr, x.length, act.scale, act.alpha),
    );
  }

  /** out[i] = kind′(a[i]), the derivative at the pre-activation, for i < a.length; out may be a, but must not partly overlap it. */
  derivativeInto(
    kind: ActivationKernel,
    a: F32Block,
    out: F32Block,
    options?: DerivativeOptions,
  ): void {
    const act = resolveActivation('derivativeInto', kind, options);
    this.#checkElementwise('derivativeInto', a, out, 'a');
    this.#wasm.derivative(act.code, a.ptr, out.ptr, a.length, act.alpha);
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
    const act = resolveActivation('backwardInto', kind, options);
    this.#checkElementwise('backwardInto', a, out, 'a');
    this.#checkBlock('backwardInto', 'g', g);
    if (g.length < a.length) {
      throw new Error(`backwardInto: g has ${g.length} values, needs a.length = ${a.length}`);
    }
    if (out.ptr !== g.ptr && overlaps(out.ptr, a.length, g.ptr, a.length)) {
      throw new Error('backwardInto: out partly overlaps g (pass the same block to work in place)');
    }
    this.#wasm.backward(act.code, a.ptr, g.ptr, out.ptr, a.length, act.alpha);
  }

  /** Fills out with scale·N(0, 1) f32 normals; a pure function of (seed, stream, out.length, scale) — see README "RNG". */
  normalInto(out: F32Block, seed: number, stream: number, scale = defaultNormalScale): void {
    this.#checkBlock('normalInto', 'out', out);
    checkU32('normalInto', 'seed', seed);
    checkU32('normalInto', 'stream', stream);
    checkFinite('normalInto', 'scale', scale);
    this.#wasm.normal(out.ptr, out.length, seed, stream, scale);
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
    this.#checkBlock('truncatedNormalInto', 'out', out);
    checkU32('truncatedNormalInto', 'seed', seed);
    checkU32('truncatedNormalInto', 'stream', stream);
    checkFinite('truncatedNormalInto', 'scale', scale);
    this.#wasm.truncatedNormal(out.ptr, out.length, seed, stream, scale);
  }

  /** Fills out with f32(lo + (hi − lo)·u), u uniform in (0, 1) from two xoshiro128** outputs (README "RNG"); bit-equal to `reference.uniform`. */
  uniformInto(
    out: F32Block,
    seed: number,
    stream: number,
    lo = defaultUniformRange[0],
    hi = defaultUniformRange[1],
  ): void {
    this.#checkBlock('uniformInto', 'out', out);
    checkUniform('uniformInto', seed, stream, lo, hi);
    this.#wasm.uniform(out.ptr, out.length, seed, stream, lo, hi);
  }

  /** Pass 1: count, finite count, f64 sum, min, max, zeros and non-finite count of x. */
  momentsOf(x: F32Block): Moments {
    this.#checkBlock('momentsOf', 'x', x);
    this.#wasm.moments(x.ptr, x.length, this.#results);
    const r = this.#resultArea();
    return {
      count: r[0] as number,
      finite: r[1] as number,
      sum: r[2] as number,
      min: r[3] as number,
      max: r[4] as number,
      zeros: r[5] as number,
      nonFinite: r[6] as number,
    };
  }

  /** Pass 2: `bins` counts of the finite values of x on [lo, hi] (last bin includes hi), below/above, Σ(x − center)². */
  histogramOf(x: F32Block, lo: number, hi: number, bins: number, center: number): HistogramPass {
    this.#checkBlock('histogramOf', 'x', x);
    checkRange('histogramOf', '', lo, hi, bins);
    checkFinite('histogramOf', 'center', center);
    const counts = this.#counters(bins);
    this.#wasm.histogram(x.ptr, x.length, lo, hi, bins, center, counts, this.#results);
    const r = this.#resultArea();
    return {
      counts: this.#countsAt(counts, bins),
      below: r[0] as number,
      above: r[1] as number,
      sumSqDev: r[2] as number,
    };
  }

  /**
   * Counts only: `bins` counts of the finite values of x on [lo, hi], below and above, binned exactly as
   * `histogramOf` (without its Σ(x − center)²). The one cheap pass left for a range known only after a
   * measured pass, e.g. ReLU's [0, max] after `denseInto(…, { stats: 'moments' })`.
   */
  countsOf(x: F32Block, range: HistogramRange): HistogramCounts {
    this.#checkBlock('countsOf', 'x', x);
    if (typeof range !== 'object' || range === null) {
      throw new Error(`countsOf: range must be { lo, hi, bins }, got ${show(range)}`);
    }
    const { lo, hi, bins } = range;
    checkRange('countsOf', 'range.', lo, hi, bins);
    const counts = this.#counters(bins);
    this.#wasm.histogramCounts(x.ptr, x.length, lo, hi, bins, counts, this.#results);
    const r = this.#resultArea();
    return { counts: this.#countsAt(counts, bins), below: r[0] as number, above: r[1] as number };
  }

  /** Σ x² over all values of x in f64 (NaN and ±Inf propagate), in 8 interleaved partials; equal to `reference.sumSquares`. */
  sumSquaresOf(x: F32Block): number {
    this.#checkBlock('sumSquaresOf', 'x', x);
    return this.#wasm.sumSquares(x.ptr, x.length);
  }

  /** Copying a · b: a is (m, k), b is (k, n); returns a new (m, n) Float32Array. Reuses one scratch area. */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return this.#copyMatmul('matmul', 'nn', a, b, m, k, n, 'linear', defaultScale, 0, 'a', 'b');
  }

  /** Copying a · bᵀ: a is (m, k), b is (n, k); returns a new (m, n) Float32Array. */
  matmulTransB(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return this.#copyMatmul(
      'matmulTransB',
      'nt',
      a,
      b,
      m,
      k,
      n,
      'linear',
      defaultScale,
      0,
      'a',
      'b',
    );
  }

  /** Copying aᵀ · b: a is (m, k), b is (m, n); returns a new (k, n) Float32Array. */
  matmulTransA(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return this.#copyMatmul(
      'matmulTransA',
      'tn',
      a,
      b,
      m,
      k,
      n,
      'linear',
      defaultScale,
      0,
      'a',
      'b',
    );
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
    const act = resolveActivation('dense', activation, withoutStats('dense', options));
    return this.#copyMatmul(
      'dense',
      'nn',
      x,
      w,
      m,
      k,
      n,
      activation,
      act.scale,
      act.alpha,
      'x',
      'w',
    );
  }

  /** Copying kind(f32(scale·x)): returns a new Float32Array. Reuses one scratch area. `options` may be the scale. */
  activate(
    kind: ActivationKernel,
    x: Float32Array,
    options?: number | ActivationOptions,
  ): Float32Array {
    const act = resolveActivation('activate', kind, withoutStats('activate', options));
    checkF32Array('activate', 'x', x);
    x = this.#copyIfInMemory(x);
    const ptr = this.#copyIn(0, x);
    this.#wasm.activate(act.code, ptr, ptr, x.length, act.scale, act.alpha);
    return this.#copyOut(ptr, x.length);
  }

  /** Copying kind′(a): returns a new Float32Array of the derivative at each pre-activation. */
  derivative(kind: ActivationKernel, a: Float32Array, options?: DerivativeOptions): Float32Array {
    const act = resolveActivation('derivative', kind, options);
    checkF32Array('derivative', 'a', a);
    a = this.#copyIfInMemory(a);
    const ptr = this.#copyIn(0, a);
    this.#wasm.derivative(act.code, ptr, ptr, a.length, act.alpha);
    return this.#copyOut(ptr, a.length);
  }

  /** Copying kind′(a) ⊙ g: a and g have the same length; returns a new Float32Array. */
  backward(
    kind: ActivationKernel,
    a: Float32Array,
    g: Float32Array,
    options?: DerivativeOptions,
  ): Float32Array {
    const act = resolveActivation('backward', kind, options);
    checkF32Array('backward', 'a', a);
    checkF32Array('backward', 'g', g);
    checkLength('backward', 'g', g.length, a.length, 'a.length');
    a = this.#copyIfInMemory(a);
    g = this.#copyIfInMemory(g);
    const pa = this.#copyIn(0, a);
    const pg = this.#copyIn(1, g);
    this.#wasm.backward(act.code, pa, pg, pa, a.length, act.alpha);
    return this.#copyOut(pa, a.length);
  }

  /** Copying normals: a new Float32Array of `length` scale·N(0, 1) values for (seed, stream). */
  normal(length: number, seed: number, stream: number, scale = defaultNormalScale): Float32Array {
    checkCount('normal', 'length', length, maxBlockLength);
    checkU32('normal', 'seed', seed);
    checkU32('normal', 'stream', stream);
    checkFinite('normal', 'scale', scale);
    const ptr = this.#slot(0, length);
    this.#wasm.normal(ptr, length, seed, stream, scale);
    return this.#copyOut(ptr, length);
  }

  /** Copying truncated normals: a new Float32Array of `length` values, as `truncatedNormalInto`. */
  truncatedNormal(
    length: number,
    seed: number,
    stream: number,
    scale = defaultNormalScale,
  ): Float32Array {
    checkCount('truncatedNormal', 'length', length, maxBlockLength);
    checkU32('truncatedNormal', 'seed', seed);
    checkU32('truncatedNormal', 'stream', stream);
    checkFinite('truncatedNormal', 'scale', scale);
    const ptr = this.#slot(0, length);
    this.#wasm.truncatedNormal(ptr, length, seed, stream, scale);
    return this.#copyOut(ptr, length);
  }

  /** Copying uniforms: a new Float32Array of `length` values f32(lo + (hi − lo)·u), as `uniformInto`. */
  uniform(
    length: number,
    seed: number,
    stream: number,
    lo = defaultUniformRange[0],
    hi = defaultUniformRange[1],
  ): Float32Array {
    checkCount('uniform', 'length', length, maxBlockLength);
    checkUniform('uniform', seed, stream, lo, hi);
    const ptr = this.#slot(0, length);
    this.#wasm.uniform(ptr, length, seed, stream, lo, hi);
    return this.#copyOut(ptr, length);
  }

  /** The first `count` raw xoshiro128** outputs for (seed, stream), as `reference.uniformBits`. */
  uniformBits(count: number, seed: number, stream: number): Uint32Array {
    checkCount('uniformBits', 'count', count, maxBlockLength);
    checkU32('uniformBits', 'seed', seed);
    checkU32('uniformBits', 'stream', stream);
    const ptr = this.#slot(0, count);
    this.#wasm.uniformBits(ptr, count, seed, stream);
    return new Uint32Array(this.memory.buffer, ptr, count).slice();
  }

  // Runs `kernel` inside a statistics pass when `stats` asks for one and returns its LayerPass.
  #pass(stats: StatsRequest | undefined, kernel: () => void): LayerPass | undefined {
    if (stats === undefined) {
      kernel();
      return undefined;
    }
    const wasm = this.#wasm;
    if (stats === 'moments') {
      wasm.passBegin(passModes.moments, 0, 1, 1, 0);
      kernel();
      wasm.passEnd(this.#results);
      return this.#passResult();
    }
    const { lo, hi, bins } = stats;
    const counts = this.#counters(bins);
    wasm.passBegin(passModes.histogram, lo, hi, bins, counts);
    kernel();
    wasm.passEnd(this.#results);
    const result = this.#passResult();
    const r = this.#resultArea();
    result.counts = this.#countsAt(counts, bins);
    result.below = r[8] as number;
    result.above = r[9] as number;
    return result;
  }

  #passResult(): LayerPass {
    const r = this.#resultArea();
    const result: LayerPass = {
      count: r[0] as number,
      finite: r[1] as number,
      sum: r[2] as number,
      min: r[3] as number,
      max: r[4] as number,
      zeros: r[5] as number,
      nonFinite: r[6] as number,
      sumSqDev: r[7] as number,
    };
    return result;
  }

  #copyMatmul(
    fn: string,
    layout: Layout,
    a: Float32Array,
    b: Float32Array,
    m: number,
    k: number,
    n: number,
    kind: ActivationKernel,
    scale: number,
    alpha: number,
    aName: string,
    bName: string,
  ): Float32Array {
    checkF32Array(fn, aName, a);
    checkF32Array(fn, bName, b);
    checkShape(fn, m, k, n);
    const sizes = layoutSizes(layout, m, k, n);
    checkLength(fn, aName, a.length, sizes.a[0], sizes.a[1]);
    checkLength(fn, bName, b.length, sizes.b[0], sizes.b[1]);
    a = this.#copyIfInMemory(a);
    b = this.#copyIfInMemory(b);
    const pa = this.#copyIn(0, a);
    const pb = this.#copyIn(1, b);
    const po = this.#slot(2, sizes.out[0]);
    const wasm = this.#wasm;
    if (layout === 'nt') wasm.matmulTransB(pa, pb, po, m, k, n, this.#matmulScratch);
    else if (layout === 'tn') wasm.matmulTransA(pa, pb, po, m, k, n, this.#matmulScratch);
    else
      wasm.dense(
        pa,
        pb,
        po,
        m,
        k,
        n,
        activationRegistry[kind].code,
        scale,
        alpha,
        this.#matmulScratch,
      );
    return this.#copyOut(po, sizes.out[0]);
  }

  // The f64 result area (passResultLength values) as a view, kept until memory grows.
  #resultArea(): Float64Array {
    const buffer = this.memory.buffer;
    let view = this.#resultView;
    if (view?.buffer !== buffer) {
      view = new Float64Array(buffer, this.#results, passResultLength);
      this.#resultView = view;
    }
    return view;
  }

  // Counter scratch for a histogram of `bins` bins: one reused area (grown when a larger one is asked for).
  #counters(bins: number): number {
    return this.#slot(3, Math.ceil(this.#wasm.histogramScratchBytes(bins) / 4));
  }

  // The first `bins` u32 at `ptr` as numbers (a plain loop: Array.from goes through the iterator protocol).
  #countsAt(ptr: number, bins: number): number[] {
    const view = new Uint32Array(this.memory.buffer, ptr, bins);
    const counts: number[] = [];
    for (let i = 0; i < bins; i++) counts.push(view[i] as number);
    return counts;
  }

  // Writes `values` into scratch slot `index` (inputs are made safe by #copyIfInMemory first: a
  // slot that grows memory detaches views of it) and returns the slot's address.
  #copyIn(index: number, values: Float32Array): number {
    const ptr = this.#slot(index, values.length);
    new Float32Array(this.memory.buffer, ptr, values.length).set(values);
    return ptr;
  }

  // A new Float32Array with the `length` values at `ptr`: what the copying conveniences return.
  #copyOut(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length).slice();
  }

  // An input of a copying convenience that views this core's memory (e.g. a block's `array`) is
  // copied first: growing the scratch areas would detach it before it is read.
  #copyIfInMemory(x: Float32Array): Float32Array {
    return x.buffer === this.memory.buffer ? x.slice() : x;
  }

  // Address of reusable area `index`, reallocated only when `length` f32 no longer fit.
  #slot(index: number, length: number): number {
    const slot = this.#slots[index] as { ptr: number; bytes: number };
    const bytes = length * 4;
    if (bytes > slot.bytes || slot.bytes === 0) {
      if (slot.bytes > 0) this.#heap.free(slot.ptr);
      slot.ptr = this.#heap.alloc(bytes);
      slot.bytes = Math.max(bytes, 16);
    }
    return slot.ptr;
  }

  #checkMatmul(
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
    this.#checkBlock(fn, aName, a);
    this.#checkBlock(fn, bName, b);
    this.#checkBlock(fn, 'out', out);
    checkShape(fn, m, k, n);
    const sizes = layoutSizes(layout, m, k, n);
    checkHolds(fn, aName, a, sizes.a[0], sizes.a[1]);
    checkHolds(fn, bName, b, sizes.b[0], sizes.b[1]);
    checkHolds(fn, 'out', out, sizes.out[0], sizes.out[1]);
    if (overlaps(out.ptr, sizes.out[0], a.ptr, sizes.a[0])) {
      throw new Error(`${fn}: out overlaps ${aName}`);
    }
    if (overlaps(out.ptr, sizes.out[0], b.ptr, sizes.b[0])) {
      throw new Error(`${fn}: out overlaps ${bName}`);
    }
  }

  // x and out of an elementwise op: out holds x.length values and is x or disjoint from it.
  #checkElementwise(fn: string, x: F32Block, out: F32Block, xName = 'x'): void {
    this.#checkBlock(fn, xName, x);
    this.#checkBlock(fn, 'out', out);
    if (out.length < x.length) {
      throw new Error(`${fn}: out has ${out.length} values, needs ${xName}.length = ${x.length}`);
    }
    if (out.ptr !== x.ptr && overlaps(out.ptr, x.length, x.ptr, x.length)) {
      throw new Error(`${fn}: out partly overlaps ${xName} (pass the same block to work in place)`);
    }
  }

  // A block handed in by the caller: ours and not freed, or at least inside the heap.
  #checkBlock(fn: string, name: string, block: F32Block): void {
    if (block instanceof Block) {
      if (block.heap !== this.#heap) throw new Error(`${fn}: ${name} belongs to another Core`);
      if (block.freed) throw new Error(`${fn}: ${name} (block ${block.ptr}) was freed`);
      return;
    }
    const ptr = block?.ptr;
    const length = block?.length;
    const end = this.memory.buffer.byteLength;
    if (
      typeof ptr !== 'number' ||
      typeof length !== 'number' ||
      !Number.isInteger(ptr) ||
      !Number.isInteger(length) ||
      ptr % 4 !== 0 ||
      length < 0 ||
      ptr < this.#heap.base ||
      ptr + length * 4 > end
    ) {
      throw new Error(
        `${fn}: ${name} is not an F32Block of this Core (ptr ${show(ptr)}, length ${show(length)})`,
      );
    }
  }
}

// m, k, n are integers ≥ 0 whose products fit one block
function checkShape(fn: string, m: number, k: number, n: number): void {
  checkCount(fn, 'm', m, maxBlockLength);
  checkCount(fn, 'k', k, maxBlockLength);
  checkCount(fn, 'n', n, maxBlockLength);
  for (const [name, size] of [
    ['m·k', m * k],
    ['k·n', k * n],
    ['m·n', m * n],
  ] as const) {
    if (size > maxBlockLength) {
      throw new Error(`${fn}: ${name} = ${size} exceeds the ${maxBlockLength}-value block limit`);
    }
  }
}

// Values and their formula of a, b and out in each layout.
function layoutSizes(
  layout: Layout,
  m: number,
  k: number,
  n: number,
): { a: [number, string]; b: [number, string]; out: [number, string] } {
  const mk: [number, string] = [m * k, `m·k = ${m}·${k}`];
  if (layout === 'nt')
    return { a: mk, b: [n * k, `n·k = ${n}·${k}`], out: [m * n, `m·n = ${m}·${n}`] };
  if (layout === 'tn')
    return { a: mk, b: [m * n, `m·n = ${m}·${n}`], out: [k * n, `k·n = ${k}·${n}`] };
  return { a: mk, b: [k * n, `k·n = ${k}·${n}`], out: [m * n, `m·n = ${m}·${n}`] };
}

// lo < hi finite and bins an integer in [1, maxBins]; `prefix` names the option object ('stats.').
function checkRange(fn: string, prefix: string, lo: unknown, hi: unknown, bins: unknown): void {
  checkFinite(fn, `${prefix}lo`, lo);
  checkFinite(fn, `${prefix}hi`, hi);
  if (!((lo as number) < (hi as number))) {
    throw new Error(`${fn}: ${prefix}lo must be less than ${prefix}hi, got lo = ${lo}, hi = ${hi}`);
  }
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > maxBins) {
    throw new Error(
      `${fn}: ${prefix}bins must be an integer in [1, ${maxBins}], got ${show(bins)}`,
    );
  }
}

function checkUniform(fn: string, seed: number, stream: number, lo: number, hi: number): void {
  checkU32(fn, 'seed', seed);
  checkU32(fn, 'stream', stream);
  checkFinite(fn, 'lo', lo);
  checkFinite(fn, 'hi', hi);
  if (!(lo <= hi)) throw new Error(`${fn}: lo must be at most hi, got lo = ${lo}, hi = ${hi}`);
  if (!Number.isFinite(hi - lo)) {
    throw new Error(`${fn}: hi − lo must be finite, got lo = ${lo}, hi = ${hi}`);
  }
}

// The copying conveniences return arrays, not statistics.
function withoutStats(
  fn: string,
  options: number | PassOptions | undefined,
): number | ActivationOptions | undefined {
  if (typeof options === 'object' && options !== null && options.stats !== undefined) {
    throw new Error(`${fn}: stats are measured by ${fn}Into only`);
  }
  return options;
}

// Kind, scale, alpha and stats after defaults; throws one line naming the bad option.
function resolveActivation(
  fn: string,
  kind: ActivationKernel,
  options: number | PassOptions | undefined,
): ResolvedActivation {
  const code = activationRegistry[checkKind(kind)].code;
  const o: PassOptions = typeof options === 'number' ? { scale: options } : (options ?? {});
  if (typeof o !== 'object' || o === null) {
    throw new Error(
      `${fn}: options must be a number (the scale) or an object, got ${show(options)}`,
    );
  }
  let scale = defaultScale;
  if (o.scale !== undefined) {
    checkFinite(fn, 'scale', o.scale);
    if (Math.abs(o.scale) > maxF32) {
      throw new Error(
        `${fn}: scale must be within the f32 range (|scale| ≤ ${maxF32}), got ${o.scale}`,
      );
    }
    scale = o.scale;
  }
  const defaultAlpha = activationAlphas[kind];
  let alpha = defaultAlpha ?? 0;
  if (o.alpha !== undefined) {
    if (defaultAlpha === undefined)
      throw new Error(`${fn}: ${kind} takes no alpha, got ${show(o.alpha)}`);
    alpha = checkFinite(fn, 'alpha', o.alpha);
  }
  const stats = o.stats;
  if (stats !== undefined && stats !== 'moments') {
    if (typeof stats !== 'object' || stats === null) {
      throw new Error(`${fn}: stats must be 'moments' or { lo, hi, bins }, got ${show(stats)}`);
    }
    checkRange(fn, 'stats.', stats.lo, stats.hi, stats.bins);
  }
  return { code, scale, alpha, stats };
}

// A block holds at least `needed` values (it may be longer: the leading values are used).
function checkHolds(fn: string, name: string, block: F32Block, needed: number, what: string) {
  if (block.length < needed) {
    throw new Error(`${fn}: ${name} has ${block.length} values, needs ${what} = ${needed}`);
  }
}

// whether [p, p + 4·n) and [q, q + 4·m) share a byte
function overlaps(p: number, n: number, q: number, m: number): boolean {
  return n > 0 && m > 0 && p < q + m * 4 && q < p + n * 4;
}
