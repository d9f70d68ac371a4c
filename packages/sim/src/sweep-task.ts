import { createThreadedCore, type ThreadedCore } from '@initscope/core-wasm';
import type { RunResult } from '@initscope/results';
import { type ResolvedSweepConfig, resolveSweepConfig, type SweepOptions } from './config.js';
import { sweepUnits } from './simulate.js';

/**
 * Fewest multiply-adds a run's products must hold before they are split across threads: below
 * it, starting the helper threads (tens of milliseconds) costs about what the split saves.
 */
export const threadedProductMinMacs = 2 ** 30;

/** The multiply-adds of one run's products: samples·fanIn·fanOut per layer, three products per layer with gradients. */
export function runMacs(
  config: Pick<ResolvedSweepConfig, 'samples' | 'widths' | 'gradients'>,
): number {
  let macs = 0;
  for (let l = 1; l < config.widths.length; l++) {
    macs += config.samples * (config.widths[l - 1] as number) * (config.widths[l] as number);
  }
  return config.gradients ? 3 * macs : macs;
}

/**
 * Threads per worker for each run's products when `threads` threads run `units` units on
 * min(units, threads) workers: the threads a worker would otherwise leave idle (1: none), and only
 * for runs of at least `threadedProductMinMacs` multiply-adds.
 */
export function productThreadsFor(
  config: Pick<ResolvedSweepConfig, 'samples' | 'widths' | 'gradients'>,
  units: number,
  threads: number,
): number {
  const workers = Math.max(1, Math.min(units, threads));
  const each = Math.floor(threads / workers);
  return each >= 2 && runMacs(config) >= threadedProductMinMacs ? each : 1;
}

/**
 * A slice of a sweep as a worker thread receives it: plain data (structured-clonable), no functions.
 * `options` are the sweep's options as given to `resolveSweepConfig` (already validated by the
 * caller); `units` are (seed, run) unit indices in the sweep's order (seed-major, then activation,
 * then initializer: see `sweepResults`).
 */
export interface SweepTask {
  kind: 'sweep';
  options: SweepOptions;
  units: number[];
  /** Threads that share each product (a ThreadedCore for the task, see `productThreadsFor`); @default 1 */
  productThreads?: number;
}

/**
 * Computes a slice of a sweep's units in the calling thread with its own core-wasm instance (with
 * `productThreads` > 1, a ThreadedCore whose helper threads share every product, closed at the
 * end): the task function of the CLI's worker pool. Touches no file; `onStep` is called after
 * every layer step. The runs are the same bits at any `productThreads`.
 */
export async function sweepTask(
  task: SweepTask,
  hooks: { onStep?: () => void; signal?: AbortSignal } = {},
): Promise<RunResult[]> {
  const config = resolveSweepConfig(task.options);
  const { onStep, signal } = hooks;
  const productThreads = task.productThreads ?? 1;
  let threaded: ThreadedCore | undefined;
  if (productThreads > 1) threaded = await createThreadedCore({ threads: productThreads });
  try {
    return await sweepUnits(config, task.units, {
      ...(onStep ? { onProgress: () => onStep() } : {}),
      ...(signal ? { signal } : {}),
      ...(threaded ? { threaded } : {}),
    });
  } finally {
    await threaded?.close();
  }
}
