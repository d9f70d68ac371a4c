import type { RunResult } from '@initscope/results';
import { resolveSweepConfig, type SweepOptions } from './config.js';
import { sweepUnits } from './simulate.js';

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
}

/**
 * Computes a slice of a sweep's units in the calling thread with its own core-wasm instance: the task function
 * of the CLI's worker pool. Touches no file; `onStep` is called after every layer step.
 */
export async function sweepTask(
  task: SweepTask,
  hooks: { onStep?: () => void; signal?: AbortSignal } = {},
): Promise<RunResult[]> {
  const config = resolveSweepConfig(task.options);
  const { onStep, signal } = hooks;
  return sweepUnits(config, task.units, {
    ...(onStep ? { onProgress: () => onStep() } : {}),
    ...(signal ? { signal } : {}),
  });
}
