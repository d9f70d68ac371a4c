// The WASM core behind a checked TS surface: the wrapper validates shapes and ranges and
// throws one-line errors; the kernels it calls trust their arguments.

import { activationCodes, type CoreExports } from './abi.js';
import type { ActivationKernel } from './activations.js';
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
import type { HistogramPass, Moments } from './stats.js';

/** Most f32 values one block can hold (4 GiB of wasm32 memory). */
export const maxBlockLength = 2 ** 30;

/** Most histogram bins `histogramOf` accepts. */
export const maxBins = 2 ** 24;

/** Default `scale` of `normalInto` / `normal`: standard normals. */
export const defaultNormalScale = 1;

/** Bytes of the fixed result area (7 f64 moments or 3 f64 histogram totals). */
const resultBytes = 64;

/** The loaded WASM module with its memory, allocator and kernels. Create it with `loadCore()`. */
export class Core {
  /** The module's linear memory; blocks are views into it. */
  readonly memory: WebAssembly.Memory;
  readonly #wasm: CoreExports;
  readonly #heap: Heap;
  readonly #matmulScratch: number;
  readonly #results: number;
  // reusable areas of the copying conveniences: [first input, second input, output]
  readonly #slots = [
    { ptr: 0, bytes: 0 },
    { ptr: 0, bytes: 0 },
    { ptr: 0, bytes: 0 },
  ];

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
    this.#checkMatmul('matmulInto', a, b, out, m, k, n);
    this.#wasm.matmul(a.ptr, b.ptr, out.ptr, m, k, n, this.#matmulScratch);
  }

  /** out = activation(x · w), the activation fused into the matmul epilogue; x is (m, k), w is (k, n); out is (m, n). */
  denseInto(
    x: F32Block,
    w: F32Block,
    out: F32Block,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
  ): void {
    const kind = checkKind(activation);
    this.#checkMatmul('denseInto', x, w, out, m, k, n, 'x', 'w');
    this.#wasm.dense(x.ptr, w.ptr, out.ptr, m, k, n, activationCodes[kind], this.#matmulScratch);
  }

  /** out[i] = kind(x[i]) for i < x.length; out may be x (same block), but must not partly overlap it. */
  activateInto(kind: ActivationKernel, x: F32Block, out: F32Block): void {
    const code = activationCodes[checkKind(kind)];
    this.#checkBlock('activateInto', 'x', x);
    this.#checkBlock('activateInto', 'out', out);
    if (out.length < x.length) {
      throw new Error(`activateInto: out has ${out.length} values, needs x.length = ${x.length}`);
    }
    if (out.ptr !== x.ptr && overlaps(out.ptr, x.length, x.ptr, x.length)) {
      throw new Error('activateInto: out partly overlaps x (pass the same block to work in place)');
    }
    this.#wasm.activate(code, x.ptr, out.ptr, x.length);
  }

  /** Fills out with scale·N(0, 1) f32 normals; a pure function of (seed, stream, out.length, scale) — see README "RNG". */
  normalInto(out: F32Block, seed: number, stream: number, scale = defaultNormalScale): void {
    this.#checkBlock('normalInto', 'out', out);
    checkU32('normalInto', 'seed', seed);
    checkU32('normalInto', 'stream', stream);
    checkFinite('normalInto', 'scale', scale);
    this.#wasm.normal(out.ptr, out.length, seed, stream, scale);
  }

  /** Pass 1: count, finite count, f64 sum, min, max, zeros and non-finite count of x. */
  momentsOf(x: F32Block): Moments {
    this.#checkBlock('momentsOf', 'x', x);
    this.#wasm.moments(x.ptr, x.length, this.#results);
    const r = new Float64Array(this.memory.buffer, this.#results, 7);
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
    checkFinite('histogramOf', 'lo', lo);
    checkFinite('histogramOf', 'hi', hi);
    if (!(lo < hi))
      throw new Error(`histogramOf: lo must be less than hi, got lo = ${lo}, hi = ${hi}`);
    if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > maxBins) {
      throw new Error(`histogramOf: bins must be an integer in [1, ${maxBins}], got ${show(bins)}`);
    }
    checkFinite('histogramOf', 'center', center);
    const counts = this.#heap.alloc(this.#wasm.histogramScratchBytes(bins));
    try {
      this.#wasm.histogram(x.ptr, x.length, lo, hi, bins, center, counts, this.#results);
      const buffer = this.memory.buffer;
      const r = new Float64Array(buffer, this.#results, 3);
      return {
        counts: Array.from(new Uint32Array(buffer, counts, bins)),
        below: r[0] as number,
        above: r[1] as number,
        sumSqDev: r[2] as number,
      };
    } finally {
      this.#heap.free(counts);
    }
  }

  /** Copying a · b: a is (m, k), b is (k, n); returns a new (m, n) Float32Array. Reuses one scratch area. */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float32Array {
    return this.#copyMatmul('matmul', a, b, m, k, n, 'linear', 'a', 'b');
  }

  /** Copying activation(x · w): x is (m, k), w is (k, n); returns a new (m, n) Float32Array. */
  dense(
    x: Float32Array,
    w: Float32Array,
    m: number,
    k: number,
    n: number,
    activation: ActivationKernel,
  ): Float32Array {
    return this.#copyMatmul('dense', x, w, m, k, n, checkKind(activation), 'x', 'w');
  }

  /** Copying kind(x): returns a new Float32Array. Reuses one scratch area. */
  activate(kind: ActivationKernel, x: Float32Array): Float32Array {
    const code = activationCodes[checkKind(kind)];
    checkF32Array('activate', 'x', x);
    const ptr = this.#slot(0, x.length);
    new Float32Array(this.memory.buffer, ptr, x.length).set(x);
    this.#wasm.activate(code, ptr, ptr, x.length);
    return new Float32Array(this.memory.buffer, ptr, x.length).slice();
  }

  /** Copying normals: a new Float32Array of `length` scale·N(0, 1) values for (seed, stream). */
  normal(length: number, seed: number, stream: number, scale = defaultNormalScale): Float32Array {
    checkCount('normal', 'length', length, maxBlockLength);
    checkU32('normal', 'seed', seed);
    checkU32('normal', 'stream', stream);
    checkFinite('normal', 'scale', scale);
    const ptr = this.#slot(0, length);
    this.#wasm.normal(ptr, length, seed, stream, scale);
    return new Float32Array(this.memory.buffer, ptr, length).slice();
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

  #copyMatmul(
    fn: string,
    a: Float32Array,
    b: Float32Array,
    m: number,
    k: number,
    n: number,
    kind: ActivationKernel,
    aName: string,
    bName: string,
  ): Float32Array {
    checkF32Array(fn, aName, a);
    checkF32Array(fn, bName, b);
    checkShape(fn, m, k, n);
    checkLength(fn, aName, a.length, m * k, `m·k = ${m}·${k}`);
    checkLength(fn, bName, b.length, k * n, `k·n = ${k}·${n}`);
    const pa = this.#slot(0, m * k);
    const pb = this.#slot(1, k * n);
    const po = this.#slot(2, m * n);
    const buffer = this.memory.buffer;
    new Float32Array(buffer, pa, a.length).set(a);
    new Float32Array(buffer, pb, b.length).set(b);
    this.#wasm.dense(pa, pb, po, m, k, n, activationCodes[kind], this.#matmulScratch);
    return new Float32Array(this.memory.buffer, po, m * n).slice();
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
    checkHolds(fn, aName, a, m * k, `m·k = ${m}·${k}`);
    checkHolds(fn, bName, b, k * n, `k·n = ${k}·${n}`);
    checkHolds(fn, 'out', out, m * n, `m·n = ${m}·${n}`);
    if (overlaps(out.ptr, m * n, a.ptr, m * k)) throw new Error(`${fn}: out overlaps ${aName}`);
    if (overlaps(out.ptr, m * n, b.ptr, k * n)) throw new Error(`${fn}: out overlaps ${bName}`);
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
