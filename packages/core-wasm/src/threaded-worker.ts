// The helper threads of a ThreadedCore: the worker's source (plain JS, so it runs from src/ and
// dist/ alike, in Node worker_threads and in Web Workers) and how each environment starts one.
// Control block (Int32 words in the shared memory, at `control`):
//   [0] generation: bumped by the coordinator to start a product (helpers wait on it)
//   [1] helpers still busy: each subtracts 1 when done; the last notifies it
//   [2] stop flag, [3] failure flag (helper index + 1)
//   [4] next row: every thread takes its chunks with Atomics.add on it
//   [5 …] the product: a, b, out, m, k, n (gemm's: out is (m, n), k the contraction), transB,
//   chunk rows, its epilogue (the activation's kernel code, then scale and α as f32 bits), transA,
//   a's row stride lda (k, or m with transA) and where all of b is packed ahead (0: each chunk packs)

import { isNode } from './load.js';
import type { WasmMemory, WasmModule } from './wasm-types.js';

/** Control word indices. */
export const control = {
  generation: 0,
  busy: 1,
  stop: 2,
  failed: 3,
  next: 4,
  a: 5,
  b: 6,
  out: 7,
  m: 8,
  k: 9,
  n: 10,
  transB: 11,
  chunk: 12,
  kind: 13,
  scale: 14,
  alpha: 15,
  transA: 16,
  lda: 17,
  packed: 18,
} as const;

/** Int32 words of the control block. */
export const controlWords = 20;

/** What a helper gets at start. */
export interface WorkerInit {
  module: WasmModule;
  /** The shared memory (a WebAssembly.Memory created with shared: true). */
  memory: WasmMemory;
  /** Byte address of the control block. */
  control: number;
  /** This helper's index (in messages). */
  index: number;
  /** Byte address of this helper's matmul packing scratch. */
  scratch: number;
}

/** A started helper thread. */
export interface HelperThread {
  /** Resolves when the worker has its instance and waits for products. */
  ready: Promise<void>;
  /** Ends the thread (after the stop flag was raised and notified). */
  terminate(): Promise<void>;
}

// One thread's share of a product: chunks of `chunk` rows taken from the `next` counter until
// none is left; each chunk is gemm (with the product's activation) on rows [start, start + rows)
// of out and the matching rows of a (columns, with transA), all of b (packed ahead, or packed by each
// chunk). (threaded.ts has the same loop in TS for the calling thread.)
const takeChunks = `function takeChunks(ctl, gemm, scratch) {
  const a = ctl[${control.a}] >>> 0, b = ctl[${control.b}] >>> 0, out = ctl[${control.out}] >>> 0;
  const m = ctl[${control.m}], k = ctl[${control.k}], n = ctl[${control.n}];
  const transB = ctl[${control.transB}], chunk = ctl[${control.chunk}], kind = ctl[${control.kind}];
  const transA = ctl[${control.transA}], lda = ctl[${control.lda}], packed = ctl[${control.packed}] >>> 0;
  const f32 = new Float32Array(ctl.buffer, ctl.byteOffset, ${controlWords});
  const scale = f32[${control.scale}], alpha = f32[${control.alpha}];
  for (let start = Atomics.add(ctl, ${control.next}, chunk); start < m; start = Atomics.add(ctl, ${control.next}, chunk)) {
    const rows = Math.min(chunk, m - start);
    const rowsOfA = a + (transA ? start : start * lda) * 4;
    gemm(rowsOfA, b, out + start * n * 4, rows, k, n, transA, transB, kind, scale, alpha, scratch, lda, packed);
  }
}`;

// The worker's loop: instantiate the module on the shared memory, then take chunks of each
// product until the stop flag. Nothing in it allocates; gemm runs on this helper's own scratch.
const serve = `${takeChunks}
function serve(init, post) {
  const { module, memory, control, index, scratch } = init;
  const abort = () => { throw new Error('core-wasm abort'); };
  const instance = new WebAssembly.Instance(module, { env: { memory, abort } });
  if (instance.exports._initialize) instance.exports._initialize();
  const gemm = instance.exports.gemm;
  const ctl = new Int32Array(memory.buffer, control, ${controlWords});
  // the generation is read before 'ready': the coordinator bumps it only after every helper is ready
  let seen = Atomics.load(ctl, ${control.generation});
  post({ ready: true });
  for (;;) {
    Atomics.wait(ctl, ${control.generation}, seen);
    const generation = Atomics.load(ctl, ${control.generation});
    if (generation === seen) continue;
    seen = generation;
    if (Atomics.load(ctl, ${control.stop}) !== 0) break;
    try {
      takeChunks(ctl, gemm, scratch);
    } catch (error) {
      Atomics.store(ctl, ${control.failed}, index + 1);
      post({ error: String(error) });
    }
    if (Atomics.sub(ctl, ${control.busy}, 1) === 1) Atomics.notify(ctl, ${control.busy});
  }
}`;

/** The worker script for Node's worker_threads (`eval: true`: CommonJS). */
const nodeSource = `const { parentPort, workerData } = require('node:worker_threads');
${serve}
serve(workerData, (message) => parentPort.postMessage(message));`;

/** The worker script for a Web Worker (started from a Blob URL; the init comes as the first message). */
const browserSource = `${serve}
self.onmessage = (event) => serve(event.data, (message) => self.postMessage(message));`;

// A variable specifier keeps browser bundlers from resolving a Node built-in.
const nodeWorkerSpecifier = 'node:worker_threads';

/** Starts one helper thread: a worker_threads Worker in Node, a Web Worker elsewhere. */
export async function startHelper(init: WorkerInit): Promise<HelperThread> {
  if (isNode()) {
    const { Worker } = (await import(
      /* @vite-ignore */ nodeWorkerSpecifier
    )) as typeof import('node:worker_threads');
    const worker = new Worker(nodeSource, { eval: true, workerData: init });
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: boolean }) => {
        if (!message.ready) return;
        // once it waits for jobs, a helper never keeps the process alive
        worker.unref();
        resolve();
      });
      worker.once('error', reject);
    });
    return {
      ready,
      terminate: async () => {
        await worker.terminate();
      },
    };
  }
  const url = URL.createObjectURL(new Blob([browserSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  const ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ready?: boolean }>) => {
      if (event.data.ready) resolve();
    };
    worker.onerror = (event) => reject(new Error(`core-wasm helper thread: ${event.message}`));
  });
  worker.postMessage(init);
  return {
    ready,
    terminate: async () => worker.terminate(),
  };
}
