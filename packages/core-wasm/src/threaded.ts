// One product split across threads: a Core on shared WebAssembly memory (build/shared.wasm, the same
// kernels as release.wasm) plus helper threads, each with its own instance of the module on that
// memory and its own packing scratch. The calling thread and the helpers take chunks of out's rows
// (strips.ts) from one atomic counter; a product is started and joined with Atomics. Every
// out[i][j] is computed by one thread with the single-thread kernel's summation order, so results
// are bit-identical to Core.matmulInto at any thread count. A dense layer's activation is applied
// by the thread that computed the rows; its statistics are measured afterwards on the calling thread
// in the fused pass's order (assembly/matmul.ts `measureStrips`), so they are bit-identical too.
// a is (m, k), b is (k, n) (or (n, k) for a·bᵀ, and a (m, k), b (m, n), out (k, n) for aᵀ·b);
// out is (m, n).

import type { CoreExports } from './abi.js';
import { resolveActivation } from './activation-options.js';
import type { ActivationKernel } from './activations.js';
import type { F32Block } from './block.js';
import { backendOf, Core } from './core.js';
import { show } from './errors.js';
import { checkProduct, type Epilogue, type Layout, type Product, plain } from './kernels/matmul.js';
import { runPass } from './kernels/pass.js';
import { readPackagedWasm } from './load.js';
import type { PassOptions, PassResult } from './options.js';
import { chunkRows } from './strips.js';
import { control, controlWords, type HelperThread, startHelper } from './threaded-worker.js';
import type { WasmBytes, WasmModule } from './wasm-types.js';

/** Largest thread count accepted. */
export const maxThreads = 64;

/** Bytes per WebAssembly page. */
const pageBytes = 65_536;

/** The shared memory's default maximum: the whole wasm32 space (4 GiB; reserved, not committed). */
export const defaultMaximumMemory = 2 ** 32;

/** Where build/shared.wasm lives relative to `src/` and `dist/`. */
const sharedWasmUrl = new URL('../build/shared.wasm', import.meta.url);

/** Options of `createThreadedCore`. */
export interface ThreadedOptions {
  /** Threads that share a product, the calling one included; @default 2 */
  threads?: number;
  /** Most bytes the shared memory may grow to (a multiple of 64 KiB); @default 4 GiB */
  maximumMemory?: number;
  /** build/shared.wasm as bytes or a compiled module; @default the file next to this package */
  wasm?: WasmBytes | WasmModule;
}

/** The default thread count of `createThreadedCore`. */
export const defaultThreads = 2;

/** A Core on shared memory whose products are split across threads. Create it with `createThreadedCore()`. */
export class ThreadedCore {
  /** The Core on the shared memory: alloc/free blocks here; its own kernels run on the calling thread. */
  readonly core: Core;
  /** Threads sharing each product, the calling one included. */
  readonly threads: number;
  readonly #helpers: HelperThread[];
  readonly #control: number;
  #closed = false;

  constructor(core: Core, threads: number, helpers: HelperThread[], controlPtr: number) {
    this.core = core;
    this.threads = threads;
    this.#helpers = helpers;
    this.#control = controlPtr;
  }

