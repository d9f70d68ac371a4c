import type { Core } from '@initscope/core-wasm';
import { drawWeights, parseInit, weightStream } from '@initscope/sim';
import {
  batchIndices,
  bookTrainConfig,
  type Dataset,
  initContext,
  type TrainConfig,
  type TrainEval,
  trainAccuracySubset,
} from '@initscope/train';
import { formatSi } from './format.js';
import { benchSeed } from './settings.js';
import { ValidationError } from './validation-error.js';

// The `train` suite's shared inputs and checks: the book's fig. 6-15 recipe (784-100-100-100-100-10,
// ReLU, std 0.01 / Xavier / He, SGD lr 0.01, batch 128) with initscope's default evaluation, and
// the initial weights and mini-batches every engine starts from.

/** The environment variable that shortens the case (default: the book's 2000 iterations). */
export const trainIterationsEnv = 'BENCH_TRAIN_ITERATIONS';

/** Iterations of `train/book`: `BENCH_TRAIN_ITERATIONS` or the book's 2000; a bad value throws one line. */
export function trainIterations(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[trainIterationsEnv]?.trim();
  if (!text) return bookTrainConfig.iterations;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `${trainIterationsEnv}="${text}" is not a whole number of iterations ≥ 1 (unset: the book's ${bookTrainConfig.iterations})`,
    );
  }
  return value;
}

/** initscope train's defaults (the book's fig. 6-15, evaluation every 100 iterations, checkpoints) at the bench seed. */
export function benchTrainConfig(iterations = bookTrainConfig.iterations): TrainConfig {
  return {
    ...bookTrainConfig,
    seed: benchSeed,
    iterations,
    checkpoints: bookTrainConfig.checkpoints.filter((c) => c <= iterations),
  };
}

/** What every engine starts from: the data, each initializer's weights, every iteration's batch. */
export interface TrainInputs {
  config: TrainConfig;
  data: Dataset;
  /** Per initializer (config.inits order), per layer: W_l (n_{l−1}, n_l) row-major f32; biases are 0. */
  weights: Float32Array[][];
  /** (iterations × batch) indices into the training split, the batches of `initscope train`. */
  indices: Uint32Array;
}

/**
 * The initial weights and batches `train()` uses for `config` (the same draws as its networks:
 * sim's initializer, `drawWeights` on stream l of the seed, scaled in f32), copied out of WASM memory.
 * The check that a peer's first loss equals initscope's shows they are the same.
 */
export function trainInputs(core: Core, config: TrainConfig, data: Dataset): TrainInputs {
  const { widths, activation, seed } = config;
  const context = initContext(activation);
  const weights = config.inits.map((init) => {
    const initializer = parseInit(init);
    const layers: Float32Array[] = [];
    for (let l = 1; l < widths.length; l++) {
      const [fanIn, fanOut] = [widths[l - 1] as number, widths[l] as number];
      const block = core.alloc(fanIn * fanOut);
      const draw = initializer.draw(fanIn, fanOut, context);
      const scale = drawWeights(core, draw, block, fanIn, fanOut, seed, weightStream(l));
      const values = block.array.slice(0, fanIn * fanOut);
      core.free(block);
      if (scale !== 1)
        for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * scale;
      layers.push(values);
    }
    return layers;
  });
  const indices = batchIndices(seed, config.iterations, config.batch, data.train.count);
  return { config, data, weights, indices };
}

/** One initializer's curves as an engine reports them: the book's loss per iteration, and the evaluations. */
export interface TrainCurves {
  init: string;
  /** The loss on each iteration's batch after that iteration's update (the book's `train_loss`). */
  loss: number[];
  evals: TrainEval[];
}

/** What one run of the case hands back for validation. */
export interface TrainOutcome {
  runs: TrainCurves[];
}

/** Iterations at which an evaluation is made: every `evalEvery`, and the last. */
export function evalIterations(config: TrainConfig): number[] {
  const out: number[] = [];
  for (let it = 0; it <= config.iterations; it++)
    if (it % config.evalEvery === 0 || it === config.iterations) out.push(it);
  return out;
}

/** Share of exact-zero pixels in a split (80.9% on MNIST's training images). */
export function zeroFraction(images: Float32Array): number {
  let zeros = 0;
  for (const v of images) if (v === 0) zeros++;
  return zeros / images.length;
}

/** Multiply-adds of one forward pass of one row through `widths`. */
function rowMacs(widths: readonly number[]): number {
  let macs = 0;
  for (let l = 1; l < widths.length; l++) macs += (widths[l - 1] as number) * (widths[l] as number);
  return macs;
}

