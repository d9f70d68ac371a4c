// The training loop of the book's fig. 6-15 (ch06/weight_init_compare.py) on core-wasm kernels.
// Legend: m = batch rows, widths = [n₀, n₁, …, n_L]; layer l (1 … L) has W_l (n_{l−1}, n_l) and
// b_l (n_l); a_l = h_{l−1}·W_l + b_l, h_l = φ(a_l) for hidden layers, a_L the logits.
// Every initializer trains on the same mini-batches: indices drawn with replacement (as the
// book's np.random.choice) from one xoshiro128** stream of the seed, before any run starts.

import {
  type Core,
  type F32Block,
  loadCore,
  optimizerDefaults,
  Xoshiro128,
} from '@initscope/core-wasm';
import {
  type Activation,
  type ActivationSpec,
  activationFacts,
  defaultBins,
  drawWeights,
  histogramRange,
  parseActivation,
  parseInit,
  weightStream,
} from '@initscope/sim';
import { layerStatsOf } from '@initscope/sim/reference';
import type { Dataset, Split } from './dataset.js';
import { diagnose, type TrainDiagnosis } from './diagnosis.js';

/** The optimizers of the book's §6.1. */
export const optimizers = ['sgd', 'momentum', 'adagrad', 'adam'] as const;
/** One of `optimizers`. */
export type Optimizer = (typeof optimizers)[number];

/** The RNG stream of the mini-batch indices (weights use streams 1 … L, see sim's streams.ts). */
export const batchStream = 2 ** 32 - 2;
/** Images of the training set on which train accuracy is measured (the first ones, fixed). */
export const trainAccuracySubset = 10_000;
/** Rows per forward pass in an evaluation. */
export const evalChunk = 1000;

/** A training configuration after defaults (the book's fig. 6-15 unless changed). */
export interface TrainConfig {
  widths: number[];
  /** The hidden layers' activation id: a name, or `leaky-relu:<α>` / `elu:<α>` (as `initscope run`). */
  activation: string;
  inits: string[];
  optimizer: Optimizer;
  lr: number;
  batch: number;
  iterations: number;
  seed: number;
  evalEvery: number;
  checkpoints: number[];
}

/** The book's fig. 6-15 configuration. */
export const bookTrainConfig: TrainConfig = {
  widths: [784, 100, 100, 100, 100, 10],
  activation: 'relu',
  inits: ['std:0.01', 'xavier', 'he'],
  optimizer: 'sgd',
  lr: optimizerDefaults.sgd.lr,
  batch: 128,
  iterations: 2000,
  seed: 1,
  evalEvery: 100,
  checkpoints: [0, 10, 100, 1000, 2000],
};

/** A histogram of the results contract: bin i is [edges[i], edges[i+1]), the last bin closed. */
export interface ValueHistogram {
  edges: number[];
  counts: number[];
  below: number;
  above: number;
}

/** Statistics of one layer's values at a checkpoint (finite values; counts over all). */
export interface ValueStats {
  mean: number | null;
  std: number | null;
  zeroFraction: number;
  nonFinite: number;
  /** Share of all values within 0.05 of a bound of a bounded activation; null otherwise. */
  saturation: number | null;
  /** `defaultBins` bins: activations on the activation's range (as `initscope run`), gradients on [−m, m]. */
  histogram: ValueHistogram;
}

/** One layer at a checkpoint: its output φ(a_l), its gradient ∂L/∂a_l, its weights and last step. */
export interface CheckpointLayer {
  layer: number;
  activations: ValueStats;
  gradients: ValueStats;
  weightStd: number;
  /** ‖ΔW‖/‖W‖ of the update made at this iteration (null at the last iteration: no update follows). */
  updateRatio: number | null;
}

/** An evaluation after `iteration` updates. */
export interface TrainEval {
  iteration: number;
  testAccuracy: number;
  testLoss: number;
  trainAccuracy: number;
}

