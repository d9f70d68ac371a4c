// The helper threads of a ThreadedCore: the worker's source (plain JS, so it runs from src/ and
// dist/ alike, in Node worker_threads and in Web Workers) and how each environment starts one.
// Control block (Int32 words in the shared memory, at `control`):
//   [0] generation: bumped by the coordinator to start a job (workers wait on it)
//   [1] workers still busy: each worker subtracts 1 when done; the last notifies it
//   [2] stop flag, [3] failure flag
//   [slotBase + w·slotWords …] worker w's job: a, b, out, m, k, n, transA, transB, kind, scale (f32 bits), alpha (f32 bits)

import { isNode } from './load.js';
import type { WasmModule } from './wasm-types.js';

/** Control words before the first job slot. */
export const slotBase = 4;
/** Int32 words per worker's job slot. */
export const slotWords = 12;
/** Control word indices. */
export const control = { generation: 0, busy: 1, stop: 2, failed: 3 } as const;

/** What a worker gets at start. */
export interface WorkerInit {
  module: WasmModule;
  memory: WebAssembly.Memory;
  /** Byte address of the control block. */
  control: number;
  /** This worker's index (its job slot). */
  index: number;
  /** Byte address of this worker's matmul packing scratch. */
  scratch: number;
}

/** A started helper thread. */
export interface HelperThread {
  /** Resolves when the worker has its instance and waits for jobs. */
  ready: Promise<void>;
  /** Ends the thread (after the stop flag was raised and notified). */
  terminate(): Promise<void>;
}

// The worker's loop: instantiate the module on the shared memory, then run one row strip per
// generation until the stop flag. Nothing in it allocates; it only calls gemm on its own scratch.
const serve = `function serve(init, post) {
  const { module, memory, control, index, scratch } = init;
  const abort = () => { throw new Error('core-wasm abort'); };
  const instance = new WebAssembly.Instance(module, { env: { memory, abort } });
  if (instance.exports._initialize) instance.exports._initialize();
  const gemm = instance.exports.gemm;
  const words = ${slotBase} + (index + 1) * ${slotWords};
  const ctl = new Int32Array(memory.buffer, control, words);
  const f32 = new Float32Array(memory.buffer, control, words);
  const s = ${slotBase} + index * ${slotWords};
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
      if (ctl[s + 3] > 0) {
        gemm(ctl[s] >>> 0, ctl[s + 1] >>> 0, ctl[s + 2] >>> 0, ctl[s + 3], ctl[s + 4], ctl[s + 5],
          ctl[s + 6], ctl[s + 7], ctl[s + 8], f32[s + 9], f32[s + 10], scratch);
      }
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