  /** out = a · b like Core.matmulInto (a (m, k), b (k, n), out (m, n)), rows shared by `threads` threads; bit-identical. */
  matmulInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#run('matmulInto', 'nn', { a, b, out, m, k, n });
  }

  /** out = a · bᵀ like Core.matmulTransBInto (a (m, k), b (n, k), out (m, n)), rows shared by `threads` threads; bit-identical. */
  matmulTransBInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#run('matmulTransBInto', 'nt', { a, b, out, m, k, n });
  }

  /** out = aᵀ · b like Core.matmulTransAInto (a (m, k), b (m, n), out (k, n)), out's rows (a's columns) shared by `threads` threads; bit-identical. */
  matmulTransAInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#run('matmulTransAInto', 'tn', { a, b, out, m, k, n });
  }

  /**
   * out = activation(f32(scale·(x · w))) like Core.denseInto (x (m, k), w (k, n), out (m, n)): the
   * product and its activation with out's rows shared by `threads` threads, then, with `stats`, one
   * measuring pass on this thread in the order of the fused pass. Values and statistics are
   * bit-identical to Core.denseInto's.
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
    const fn = 'denseInto';
    const act = resolveActivation(fn, activation, options);
    const product = { a: x, b: w, out, m, k, n };
    this.#run(fn, 'nn', product, act, ['x', 'w']);
    const backend = backendOf(this.core);
    return runPass(
      backend,
      act.stats,
      () => backend.wasm.measureStrips(out.ptr, m, k, n),
      act.saturation,
    ) as PassResult<O>;
  }

  /** Stops the helper threads; the Core stays usable on the calling thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const ctl = this.#words();
    Atomics.store(ctl, control.stop, 1);
    Atomics.add(ctl, control.generation, 1);
    Atomics.notify(ctl, control.generation);
    await Promise.all(this.#helpers.map((helper) => helper.terminate()));
  }

  /** Packs all of b (k, n) (or bᵀ, b (n, k)) into the `packed` scratch area; returns its address. */
  #packB(b: number, k: number, n: number, layout: Layout): number {
    const backend = backendOf(this.core);
    const bytes = backend.wasm.packedBBytes(k, n) >>> 0;
    const area = backend.scratch.block('packed', bytes / 4);
    backend.wasm.packBlocks(b, area.ptr, k, n, layout === 'nt' ? 1 : 0);
    return area.ptr;
  }

  #words(): Int32Array {
    return new Int32Array(this.core.memory.buffer, this.#control, controlWords);
  }

  #run(
    fn: string,
    layout: Layout,
    product: Product,
    act: Epilogue = plain,
    names?: readonly [string, string],
  ): void {
    if (this.#closed) throw new Error(`${fn}: this ThreadedCore was closed`);
    const backend = backendOf(this.core);
    checkProduct(backend, fn, layout, product, names);
    const { a, b, out, m, k, n } = product;
    // gemm's (m, k) are out's rows and the contraction: (k, m) for aᵀ·b, whose a is (m, k)
    const transA = layout === 'tn';
    const [rows, depth] = transA ? [k, m] : [m, k];
    const helpers = this.#helpers.length;
    const ctl = this.#words();
    ctl[control.a] = a.ptr;
    ctl[control.b] = b.ptr;
    ctl[control.out] = out.ptr;
    ctl[control.m] = rows;
    ctl[control.k] = depth;
    ctl[control.n] = n;
    ctl[control.transA] = transA ? 1 : 0;
    ctl[control.transB] = layout === 'nt' ? 1 : 0;
    ctl[control.lda] = transA ? rows : depth;
    // With helpers, b is packed once, here, for every chunk to read, so chunks can be small (else each
    // chunk repacks all of b). aᵀ·b's b is as large as a layer: it stays packed per chunk.
    const ahead = helpers > 0 && layout !== 'tn';
    // one thread alone takes every row in one chunk, packing b once as Core does
    ctl[control.chunk] = helpers === 0 ? Math.max(1, rows) : chunkRows(rows, this.threads, ahead);
    ctl[control.packed] = ahead ? this.#packB(b.ptr, depth, n, layout) : 0;
    ctl[control.kind] = act.code;
    const f32 = new Float32Array(ctl.buffer, ctl.byteOffset, controlWords);
    f32[control.scale] = act.scale;
    f32[control.alpha] = act.alpha;
    Atomics.store(ctl, control.next, 0);
    Atomics.store(ctl, control.busy, helpers);
    if (helpers > 0) {
      Atomics.store(ctl, control.failed, 0);
      Atomics.add(ctl, control.generation, 1);
      Atomics.notify(ctl, control.generation);
    }
    try {
      takeChunks(ctl, backend.wasm.gemm, backend.matmulScratch);
    } finally {
      // even when this thread's chunk failed: the helpers finish before the next product reuses the block
      for (
        let busy = Atomics.load(ctl, control.busy);
        busy !== 0;
        busy = Atomics.load(ctl, control.busy)
      ) {
        Atomics.wait(ctl, control.busy, busy);
      }
    }
    const failed = Atomics.load(ctl, control.failed);
    if (failed !== 0) {
      throw new Error(
        `${fn}: helper thread ${failed - 1} failed (its chunks of out are not written)`,
      );
    }
  }
}

/**
 * The calling thread's share of a product: the helpers' loop (threaded-worker.ts `takeChunks`) in
 * TS. Chunks of `chunk` rows from the `next` counter; each is gemm on those rows of a and out, all of b
 * (packed ahead when `packed` is set).
 */