/** One initializer's training. */
export interface TrainRun {
  init: string;
  activation: string;
  optimizer: Optimizer;
  state: 'completed' | 'diverged';
  /** The iteration whose loss was first NaN or infinite (diverged runs only). */
  divergedAt?: number;
  /** The diagnosis at initialization (first mini-batch, before any update; see diagnosis.ts). */
  diagnosis: TrainDiagnosis;
  /** The book's curve: the loss on each iteration's batch after that iteration's update. */
  loss: number[];
  /** The loss on the same batch before the update (the forward pass the gradient came from). */
  lossBefore: number[];
  evals: TrainEval[];
  checkpoints: { iteration: number; layers: CheckpointLayer[] }[];
}

/**
 * A network's parameters after `iteration` updates, kept so that its evaluation can be computed
 * later, elsewhere (another worker): the same bits as evaluating in the training loop.
 */
export interface Snapshot {
  iteration: number;
  /** W_l for l = 1 … L, each (n_{l−1}, n_l) row-major. */
  w: Float32Array[];
  /** b_l for l = 1 … L. */
  b: Float32Array[];
}

/**
 * The bytes of one run's snapshots when its evaluations are deferred (at most: a diverged run stops
 * early): W and b in f32 at every `evalEvery`-th iteration from 0 and at the last.
 */
export function snapshotBytes(
  config: Pick<TrainConfig, 'widths' | 'iterations' | 'evalEvery'>,
): number {
  let params = 0;
  for (let l = 1; l < config.widths.length; l++) {
    const n = config.widths[l] as number;
    params += (config.widths[l - 1] as number) * n + n;
  }
  const evaluations =
    Math.floor(config.iterations / config.evalEvery) +
    1 +
    (config.iterations % config.evalEvery === 0 ? 0 : 1);
  return evaluations * params * 4;
}

/** A run trained with its evaluations deferred: `evals` is empty, `snapshots` hold what to evaluate. */
export interface DeferredTrainRun extends TrainRun {
  snapshots: Snapshot[];
}

/** Draws the mini-batch indices of every iteration: (iterations × batch) indices below `count`. */
export function batchIndices(
  seed: number,
  iterations: number,
  batch: number,
  count: number,
): Uint32Array {
  const rng = new Xoshiro128(seed, batchStream);
  const out = new Uint32Array(iterations * batch);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rng.uniform() * count) % count;
  return out;
}

/** The blocks of one network: parameters, optimizer state, and the forward/backward buffers for `rows`. */
class Network {
  readonly w: F32Block[] = [];
  readonly b: F32Block[] = [];
  readonly gw: F32Block[] = [];
  readonly gb: F32Block[] = [];
  /** Optimizer state: one or two blocks per parameter (v; h; m and v). */
  readonly state: F32Block[][] = [];
  step = 0;
  /** The hidden activation, parsed once: its kernel name and α (leaky-relu, elu). */
  readonly activation: ActivationSpec;
  /** The kernels' options for that α (undefined: the kernel's default). */
  readonly activationOptions: { alpha: number } | undefined;

  /** A network of `init`'s initial weights, or of a snapshot's parameters (to evaluate it). */
  constructor(
    readonly core: Core,
    readonly config: TrainConfig,
    init: string | Snapshot,
  ) {
    const { widths, seed } = config;
    this.activation = parseActivation(config.activation);
    const { alpha } = this.activation;
    this.activationOptions = alpha === undefined ? undefined : { alpha };
    const context = initContext(this.activation);
    const initializer = typeof init === 'string' ? parseInit(init) : undefined;
    for (let l = 1; l < widths.length; l++) {
      const [fanIn, fanOut] = [widths[l - 1] as number, widths[l] as number];
      const w = core.alloc(fanIn * fanOut);
      const b = core.alloc(fanOut);
      if (initializer) {
        const draw = initializer.draw(fanIn, fanOut, context);
        const scale = drawWeights(core, draw, w, fanIn, fanOut, seed, weightStream(l));
        if (scale !== 1) {
          const values = w.array;
          for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * scale;
        }
        b.array.fill(0);
      }
      this.w.push(w);
      this.b.push(b);
      this.gw.push(core.alloc(fanIn * fanOut));
      this.gb.push(core.alloc(fanOut));
    }
    if (!initializer) this.load(init as Snapshot);
    const slots = config.optimizer === 'sgd' ? 0 : config.optimizer === 'adam' ? 2 : 1;
    for (const p of [...this.w, ...this.b]) {
      this.state.push(
        Array.from({ length: slots }, () => {
          const s = core.alloc(p.length);
          s.array.fill(0);
          return s;
        }),
      );
    }
  }

