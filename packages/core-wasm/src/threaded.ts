// One product split across threads: a Core on shared WebAssembly memory (build/shared.wasm, the same
// kernels as release.wasm) plus helper threads, each with its own instance of the module on that
// memory and its own packing scratch. The calling thread runs the first row strip of out and the
// helpers the others (strips.ts), started and joined with Atomics. Every out[i][j] is computed by
// one thread with the single-thread kernel's summation order, so results are bit-identical to
// Core.matmulInto at any thread count.
// a is (m, k), b is (k, n) (or (n, k) for a·bᵀ); out is (m, n).

import type { F32Block } from './block.js';
import { backendOf, Core } from './core.js';
import { show } from './errors.js';
import { checkProduct, type Layout, type Product } from './kernels/matmul.js';
import { readPackagedWasm } from './load.js';
import { splitRows } from './strips.js';
import { control, type HelperThread, slotBase, slotWords, startHelper } from './threaded-worker.js';
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

  /** out = a · b like Core.matmulInto (a (m, k), b (k, n), out (m, n)), row strips on `threads` threads; bit-identical. */
  matmulInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#run('matmulInto', 'nn', { a, b, out, m, k, n });
  }

  /** out = a · bᵀ like Core.matmulTransBInto (a (m, k), b (n, k), out (m, n)), row strips on `threads` threads; bit-identical. */
  matmulTransBInto(a: F32Block, b: F32Block, out: F32Block, m: number, k: number, n: number): void {
    this.#run('matmulTransBInto', 'nt', { a, b, out, m, k, n });
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

  #words(): Int32Array {
    const words = slotBase + Math.max(1, this.#helpers.length) * slotWords;
    return new Int32Array(this.core.memory.buffer, this.#control, words);
  }

  #run(fn: string, layout: Layout, product: Product): void {
    if (this.#closed) throw new Error(`${fn}: this ThreadedCore was closed`);
    const backend = backendOf(this.core);
    checkProduct(backend, fn, layout, product);
    const { a, b, out, m, k, n } = product;
    const transB = layout === 'nt' ? 1 : 0;
    const strips = splitRows(m, this.threads);
    const ctl = this.#words();
    const helpers = this.#helpers.length;
    // strip w + 1 goes to helper w (an empty job when there are fewer strips than threads)
    for (let w = 0; w < helpers; w++) {
      const strip = strips[w + 1];
      const s = slotBase + w * slotWords;
      const rows = strip ? strip.end - strip.start : 0;
      const start = strip ? strip.start : 0;
      ctl[s] = a.ptr + start * k * 4;
      ctl[s + 1] = b.ptr;
      ctl[s + 2] = out.ptr + start * n * 4;
      ctl[s + 3] = rows;
      ctl[s + 4] = k;
      ctl[s + 5] = n;
      ctl[s + 6] = 0;
      ctl[s + 7] = transB;
      ctl[s + 8] = 0; // LINEAR (activations.ts code 0), scale 1: the plain product
      new Float32Array(ctl.buffer, ctl.byteOffset, ctl.length).set([1, 0], s + 9);
    }
    if (helpers > 0) {
      Atomics.store(ctl, control.busy, helpers);
      Atomics.store(ctl, control.failed, 0);
      Atomics.add(ctl, control.generation, 1);
      Atomics.notify(ctl, control.generation);
    }
    const first = strips[0];
    if (first) {
      backend.wasm.gemm(
        a.ptr,
        b.ptr,
        out.ptr,
        first.end,
        k,
        n,
        0,
        transB,
        0,
        1,
        0,
        backend.matmulScratch,
      );
    }
    if (helpers > 0) {
      for (
        let busy = Atomics.load(ctl, control.busy);
        busy !== 0;
        busy = Atomics.load(ctl, control.busy)
      ) {
        Atomics.wait(ctl, control.busy, busy);
      }
      const failed = Atomics.load(ctl, control.failed);
      if (failed !== 0)
        throw new Error(
          `${fn}: helper thread ${failed - 1} failed (its row strip of out is not written)`,
        );
    }
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
  const controlPtr = heap.alloc((slotBase + Math.max(1, helpers) * slotWords) * 4);
  new Int32Array(memory.buffer, controlPtr, slotBase + Math.max(1, helpers) * slotWords).fill(0);
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
