// Training split into independent units, one (seed, initializer) each, for worker threads: a unit
// trains on the same mini-batches and weights as the same initializer inside `train()` of that seed
// (batches depend on the seed only, weights on the seed and the layer), so the gathered runs are
// the same bits at any thread count.
import type { Dataset, Split } from './dataset.js';
import { type TrainConfig, type TrainRun, train } from './train.js';

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

/** Trains one unit with a core-wasm instance of its own (freed with the task). */
export async function trainTask(task: TrainTask, hooks: TrainTaskHooks = {}): Promise<TrainRun> {
  const { data, config, unit } = task;
  const runs = await train(data, { ...config, seed: unit.seed, inits: [unit.init] }, () =>
    hooks.onStep?.(),
  );
  return runs[0] as TrainRun;
}

function sharedSplit(split: Split): Split {
  const images = new Float32Array(new SharedArrayBuffer(split.images.byteLength));
  images.set(split.images);
  const labels = new Uint8Array(new SharedArrayBuffer(split.labels.byteLength));
  labels.set(split.labels);
  return { ...split, images, labels };
}

/**
 * The data set with its pixels and labels copied once into SharedArrayBuffers: posting it to worker
 * threads then shares the arrays instead of copying ~190 MB of MNIST per task.
 */
export function sharedDataset(data: Dataset): Dataset {
  return { ...data, train: sharedSplit(data.train), test: sharedSplit(data.test) };
}