  /** Sets every W and b to a snapshot's (of a network of the same widths). */
  load(snapshot: Snapshot): void {
    for (const [l, w] of this.w.entries()) w.array.set(snapshot.w[l] as Float32Array);
    for (const [l, b] of this.b.entries()) b.array.set(snapshot.b[l] as Float32Array);
  }

  /** Applies one optimizer step to every parameter with the gradients in gw, gb. */
  update(): void {
    const { core, config } = this;
    this.step++;
    const params = [...this.w, ...this.b];
    const grads = [...this.gw, ...this.gb];
    params.forEach((p, i) => {
      const g = grads[i] as F32Block;
      const s = this.state[i] as F32Block[];
      switch (config.optimizer) {
        case 'sgd':
          core.sgdUpdate(p, g, config.lr);
          break;
        case 'momentum':
          core.momentumUpdate(
            p,
            g,
            s[0] as F32Block,
            config.lr,
            optimizerDefaults.momentum.momentum,
          );
          break;
        case 'adagrad':
          core.adagradUpdate(p, g, s[0] as F32Block, config.lr);
          break;
        case 'adam': {
          const { beta1, beta2 } = optimizerDefaults.adam;
          core.adamUpdate(p, g, s[0] as F32Block, s[1] as F32Block, {
            lr: config.lr,
            beta1,
            beta2,
            step: this.step,
          });
          break;
        }
      }
    });
  }
}

/** Forward/backward buffers for `rows` rows: a_l and h_l per layer, δ per layer, softmax gradient. */
class Buffers {
  readonly a: F32Block[] = [];
  readonly h: F32Block[] = [];
  readonly delta: F32Block[] = [];
  readonly x: F32Block;
  readonly labels: F32Block;

  constructor(
    core: Core,
    widths: number[],
    readonly rows: number,
  ) {
    this.x = core.alloc(rows * (widths[0] as number));
    this.labels = core.alloc(rows);
    for (let l = 1; l < widths.length; l++) {
      const n = rows * (widths[l] as number);
      this.a.push(core.alloc(n));
      this.h.push(core.alloc(n));
      this.delta.push(core.alloc(n));
    }
  }
}

/** What an initializer's draw depends on besides the fans: the activation's name and its α, if any. */
export function initContext(activation: string | ActivationSpec): {
  activation: Activation;
  alpha?: number;
} {
  const { name, alpha } = typeof activation === 'string' ? parseActivation(activation) : activation;
  return alpha === undefined ? { activation: name } : { activation: name, alpha };
}

