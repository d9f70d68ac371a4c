// Training split into independent units, one (seed, initializer) each, for worker threads: a unit
// trains on the same mini-batches and weights as the same initializer inside `train()` of that seed
// (batches depend on the seed only, weights on the seed and the layer), so the gathered runs are
// the same bits at any thread count.
import type { Dataset, Split } from './dataset.js';
import {
  type DeferredTrainRun,
  evaluateSnapshots,
  type Snapshot,
  type TrainConfig,
  type TrainEval,
  type TrainRun,
  train,
  trainDeferred,
} from './train.js';

/** One training run of a study: initializer `init` with seed `seed`. */
export interface TrainUnit {
  seed: number;
  init: string;
}

/** A pool task: train one unit on `data` (whose arrays may live in shared memory). */
export interface TrainTask {
  kind: 'train';
  data: Dataset;
  config: TrainConfig;
  unit: TrainUnit;
  /** Return snapshots instead of evaluations (`trainDeferred`), to evaluate them as `TrainEvalTask`s. */
  deferEvals?: boolean;
}

/** A pool task: evaluate some snapshots of one unit's run (`evaluateSnapshots`). */
export interface TrainEvalTask {
  kind: 'train-eval';
  data: Dataset;
  config: TrainConfig;
  snapshots: Snapshot[];
}

/** Hooks of a training task. */
export interface TrainTaskHooks {
  /** Called after each iteration (update) of the run. */
  onStep?: () => void;
}

/**
 * Every (seed, initializer) unit of `seeds` seeds from `config.seed`, seed-major: the first seed's
 * initializers in `--inits` order, then the next seed's.
 */
export function trainUnits(config: TrainConfig, seeds: number): TrainUnit[] {
  return Array.from({ length: seeds }, (_, s) =>
    config.inits.map((init) => ({ seed: config.seed + s, init })),
  ).flat();
}

/** The configuration of one unit's run: `config` with the unit's seed and initializer. */
export function unitConfig(config: TrainConfig, unit: TrainUnit): TrainConfig {
  return { ...config, seed: unit.seed, inits: [unit.init] };
}

/**
 * Trains one unit with a core-wasm instance of its own (freed with the task); with `deferEvals`,
 * the run carries snapshots instead of evaluations.
 */
export async function trainTask(
  task: TrainTask,
  hooks: TrainTaskHooks = {},
): Promise<TrainRun | DeferredTrainRun> {
  const { data, config, unit } = task;
  const step = () => hooks.onStep?.();
  const runs = await (task.deferEvals ? trainDeferred : train)(
    data,
    unitConfig(config, unit),
    step,
  );
  return runs[0] as TrainRun;
}

/** Evaluates the task's snapshots with a core-wasm instance of its own. */
export function trainEvalTask(task: TrainEvalTask): Promise<TrainEval[]> {
  return evaluateSnapshots(task.data, task.config, task.snapshots);
}

function sharedSplit(split: Split): Split {
  if (
    split.images.buffer instanceof SharedArrayBuffer &&
    split.labels.buffer instanceof SharedArrayBuffer
  ) {
    return split;
  }
  const images = new Float32Array(new SharedArrayBuffer(split.images.byteLength));
  images.set(split.images);
  const labels = new Uint8Array(new SharedArrayBuffer(split.labels.byteLength));
  labels.set(split.labels);
  return { ...split, images, labels };
}

/**
 * The data set with its pixels and labels in SharedArrayBuffers: posting it to worker threads then
 * shares the arrays instead of copying ~190 MB of MNIST per task. Splits already in shared memory
 * (`loadIdxSet(dir, { shared: true })`) are kept as they are; others are copied (~0.3–0.9 s for MNIST).
 */
export function sharedDataset(data: Dataset): Dataset {
  return { ...data, train: sharedSplit(data.train), test: sharedSplit(data.test) };
}
