import {
  type ActivationKernel,
  type Core,
  type F32Block,
  type LayerPass,
  loadCore,
  type StatsRequest,
} from '@initscope/core-wasm';
import {
  type ActivationSpec,
  activationInfo,
  fixedRange,
  histogramRange,
  parseActivation,
} from './activations.js';
import {
  type ResolvedSweepConfig,
  type RunOptions,
  resolveSweepConfig,
  type SweepOptions,
} from './config.js';
import { type Initializer, parseInit, weightSecondMoment } from './initializers.js';
import type {
  LayerGradients,
  LayerStats,
  LayerTheory,
  Results,
  ResultsConfig,
  RunResult,
} from './results.js';
import { runTheory } from './run-theory.js';
import { gradientStats, measureLayer } from './stats.js';
import { biasStream, topGradientStream, weightStream } from './streams.js';
import { version } from './version.js';
import { drawStandard, drawWeights, isScaledDraw } from './weights.js';
import { prefix, Workspace } from './workspace.js';

/** Hooks for long runs. */
export interface SimulateHooks {
  /** The core to compute with; by default one shared instance loaded on first use. */
  core?: Core;
  /** Called after every layer step (forward, and backward with gradients) with the steps done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the sweep between layers; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

let sharedCore: Promise<Core> | undefined;

/** The shared core-wasm instance, loaded once. */
export function getCore(): Promise<Core> {
  sharedCore ??= loadCore();
  return sharedCore;
}

/** How long a sweep may compute before it yields to the event loop (so Ctrl-C and progress get through). */
const yieldEveryMs = 50;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One (activation, init) pair, with everything a run needs resolved. */
interface RunPlan {
  activation: ActivationSpec;
  init: Initializer;
  config: ResolvedSweepConfig;
}

/** out[i, j] += b[j]: out is (rows, cols), b is (cols). */
function addBias(out: Float32Array, bias: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[row + j] = (out[row + j] as number) + (bias[j] as number);
  }
}

/** One layer's weights as its kernel uses them: out = φ(scale·(x·w) + b). */
interface LayerWeights {
  w: F32Block;
  scale: number;
  /** E[w²] of the effective weights scale·w. */
  secondMoment: number;
  /** Set when w holds standard draws shared by every run (the key of layer 1's shared X·w). */
  sharedKey?: string;
}

class Run {
  readonly #core: Core;
  readonly #space: Workspace;
  readonly #plan: RunPlan;
  readonly #tick: () => Promise<void>;
  readonly #kernel: ActivationKernel;
  readonly #alpha: { alpha?: number };

  constructor(core: Core, space: Workspace, plan: RunPlan, tick: () => Promise<void>) {
    this.#core = core;
    this.#space = space;
    this.#plan = plan;
    this.#tick = tick;
    this.#kernel = activationInfo[plan.activation.name].kernel;
    this.#alpha = plan.activation.alpha === undefined ? {} : { alpha: plan.activation.alpha };
  }