/** The work of one run, dense count: training (two forwards and a backward per step) and evaluation. */
export function trainWork(config: TrainConfig, data: Dataset) {
  const { widths, batch, iterations, inits } = config;
  const fwd = rowMacs(widths);
  // backward: ∂W for every layer (one product each), ∂h for every layer but the first
  const back = fwd + (fwd - (widths[0] as number) * (widths[1] as number));
  const nets = inits.length;
  const trainFlop = 2 * nets * iterations * batch * (2 * fwd + back);
  const evalRows = data.test.count + Math.min(trainAccuracySubset, data.train.count);
  const evals = evalIterations(config).length;
  const evalFlop = 2 * nets * evals * evalRows * fwd;
  return { trainFlop, evalFlop, flop: trainFlop + evalFlop, evals, evalRows, nets };
}

/** Mean of the last `count` values (all when fewer). */
export function tailMean(values: readonly number[], count = 100): number {
  const tail = values.slice(-count);
  return tail.reduce((sum, v) => sum + v, 0) / tail.length;
}

/**
 * Agreement of a peer with initscope on the same weights and batches:
 * - the first loss (after one update, a few f32 roundings from the same start) to 1e-4 relative;
 * - the final loss (mean of the last 100 iterations' losses) to 0.05 + 5%: f32 and f64 (or
 *   another summation order) drift apart over 2000 SGD steps, the learning curve does not;
 * - the last evaluation's test accuracy to 0.02 and test loss to 0.05 + 5%.
 */
export const trainTolerance = {
  firstLossRelative: 1e-4,
  finalLossAbsolute: 0.05,
  finalLossRelative: 0.05,
  accuracy: 0.02,
} as const;

function near(a: number, b: number, absolute: number, relative: number): boolean {
  return Number.isFinite(a) && Math.abs(a - b) <= absolute + relative * Math.abs(b);
}

/** initscope's own outcome: every run complete, one loss per iteration, the evaluations at their iterations. */
export function checkTrainShape(engine: string, outcome: TrainOutcome, config: TrainConfig): void {
  const evals = evalIterations(config);
  if (outcome.runs.length !== config.inits.length) {
    throw new ValidationError(
      `${engine} train: ${outcome.runs.length} runs, expected ${config.inits.length} (${config.inits.join(', ')})`,
    );
  }
  outcome.runs.forEach((run, i) => {
    const init = config.inits[i];
    if (run.init !== init)
      throw new ValidationError(`${engine} train: run ${i} is ${run.init}, expected ${init}`);
    if (run.loss.length !== config.iterations || !run.loss.every(Number.isFinite)) {
      throw new ValidationError(
        `${engine} train ${init}: ${run.loss.length} finite losses expected ${config.iterations}`,
      );
    }
    const got = run.evals.map((e) => e.iteration).join(',');
    if (got !== evals.join(',')) {
      throw new ValidationError(
        `${engine} train ${init}: evaluations at ${got}, expected ${evals.join(',')}`,
      );
    }
  });
}

/** A peer against initscope's outcome (see {@link trainTolerance}). */
export function checkTrainRuns(
  engine: string,
  got: TrainOutcome,
  reference: TrainOutcome | undefined,
  config: TrainConfig,
): void {
  if (!reference)
    throw new ValidationError(`${engine} train: initscope's run, the reference, failed`);
  checkTrainShape(engine, got, config);
  const t = trainTolerance;
  got.runs.forEach((run, i) => {
    const want = reference.runs[i] as TrainCurves;
    const where = `${engine} train ${run.init}`;
    const [first, firstWant] = [run.loss[0] as number, want.loss[0] as number];
    if (!near(first, firstWant, 0, t.firstLossRelative)) {
      throw new ValidationError(
        `${where}: first loss ${first} vs initscope's ${firstWant} (not the same weights and batch?)`,
      );
    }
    const [final, finalWant] = [tailMean(run.loss), tailMean(want.loss)];
    if (!near(final, finalWant, t.finalLossAbsolute, t.finalLossRelative)) {
      throw new ValidationError(
        `${where}: final loss ${final.toFixed(4)} vs initscope's ${finalWant.toFixed(4)} (tolerance ${t.finalLossAbsolute} + ${t.finalLossRelative * 100}%)`,
      );
    }
    const [last, lastWant] = [run.evals.at(-1) as TrainEval, want.evals.at(-1) as TrainEval];
    if (Math.abs(last.testAccuracy - lastWant.testAccuracy) > t.accuracy) {
      throw new ValidationError(
        `${where}: test accuracy ${last.testAccuracy} vs initscope's ${lastWant.testAccuracy} (tolerance ${t.accuracy})`,
      );
    }
    if (!near(last.testLoss, lastWant.testLoss, t.finalLossAbsolute, t.finalLossRelative)) {
      throw new ValidationError(
        `${where}: test loss ${last.testLoss.toFixed(4)} vs initscope's ${lastWant.testLoss.toFixed(4)}`,
      );
    }
  });
}

/** "552 GFLOP" style count, for the napkin line. */
export function flopText(flop: number): string {
  return `${formatSi(flop).trim()}FLOP`;
}