/** a_l and h_l for the rows in buf.x; returns the logits block (a_L). */
function forward(net: Network, buf: Buffers, rows: number): F32Block {
  const { core, config } = net;
  const { widths } = config;
  const { name } = net.activation;
  const options = net.activationOptions;
  const layers = widths.length - 1;
  let input = buf.x;
  for (let l = 0; l < layers; l++) {
    const [nIn, nOut] = [widths[l] as number, widths[l + 1] as number];
    const a = buf.a[l] as F32Block;
    // the first layer's input is mostly exact zeros (80.9% of MNIST pixels): skip them
    if (l === 0) core.matmulSkipZerosInto(input, net.w[l] as F32Block, a, rows, nIn, nOut);
    else core.matmulInto(input, net.w[l] as F32Block, a, rows, nIn, nOut);
    core.addBiasInto(a, net.b[l] as F32Block, rows, nOut);
    if (l < layers - 1) {
      core.activateInto(
        name,
        core.view(a, rows * nOut),
        core.view(buf.h[l] as F32Block, rows * nOut),
        options,
      );
      input = buf.h[l] as F32Block;
    }
  }
  return buf.a[layers - 1] as F32Block;
}

/** Gradients of every parameter into net.gw, net.gb from δ_L already in buf.delta[L−1]. */
function backward(net: Network, buf: Buffers, rows: number): void {
  const { core, config } = net;
  const { widths } = config;
  const { name } = net.activation;
  const options = net.activationOptions;
  const layers = widths.length - 1;
  for (let l = layers - 1; l >= 0; l--) {
    const [nIn, nOut] = [widths[l] as number, widths[l + 1] as number];
    const delta = buf.delta[l] as F32Block;
    const input = l === 0 ? buf.x : (buf.h[l - 1] as F32Block);
    if (l === 0)
      core.matmulTransASkipZerosInto(input, delta, net.gw[l] as F32Block, rows, nIn, nOut);
    else core.matmulTransAInto(input, delta, net.gw[l] as F32Block, rows, nIn, nOut);
    core.columnSumsInto(delta, net.gb[l] as F32Block, rows, nOut);
    if (l > 0) {
      const below = buf.delta[l - 1] as F32Block;
      core.matmulTransBInto(delta, net.w[l] as F32Block, below, rows, nOut, nIn);
      const n = rows * nIn;
      core.backwardInto(
        name,
        core.view(buf.a[l - 1] as F32Block, n),
        core.view(below, n),
        core.view(below, n),
        options,
      );
    }
  }
}

/** Copies rows `indices` of a split into buf.x and buf.labels. */
function gather(split: Split, indices: ArrayLike<number>, buf: Buffers): void {
  const pixels = split.rows * split.cols;
  const x = buf.x.array;
  const labels = buf.labels.array;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r] as number;
    x.set(split.images.subarray(i * pixels, (i + 1) * pixels), r * pixels);
    labels[r] = split.labels[i] as number;
  }
}

/** Copies rows start … start + rows − 1 of a split into buf.x and buf.labels (one copy each). */
function gatherRange(split: Split, start: number, rows: number, buf: Buffers): void {
  const pixels = split.rows * split.cols;
  buf.x.array.set(split.images.subarray(start * pixels, (start + rows) * pixels));
  const labels = buf.labels.array;
  for (let r = 0; r < rows; r++) labels[r] = split.labels[start + r] as number;
}

/** Accuracy and mean loss over the first `count` images of a split, in chunks of `evalChunk`. */
function evaluate(net: Network, buf: Buffers, split: Split, count: number, classes: number) {
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < count; start += buf.rows) {
    const rows = Math.min(buf.rows, count - start);
    gatherRange(split, start, rows, buf);
    const logits = forward(net, buf, rows);
    const loss = net.core.softmaxCrossEntropyInto(
      logits,
      buf.labels,
      buf.delta[buf.delta.length - 1] as F32Block,
      rows,
      classes,
    );
    lossSum += loss * rows;
    const z = logits.array;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let j = 1; j < classes; j++)
        if ((z[r * classes + j] as number) > (z[r * classes + best] as number)) best = j;
      if (best === buf.labels.array[r]) correct++;
    }
  }
  return { accuracy: correct / count, loss: lossSum / count };
}