  /** Layer l's weights (fanIn, fanOut): shared standard draws scaled by the kernel, or drawn for this run. */
  #weights(layer: number): LayerWeights {
    const { config, init, activation } = this.#plan;
    const fanIn = config.widths[layer - 1] as number;
    const fanOut = config.widths[layer] as number;
    const context =
      activation.alpha === undefined
        ? { activation: activation.name }
        : { activation: activation.name, alpha: activation.alpha };
    const draw = init.draw(fanIn, fanOut, context);
    const secondMoment = weightSecondMoment(draw, fanIn, fanOut);
    const stream = weightStream(layer);
    if (isScaledDraw(draw)) {
      const key = `${draw.kind}:${layer}`;
      const w = this.#space.shared(key, fanIn * fanOut, this.#space.weights, (out) =>
        drawStandard(this.#core, draw.kind, out, config.seed, stream),
      );
      return { w, scale: draw.std, secondMoment, sharedKey: key };
    }
    const w = prefix(this.#core, this.#space.weights, fanIn * fanOut);
    const scale = drawWeights(this.#core, draw, w, fanIn, fanOut, config.seed, stream);
    return { w, scale, secondMoment };
  }

  /** b ~ N(0, σ_b²) of layer l, or undefined without biases. */
  #bias(layer: number): F32Block | undefined {
    const { config } = this.#plan;
    if (!this.#space.bias) return undefined;
    const b = prefix(this.#core, this.#space.bias, config.widths[layer] as number);
    this.#core.normalInto(b, config.seed, biasStream(layer), config.biasStd);
    return b;
  }

  async forward(): Promise<{ layers: LayerStats[]; secondMoments: number[] }> {
    const core = this.#core;
    const space = this.#space;
    const kernel = this.#kernel;
    const { config, activation } = this.#plan;
    const { samples, widths, bins } = config;
    const fixed = fixedRange(activation.name, config.range);
    const chooseRange = (min: number, max: number) =>
      histogramRange(activation.name, min, max, config.range);
    const layers: LayerStats[] = [];
    const secondMoments: number[] = [];
    let x = space.inputFor(space.layers[0]);
    for (let layer = 1; layer <= config.layers; layer++) {
      const fanIn = widths[layer - 1] as number;
      const fanOut = widths[layer] as number;
      // x is (samples, fanIn), w is (fanIn, fanOut); z = φ(scale·(x·w) + b) is (samples, fanOut).
      const { w, scale, secondMoment, sharedKey } = this.#weights(layer);
      secondMoments.push(secondMoment);
      const b = this.#bias(layer);
      const z = prefix(core, space.layers[layer % 2] as F32Block, samples * fanOut);
      const keep = config.gradients ? space.pre[layer - 1] : undefined;
      let measure: (stats: StatsRequest) => LayerPass;
      if (keep || b) {
        // A = scale·(x·w) + b is needed on its own: kept for the backward pass, or to add the bias.
        const a = keep ?? z;
        core.denseInto(x, w, a, samples, fanIn, fanOut, 'linear', { scale });
        if (b) addBias(a.array, b.array, samples, fanOut);
        measure = (stats) => core.activateInto(kernel, a, z, { ...this.#alpha, stats });
      } else if (layer === 1 && sharedKey) {
        // Every run's first layer is φ(scale·(X·w)) with the same X and w: multiply once per sweep
        // (once per run when nothing is shared). The same two passes either way, so a run's numbers
        // do not depend on what else its sweep holds.
        const input = x;
        const xw = space.shared(`x${sharedKey}`, samples * fanOut, z, (out) =>
          core.matmulInto(input, w, out, samples, fanIn, fanOut),
        );
        measure = (stats) => core.activateInto(kernel, xw, z, { ...this.#alpha, scale, stats });
      } else {
        const input = x;
        measure = (stats) =>
          core.denseInto(input, w, z, samples, fanIn, fanOut, kernel, {
            ...this.#alpha,
            scale,
            stats,
          });
      }
      layers.push(measureLayer(core, z, layer, bins, fixed, chooseRange, measure));
      x = z;
      await this.#tick();
    }
    return { layers, secondMoments };
  }

  /**
   * Backward pass at initialization: e ~ N(0, 1) at the top output, δ^L = φ'(A^L) ⊙ e,
   * δ^l = φ'(A^l) ⊙ (δ^{l+1}·(W^{l+1})ᵀ); per layer the statistics of δ^l and ‖(Z^{l−1})ᵀ·δ^l‖_F.
   */
  async backward(): Promise<LayerGradients[]> {
    const core = this.#core;
    const space = this.#space;
    const kernel = this.#kernel;
    const { config } = this.#plan;
    const { samples, widths, bins, layers } = config;
    const delta = space.delta as F32Block;
    const product = space.product as F32Block;
    const gradients: LayerGradients[] = new Array(layers);
    let d = prefix(core, delta, samples * (widths[layers] as number));
    core.normalInto(d, config.seed, topGradientStream, 1);
    core.backwardInto(kernel, space.pre[layers - 1] as F32Block, d, d, this.#alpha);
    for (let layer = layers; layer >= 1; layer--) {
      const fanIn = widths[layer - 1] as number;
      const fanOut = widths[layer] as number;
      // d is δ^l (samples, fanOut); zPrev is Z^{l−1} (samples, fanIn).
      let zPrev: F32Block;
      if (layer === 1) zPrev = space.inputFor(space.layers[0]);
      else {
        zPrev = prefix(core, space.layers[0], samples * fanIn);
        core.activateInto(kernel, space.pre[layer - 2] as F32Block, zPrev, this.#alpha);
      }
      const g = prefix(core, space.weightGrad as F32Block, fanIn * fanOut);
      core.matmulTransAInto(zPrev, d, g, samples, fanIn, fanOut);
      // The gradient of the effective weights scale·w (A^l = Z^{l−1}·(scale·w)).
      const norm = Math.sqrt(core.sumSquaresOf(g));
      gradients[layer - 1] = {
        ...gradientStats(core, d, bins),
        weightGradNorm: Number.isFinite(norm) ? norm : null,
      };
      if (layer > 1) {
        // δ^{l−1} = φ'(A^{l−1}) ⊙ (scale·(δ^l·wᵀ)): the product is (samples, fanIn).
        const { w, scale } = this.#weights(layer);
        const p = prefix(core, product, samples * fanIn);
        core.matmulTransBInto(d, w, p, samples, fanOut, fanIn);
        if (scale !== 1) core.activateInto('linear', p, p, { scale });
        d = prefix(core, delta, samples * fanIn);
        core.backwardInto(kernel, space.pre[layer - 2] as F32Block, p, d, this.#alpha);
      }
      await this.#tick();
    }
    return gradients;
  }
}

function resultsConfig(config: ResolvedSweepConfig): ResultsConfig {
  const { layers, width, samples, bins, seed, range } = config;
  const out: ResultsConfig = { layers, width, samples, bins, seed };
  if (range) out.range = range;
  if (config.customWidths) out.widths = config.widths;
  if (config.biasStd > 0) out.biasStd = config.biasStd;
  if (config.gradients) out.gradients = true;
  if (config.theory) out.theory = true;
  return out;
}

/**
 * Runs every (activation, init) pair of the sweep, activations outermost.
 * A run that fails becomes `state: 'errored'` with its message; the others are unaffected.
 */
export async function sweep(
  options: SweepOptions = {},
  hooks: SimulateHooks = {},
): Promise<Results> {
  const config = resolveSweepConfig(options);
  const core = hooks.core ?? (await getCore());
  const runCount = config.activations.length * config.inits.length;
  const stepsPerRun = config.layers * (config.gradients ? 2 : 1);
  const total = runCount * stepsPerRun;
  let done = 0;
  let lastYield = performance.now();
  const tick = async () => {
    done++;
    hooks.onProgress?.(done, total);
    if (performance.now() - lastYield >= yieldEveryMs) {
      await pause();
      lastYield = performance.now();
    }
    hooks.signal?.throwIfAborted();
  };
  hooks.signal?.throwIfAborted();
  const space = new Workspace(core, config, runCount);
  const runs: RunResult[] = [];
  try {
    for (const activationId of config.activations) {
      for (const initId of config.inits) {
        const before = done;
        try {
          const plan = {
            activation: parseActivation(activationId),
            init: parseInit(initId),
            config,
          };
          const run = new Run(core, space, plan, tick);
          const { layers, secondMoments } = await run.forward();
          if (config.gradients) {
            const gradients = await run.backward();
            layers.forEach((layer, i) => {
              layer.gradients = gradients[i] as LayerGradients;
            });
          }
          const weightStd = secondMoments.map(Math.sqrt);
          const result: RunResult = {
            activation: activationId,
            init: initId,
            state: 'completed',
            weightStd,
            layers,
          };
          if (config.theory) {
            const theory = runTheory(activationId, config, layers, secondMoments);
            layers.forEach((layer, i) => {
              layer.theory = theory.layers[i] as LayerTheory;
            });
            result.theory = theory.run;
          }
          runs.push(result);
        } catch (error) {
          if (hooks.signal?.aborted) throw error;
          done = before + stepsPerRun;
          runs.push({
            activation: activationId,
            init: initId,
            state: 'errored',
            message: error instanceof Error ? error.message : String(error),
            weightStd: [],
            layers: [],
          });
        }
      }
    }
  } finally {
    space.free();
  }
  return { tool: 'initscope', version, config: resultsConfig(config), runs };
}

/** Runs one (activation, init) configuration; the results hold exactly one run. */
export function simulate(options: RunOptions, hooks: SimulateHooks = {}): Promise<Results> {
  const { activation, init, ...rest } = options;
  return sweep({ ...rest, activations: [activation], inits: [init] }, hooks);
}
