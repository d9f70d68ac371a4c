// The machine probe: how much of its cores this shared machine gives at a moment. The same
// product, initscope's 1-thread kernel on data that stays in each core's caches, runs `threads`
// times on one worker thread, then once on each of `threads` worker threads at the same time
// (nothing shared, no synchronisation but the start and end): both do the same work, so one's
// time over the other's is the most any threaded code could gain on this machine then. Timed in
// the same alternating blocks as a case's 1-thread and all-cores rows, it says how much of a
// missed speedup is the machine's.

import { Worker } from 'node:worker_threads';

/** The built worker entry: the same path from `src/` (tests) and from `dist/` (the benchmark). */
const workerFile = new URL('../dist/probe-worker.js', import.meta.url);

/** Most products in one timed run (a 1-thread run of this many takes seconds). */
const maxProducts = 100_000;

/** Products timed to size the runs. */
const calibrationProducts = 50;

/** What `pairedTrial` times beside a threaded row. */
export interface Probe {
  /** Threads of the all-cores run. */
  readonly threads: number;
  /** Products in one run, as last calibrated. */
  readonly products: number;
  /** Sizes the runs so the 1-thread run takes about `ms`; returns the products per run. */
  calibrate(ms: number): Promise<number>;
  /** Every product on one thread. */
  one(): Promise<void>;
  /** The same products spread over `threads` threads at once. */
  all(): Promise<void>;
}

/** Worker threads running the probe's product on request. */
export class MachineProbe implements Probe {
  readonly threads: number;
  readonly #workers: Worker[];
  #products = calibrationProducts;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    this.threads = workers.length;
  }

  /** Starts `threads` probe workers (at least 2) and waits until each is ready. */
  static async start(threads: number): Promise<MachineProbe> {
    if (!Number.isInteger(threads) || threads < 2) {
      throw new Error(`MachineProbe: threads must be an integer ≥ 2, got ${threads}`);
    }
    const workers = Array.from({ length: threads }, () => new Worker(workerFile, { execArgv: [] }));
    try {
      await Promise.all(workers.map((worker) => reply(worker)));
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw error;
    }
    // idle, the workers never keep the process alive (`run` holds them while they work)
    for (const worker of workers) worker.unref();
    return new MachineProbe(workers);
  }

  /**
   * Sizes the runs so that the 1-thread run takes about `ms` (the all-cores run then takes
   * `ms / threads` on a machine that gives every core): returns the products per run.
   */
  async calibrate(ms: number): Promise<number> {
    const first = this.#workers[0] as Worker;
    await run(first, calibrationProducts); // warm-up
    const start = performance.now();
    await run(first, calibrationProducts);
    const each = (performance.now() - start) / calibrationProducts;
    const products =
      Math.ceil(Math.max(1, ms / Math.max(each, 1e-6)) / this.threads) * this.threads;
    this.#products = Math.min(maxProducts, products);
    return this.#products;
  }

  /** Products in one run (of either kind), as last calibrated. */
  get products(): number {
    return this.#products;
  }

  /** The 1-thread run: every product on one worker. */
  one(): Promise<void> {
    return run(this.#workers[0] as Worker, this.#products).then(() => {});
  }

  /** The all-cores run: the same products split evenly over every worker, at once. */
  all(): Promise<void> {
    const each = this.#products / this.threads;
    return Promise.all(this.#workers.map((worker) => run(worker, each))).then(() => {});
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/** The worker's next message; rejects if it fails or exits first. */
function reply(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      cleanup();
      resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`machine probe worker failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`machine probe worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** `products` products on `worker`; resolves when it has done them. */
async function run(worker: Worker, products: number): Promise<void> {
  worker.ref();
  try {
    const done = reply(worker);
    worker.postMessage(products);
    await done;
  } finally {
    worker.unref();
  }
}

const probes = new Map<number, Promise<MachineProbe>>();

/** The benchmark's probe on `threads` workers, started on first use and kept for the whole run. */
export function benchProbe(threads: number): Promise<MachineProbe> {
  let probe = probes.get(threads);
  if (!probe) {
    probe = MachineProbe.start(threads);
    probes.set(threads, probe);
  }
  return probe;
}