/** Statistics of the first `length` values of a block, in the results contract's binning. */
function valueStats(
  block: F32Block,
  length: number,
  range: (min: number, max: number) => [number, number],
  bounds: readonly [number, number] | null,
): ValueStats {
  const stats = layerStatsOf(block.array.subarray(0, length), 1, defaultBins, range, bounds);
  return {
    mean: stats.mean,
    std: stats.std,
    zeroFraction: stats.zeroFraction,
    nonFinite: stats.nonFinite,
    saturation: stats.saturation ?? null,
    histogram: stats.histogram,
  };
}

/** A gradient's histogram range: [−m, m], m the largest finite |value| ([−1, 1] when all are 0). */
function symmetricRange(min: number, max: number): [number, number] {
  const m = Math.max(Math.abs(min), Math.abs(max));
  return Number.isFinite(m) && m > 0 ? [-m, m] : [-1, 1];
}

function std(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return Math.sqrt(sq / values.length);
}

function norm(values: ArrayLike<number>): number {
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i] as number) ** 2;
  return Math.sqrt(sq);
}

/** Progress after each iteration of each run (run index, iteration done). */
export type TrainProgress = (run: number, iteration: number) => void;

/** Trains one network per initializer on the same mini-batches and records the book's curves. */
export function train(
  data: Dataset,
  config: TrainConfig,
  progress?: TrainProgress,
  core?: Core,
): Promise<TrainRun[]> {
  return trainLoop(data, config, progress, core, false);
}

/**
 * `train()` with every evaluation deferred: each run carries the snapshots to evaluate (with
 * `evaluateSnapshots`, on any thread) instead of its `evals`; `withEvals` puts them back. The
 * completed runs are the same bits as `train()`'s.
 */
export function trainDeferred(
  data: Dataset,
  config: TrainConfig,
  progress?: TrainProgress,
  core?: Core,
): Promise<DeferredTrainRun[]> {
  return trainLoop(data, config, progress, core, true) as Promise<DeferredTrainRun[]>;
}

/** The evaluations of a run's snapshots, in their order: test accuracy and loss, train accuracy. */
export async function evaluateSnapshots(
  data: Dataset,
  config: TrainConfig,
  snapshots: readonly Snapshot[],
  core?: Core,
): Promise<TrainEval[]> {
  const [first] = snapshots;
  if (!first) return [];
  const c = core ?? (await loadCore());
  const evalBuf = new Buffers(c, config.widths, evalChunk);
  // one network, loaded with each snapshot in turn
  const net = new Network(c, config, first);
  return snapshots.map((snapshot) => {
    net.load(snapshot);
    return evaluation(net, evalBuf, data, snapshot.iteration);
  });
}

/** A deferred run with its evaluations: the run `train()` returns. */
export function withEvals(run: DeferredTrainRun, evals: TrainEval[]): TrainRun {
  const { snapshots, loss, lossBefore, evals: _none, checkpoints, diagnosis, ...head } = run;
  return { ...head, diagnosis, loss, lossBefore, evals, checkpoints };
}

/** The evaluation of a network after `iteration` updates: test accuracy and loss, train accuracy on the subset. */
function evaluation(net: Network, buf: Buffers, data: Dataset, iteration: number): TrainEval {
  const classes = net.config.widths[net.config.widths.length - 1] as number;
  const test = evaluate(net, buf, data.test, data.test.count, classes);
  const tr = evaluate(
    net,
    buf,
    data.train,
    Math.min(trainAccuracySubset, data.train.count),
    classes,
  );
  return {
    iteration,
    testAccuracy: test.accuracy,
    testLoss: test.loss,
    trainAccuracy: tr.accuracy,
  };
}

