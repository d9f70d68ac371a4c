import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { UsageError } from './usage-error.js';
import type { PoolResult, PoolTask } from './worker.js';

/**
 * The built worker entry. The same path from `src/` (tests) and from `dist/` (the command): workers
 * always run the built JavaScript, which Node 20 can load.
 */
export const workerFile = new URL('../dist/worker.js', import.meta.url).href;

/**
 * This process's Node flags for the workers, less the `@initscope/source` export condition (tests
 * set it to import TypeScript sources, which a worker thread cannot load).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if ((flag === '--conditions' || flag === '-C') && argv[i + 1] === '@initscope/source') {
      i++;
      continue;
    }
    if (flag === '--conditions=@initscope/source' || flag === '-C=@initscope/source') continue;
    out.push(flag);
  }
  return out;
}

/** Most worker threads `--threads` accepts. */
export const maxThreads = 256;

/** `--threads` as typed, or the machine's available parallelism when not given. */
export function parseThreads(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > maxThreads) {
    throw new UsageError(
      `Invalid --threads ${JSON.stringify(value)}: expected a whole number from 1 to ${maxThreads} (default: this machine's ${availableParallelism()}).`,
    );
  }
  return n;
}

/** `0 … count − 1` cut into at most `parts` contiguous slices whose sizes differ by at most one. */
export function splitEvenly(count: number, parts: number): number[][] {
  const n = Math.max(1, Math.min(parts, count));
  const slices: number[][] = [];
  let start = 0;
  for (let p = 0; p < n; p++) {
    const size = Math.floor(count / n) + (p < count % n ? 1 : 0);
    slices.push(Array.from({ length: size }, (_, i) => start + i));
    start += size;
  }
  return slices.filter((slice) => slice.length > 0);
}

/** Hooks of a pool run. */
export interface PoolHooks {
  /** Called once per step any worker reports. */
  onStep?: () => void;
  /** Stops every task at its next step (or before it starts); the promise then rejects. */
  signal?: AbortSignal;
}

/** piscina's message from a worker that has loaded the task module (its `READY` key). */
const workerReady = '_WORKER_READY';

/**
 * Resolves when every worker of `pool` has loaded the task module (or exited). Node 20 aborts the
 * whole process (v8::Module::IsGraphAsync) when a worker thread is terminated while it is still
 * evaluating ES modules, so a pool is destroyed only after this. Call it in the tick the pool was
 * made, before any worker can report.
 */
function whenLoaded(pool: Piscina): Promise<void> {
  const loading = pool.threads.map(
    (worker) =>
      new Promise<void>((resolve) => {
        const onMessage = (message: unknown) => {
          if (typeof message === 'object' && message !== null && workerReady in message) done();
        };
        const done = () => {
          worker.off('message', onMessage);
          worker.off('exit', done);
          resolve();
        };
        worker.on('message', onMessage);
        worker.once('exit', done);
      }),
  );
  return Promise.all(loading).then(() => undefined);
}

/** A started worker pool that runs several batches of tasks (the CLI opens one per command). */
export interface WorkerPool {
  /** Worker threads it holds. */
  readonly threads: number;
  /** Runs `tasks` and resolves to their results in the order of `tasks` (see {@link runPool}). */
  run<T extends PoolTask>(tasks: readonly T[], hooks?: PoolHooks): Promise<PoolResult<T>[]>;
  /** Stops every worker. */
  destroy(): Promise<void>;
}

/** Starts `threads` worker threads, each of which loads its own core-wasm instance on its first task. */
export function openPool(threads: number): WorkerPool {
  const size = Math.max(1, threads);
  const pool = new Piscina<{ task: PoolTask; port: MessagePort; stop: Int32Array }, PoolResult>({
    filename: workerFile,
    minThreads: size,
    maxThreads: size,
    concurrentTasksPerWorker: 1,
    execArgv: workerExecArgv(),
  });
  const loaded = whenLoaded(pool);
  const runOne = async <T extends PoolTask>(task: T, hooks: PoolHooks, stop: Int32Array) => {
    const { port1, port2 } = new MessageChannel();
    // Steps come as 1, then 'done' after the last one (a port keeps its messages in order).
    let drain: () => void = () => {};
    const drained = new Promise<void>((resolve) => {
      drain = resolve;
    });
    port1.on('message', (message) => {
      if (message === 'done') drain();
      else hooks.onStep?.();
    });
    try {
      const result = await pool.run({ task, port: port2, stop }, { transferList: [port2] });
      await drained;
      return result as PoolResult<T>;
    } finally {
      port1.close();
    }
  };
  return {
    threads: size,
    async run<T extends PoolTask>(tasks: readonly T[], hooks: PoolHooks = {}) {
      // Stopping is cooperative: a flag the workers read at every step. Terminating a busy worker
      // (piscina's abort) would make piscina start a replacement, which destroy() could then
      // terminate while it loads its modules (see whenLoaded).
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const onAbort = () => Atomics.store(stop, 0, 1);
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (hooks.signal?.aborted) onAbort();
        const settled = await Promise.allSettled(
          tasks.map((task) =>
            runOne(task, hooks, stop).catch((error: unknown) => {
              onAbort(); // one failure stops the others at their next step
              throw error;
            }),
          ),
        );
        if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('aborted');
        const failed = settled.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        return settled.map((result) => (result as PromiseFulfilledResult<PoolResult<T>>).value);
      } finally {
        hooks.signal?.removeEventListener('abort', onAbort);
      }
    },
    async destroy() {
      await loaded;
      await pool.destroy();
    },
  };
}

/**
 * Runs `tasks` on `threads` worker threads (each with its own core-wasm instance) and resolves to
 * their results in the order of `tasks`, whichever worker finishes first: the gathered output does
 * not depend on the thread count. The pool is torn down before this returns.
 */
export async function runPool<T extends PoolTask>(
  tasks: readonly T[],
  threads: number,
  hooks: PoolHooks = {},
): Promise<PoolResult<T>[]> {
  const pool = openPool(Math.min(threads, tasks.length));
  try {
    return await pool.run(tasks, hooks);
  } finally {
    await pool.destroy();
  }
}
