import type { MessagePort } from 'node:worker_threads';
import {
  type PhaseRow,
  type PhaseTask,
  phaseTask,
  type RunResult,
  type SweepTask,
  sweepTask,
} from '@initscope/sim';
import {
  type TrainEval,
  type TrainEvalTask,
  type TrainRun,
  type TrainTask,
  trainEvalTask,
  trainTask,
} from '@initscope/train';

/**
 * What a pool worker computes. Each kind names a task function of a package that touches no file;
 * a new kind (e.g. a training run) is one more case here.
 */
export type PoolTask = SweepTask | PhaseTask | TrainTask | TrainEvalTask;

/** What a task returns, by kind (a deferred training run is a TrainRun with snapshots). */
export type PoolResult<T extends PoolTask = PoolTask> = T extends SweepTask
  ? RunResult[]
  : T extends TrainTask
    ? TrainRun
    : T extends TrainEvalTask
      ? TrainEval[]
      : PhaseRow[];

/**
 * The worker thread's entry (piscina loads the built `dist/worker.js`): runs one task with this
 * thread's own core-wasm instance and posts `1` on `port` after every step, for the progress bar, and `'done'` after the last.
 */
export default async function runPoolTask(message: {
  task: PoolTask;
  port?: MessagePort;
  /** Set to 1 by the pool to stop: checked before the task and at every step. */
  stop?: Int32Array;
}): Promise<PoolResult> {
  const { task, port, stop } = message;
  const checkStop = () => {
    if (stop !== undefined && Atomics.load(stop, 0) !== 0) throw new Error('stopped');
  };
  const onStep = () => {
    checkStop();
    port?.postMessage(1);
  };
  try {
    checkStop();
    switch (task.kind) {
      case 'sweep':
        return await sweepTask(task, { onStep });
      case 'phase':
        return phaseTask(task);
      case 'train':
        return await trainTask(task, { onStep });
      case 'train-eval':
        return await trainEvalTask(task);
      default:
        throw new Error(`Unknown pool task kind ${(task as { kind: unknown }).kind}.`);
    }
  } finally {
    port?.postMessage('done');
    port?.close();
  }
}