function takeChunks(ctl: Int32Array, gemm: CoreExports['gemm'], scratch: number): void {
  const a = (ctl[control.a] as number) >>> 0;
  const b = (ctl[control.b] as number) >>> 0;
  const out = (ctl[control.out] as number) >>> 0;
  const m = ctl[control.m] as number;
  const k = ctl[control.k] as number;
  const n = ctl[control.n] as number;
  const transA = ctl[control.transA] as number;
  const transB = ctl[control.transB] as number;
  const lda = ctl[control.lda] as number;
  const packed = (ctl[control.packed] as number) >>> 0;
  const chunk = ctl[control.chunk] as number;
  const kind = ctl[control.kind] as number;
  const f32 = new Float32Array(ctl.buffer, ctl.byteOffset, controlWords);
  const scale = f32[control.scale] as number;
  const alpha = f32[control.alpha] as number;
  for (
    let start = Atomics.add(ctl, control.next, chunk);
    start < m;
    start = Atomics.add(ctl, control.next, chunk)
  ) {
    const rows = Math.min(chunk, m - start);
    const rowsOfA = a + (transA ? start : start * lda) * 4;
    gemm(
      rowsOfA,
      b,
      out + start * n * 4,
      rows,
      k,
      n,
      transA,
      transB,
      kind,
      scale,
      alpha,
      scratch,
      lda,
      packed,
    );
  }
}

/**
 * Loads build/shared.wasm on a new shared WebAssembly.Memory and starts `threads − 1` helper
 * threads (Node worker_threads or Web Workers), each with its own instance on that memory.
 * The calling thread blocks in Atomics.wait while helpers finish: in a browser, use it from a
 * Web Worker of a cross-origin-isolated page (the main thread may not wait).
 */
export async function createThreadedCore(options: ThreadedOptions = {}): Promise<ThreadedCore> {
  const threads = options.threads ?? defaultThreads;
  if (
    typeof threads !== 'number' ||
    !Number.isInteger(threads) ||
    threads < 1 ||
    threads > maxThreads
  ) {
    throw new Error(
      `createThreadedCore: threads must be an integer in [1, ${maxThreads}], got ${show(threads)}`,
    );
  }
  const maximumMemory = options.maximumMemory ?? defaultMaximumMemory;
  if (
    typeof maximumMemory !== 'number' ||
    !Number.isInteger(maximumMemory / pageBytes) ||
    maximumMemory < pageBytes ||
    maximumMemory > defaultMaximumMemory
  ) {
    throw new Error(
      `createThreadedCore: maximumMemory must be a multiple of 65536 bytes in [65536, 2^32], got ${show(maximumMemory)}`,
    );
  }
  if (typeof SharedArrayBuffer === 'undefined') {
    throw new Error(
      'createThreadedCore: SharedArrayBuffer is unavailable (in a browser the page must be cross-origin isolated)',
    );
  }
  const source = options.wasm ?? (await readPackagedWasm(sharedWasmUrl));
  const module =
    source instanceof WebAssembly.Module
      ? source
      : await WebAssembly.compile(source as BufferSource);
  const memory = new WebAssembly.Memory({
    initial: 1,
    maximum: maximumMemory / pageBytes,
    shared: true,
  });
  const abort = (): never => {
    throw new Error('core-wasm abort');
  };
  const instance = await WebAssembly.instantiate(module, { env: { memory, abort } });
  const core = new Core(instance);
  const heap = backendOf(core).heap;
  const helpers = threads - 1;
  const controlPtr = heap.alloc(controlWords * 4);
  new Int32Array(memory.buffer, controlPtr, controlWords).fill(0);
  const scratchBytes = backendOf(core).wasm.matmulScratchBytes();
  const started: HelperThread[] = [];
  try {
    for (let index = 0; index < helpers; index++) {
      const scratch = heap.alloc(scratchBytes);
      started.push(await startHelper({ module, memory, control: controlPtr, index, scratch }));
    }
    await Promise.all(started.map((helper) => helper.ready));
  } catch (error) {
    await Promise.all(started.map((helper) => helper.terminate()));
    throw new Error(
      `createThreadedCore: starting a helper thread failed: ${(error as Error).message}`,
    );
  }
  return new ThreadedCore(core, threads, started, controlPtr);
}