async function trainLoop(
  data: Dataset,
  config: TrainConfig,
  progress: TrainProgress | undefined,
  core: Core | undefined,
  deferred: boolean,
): Promise<TrainRun[]> {
  const c = core ?? (await loadCore());
  const { widths, batch, iterations, evalEvery, checkpoints } = config;
  const classes = widths[widths.length - 1] as number;
  const indices = batchIndices(config.seed, iterations, batch, data.train.count);
  const trainBuf = new Buffers(c, widths, batch);
  const evalBuf = deferred ? undefined : new Buffers(c, widths, evalChunk);
  const { bounds } = activationFacts(config.activation);
  const hiddenRange = (min: number, max: number) => histogramRange(config.activation, min, max);
  const logitRange = (min: number, max: number) => histogramRange('linear', min, max);
  const runs: TrainRun[] = [];
  for (const [runIndex, init] of config.inits.entries()) {
    const net = new Network(c, config, init);
    let diagnosis: TrainDiagnosis | undefined;
    const run: Omit<TrainRun, 'diagnosis'> = {
      init,
      activation: config.activation,
      optimizer: config.optimizer,
      state: 'completed',
      loss: [],
      lossBefore: [],
      evals: [],
      checkpoints: [],
    };
    const snapshots: Snapshot[] = [];
    const record = (iteration: number) => {
      if (iteration % evalEvery !== 0 && iteration !== iterations) return;
      if (evalBuf) run.evals.push(evaluation(net, evalBuf, data, iteration));
      else {
        const copy = (blocks: F32Block[]) => blocks.map((block) => block.array.slice());
        snapshots.push({ iteration, w: copy(net.w), b: copy(net.b) });
      }
    };
    for (let it = 0; it <= iterations; it++) {
      record(it);
      // iteration `it` ends with an update; the checkpoint at `it` measures the batch of step it+1
      const batchIt = Math.min(it, iterations - 1);
      gather(data.train, indices.subarray(batchIt * batch, (batchIt + 1) * batch), trainBuf);
      const checkpoint = checkpoints.includes(it);
      if (it === iterations && !checkpoint) break;
      const logits = forward(net, trainBuf, batch);
      const top = trainBuf.delta[trainBuf.delta.length - 1] as F32Block;
      const lossBefore = c.softmaxCrossEntropyInto(logits, trainBuf.labels, top, batch, classes);
      backward(net, trainBuf, batch);
      if (it === 0)
        diagnosis = diagnose(widths, config.activation, init, batch, trainBuf.h, trainBuf.delta);
      const before = checkpoint ? net.w.map((w) => w.array.slice()) : [];
      if (it < iterations) net.update();
      if (checkpoint) {
        run.checkpoints.push({
          iteration: it,
          layers: net.w.map((w, l) => {
            const n = batch * (widths[l + 1] as number);
            const old = before[l] as Float32Array;
            const now = w.array;
            let diff = 0;
            for (let i = 0; i < old.length; i++)
              diff += ((now[i] as number) - (old[i] as number)) ** 2;
            return {
              layer: l + 1,
              activations:
                l < widths.length - 2
                  ? valueStats(trainBuf.h[l] as F32Block, n, hiddenRange, bounds)
                  : valueStats(trainBuf.a[l] as F32Block, n, logitRange, null),
              gradients: valueStats(trainBuf.delta[l] as F32Block, n, symmetricRange, null),
              weightStd: std(old),
              updateRatio: it < iterations ? Math.sqrt(diff) / norm(old) : null,
            };
          }),
        });
      }
      if (it === iterations) break;
      const after = c.softmaxCrossEntropyInto(
        forward(net, trainBuf, batch),
        trainBuf.labels,
        top,
        batch,
        classes,
      );
      run.lossBefore.push(lossBefore);
      run.loss.push(after);
      progress?.(runIndex, it + 1);
      if (!Number.isFinite(after)) {
        run.state = 'diverged';
        run.divergedAt = it;
        break;
      }
    }
    const { loss, lossBefore, evals, checkpoints: taken, ...head } = run;
    runs.push({
      ...head,
      diagnosis: diagnosis as TrainDiagnosis,
      loss,
      lossBefore,
      evals,
      checkpoints: taken,
      ...(deferred ? { snapshots } : {}),
    });
  }
  return runs;
}
