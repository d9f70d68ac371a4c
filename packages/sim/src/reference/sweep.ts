import { reference } from '@initscope/core-wasm';
import type { CompletedRun, LayerGradients, LayerStats, Results } from '@initscope/results';
import { activationFacts } from '../activation-registry.js';
import type { ActivationSpec } from '../activations.js';
import { completedRun } from '../completed-run.js';
import {
  isResolved,
  type ResolvedSweepConfig,
  resolveSweepConfig,
  type SweepOptions,
} from '../config.js';
import { histogramRange } from '../histogram-range.js';
import type { InitContext, Initializer } from '../initializers.js';
import { weightSecondMoment } from '../initializers.js';
import { resultsConfig } from '../results-config.js';
import { gradientRange, gradientsOf } from '../stats.js';
import { biasStream, inputStream, topGradientStream, weightStream } from '../streams.js';
import { verdictThresholds } from '../verdict.js';
import { version } from '../version.js';
import { naiveActivate, naiveBackward } from './activate.js';
import { layerStatsOf } from './layer-stats.js';
import { product, transpose } from './matmul.js';
import { exactQuantiles } from './quantiles.js';
import { referenceWeights } from './weights.js';

// Dimension legend: samples rows; layer l maps fanIn = widths[l − 1] features to fanOut = widths[l].

/** Which values a `ReferenceHooks.onValues` call shows: a layer's activations Z^l, or its gradient δ^l. */
export interface ValuesOf {
  activation: string;
  init: string;
  layer: number;
  kind: 'activations' | 'gradients';
}

/** Hooks of `referenceSweep`. */
export interface ReferenceHooks {
  /** Sees every array a layer's statistics are computed from (tests compare near bin edges with it). */
  onValues?: (where: ValuesOf, values: Float32Array) => void;
}

/** What the forward pass of one run keeps for the backward pass. */
interface Forward {
  layers: LayerStats[];
  secondMoments: number[];
  /** X, then every layer's effective weights W^l (fanIn, fanOut) and pre-activations A^l (samples, fanOut). */
  input: Float32Array;
  weights: Float32Array[];
  pre: Float32Array[];
}

/** Z^l = φ(X^{l−1}·W^l + b^l) for l = 1…layers, with every layer's statistics. */
function forward(
  config: ResolvedSweepConfig,
  activation: ActivationSpec,
  init: Initializer,
  input: Float32Array,
  hooks: ReferenceHooks,
): Forward {
  const { samples, widths, seed, bins } = config;
  const context: InitContext = { activation: activation.name };
  if (activation.alpha !== undefined) context.alpha = activation.alpha;
  const alpha = activation.alpha ?? 0;
  const range = (min: number, max: number) => histogramRange(activation, min, max, config.range);
  const bounds = activationFacts(activation).bounds;
  const result: Forward = { layers: [], secondMoments: [], input, weights: [], pre: [] };
  let x = input;
  for (let layer = 1; layer <= config.layers; layer++) {
    const fanIn = widths[layer - 1] as number;
    const fanOut = widths[layer] as number;
    const draw = init.draw(fanIn, fanOut, context);
    result.secondMoments.push(weightSecondMoment(draw, fanIn, fanOut));
    const w = referenceWeights(draw, fanIn, fanOut, seed, weightStream(layer));
    // a = x·w + b is (samples, fanOut).
    const a = product(x, w, samples, fanIn, fanOut);
    if (config.biasStd > 0) {
      const b = reference.normal(fanOut, seed, biasStream(layer), config.biasStd);
      for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i % fanOut] as number);
    }
    const z = naiveActivate(activation.name, a, new Float32Array(a.length), alpha);
    hooks.onValues?.({ activation: activation.id, init: init.id, layer, kind: 'activations' }, z);
    result.layers.push({
      ...layerStatsOf(z, layer, bins, range, bounds),
      quantiles: exactQuantiles(z),
    });
    result.weights.push(w);
    result.pre.push(a);
    x = z;
  }
  return result;
}

/**
 * Backward pass from e ~ N(0, 1) at the top output: δ^L = φ′(A^L) ⊙ e,
 * δ^{l−1} = φ′(A^{l−1}) ⊙ (δ^l·(W^l)ᵀ); per layer the statistics of δ^l and ‖(Z^{l−1})ᵀ·δ^l‖_F.
 */
function backward(
  config: ResolvedSweepConfig,
  activation: ActivationSpec,
  init: Initializer,
  pass: Forward,
  hooks: ReferenceHooks,
): LayerGradients[] {
  const { samples, widths, seed, bins, layers } = config;
  const alpha = activation.alpha ?? 0;
  const gradients: LayerGradients[] = new Array(layers);
  const top = reference.normal(samples * (widths[layers] as number), seed, topGradientStream, 1);
  let d = naiveBackward(activation.name, pass.pre[layers - 1] as Float32Array, top, top, alpha);
  for (let layer = layers; layer >= 1; layer--) {
    const fanIn = widths[layer - 1] as number;
    const fanOut = widths[layer] as number;
    // d is δ^l (samples, fanOut); zPrev is Z^{l−1} (samples, fanIn); g = zPrevᵀ·d is (fanIn, fanOut).
    const zPrev =
      layer === 1
        ? pass.input
        : naiveActivate(
            activation.name,
            pass.pre[layer - 2] as Float32Array,
            new Float32Array(samples * fanIn),
            alpha,
          );
    const g = product(transpose(zPrev, samples, fanIn), d, fanIn, samples, fanOut);
    let squares = 0;
    for (const v of g) squares += v * v;
    const norm = Math.sqrt(squares);
    hooks.onValues?.({ activation: activation.id, init: init.id, layer, kind: 'gradients' }, d);
    gradients[layer - 1] = {
      ...gradientsOf(layerStatsOf(d, 0, bins, gradientRange)),
      weightGradNorm: Number.isFinite(norm) ? norm : null,
    };
    if (layer > 1) {
      // p = d·wᵀ is (samples, fanIn).
      const w = pass.weights[layer - 1] as Float32Array;
      const p = product(d, transpose(w, fanIn, fanOut), samples, fanOut, fanIn);
      d = naiveBackward(activation.name, pass.pre[layer - 2] as Float32Array, p, p, alpha);
    }
  }
  return gradients;
}

/**
 * The plain-JS reference of `sweep()`: the same configuration and the same random draws (core-wasm's
 * plain-TS RNG), computed the way one writes it without a library — the weights materialized as f32
 * σ·z, i-k-j matmuls, activations by their f64 formulas, statistics in JS loops. Its statistics equal
 * `sweep()`'s up to f32 rounding; the mean-field predictions come from the same code. Synchronous;
 * a failure throws rather than becoming an errored run.
 */
export function referenceSweep(
  options: SweepOptions | ResolvedSweepConfig = {},
  hooks: ReferenceHooks = {},
): Results {
  const config = isResolved(options) ? options : resolveSweepConfig(options);
  const { samples, widths, seed } = config;
  const input = reference.normal(samples * (widths[0] as number), seed, inputStream, 1);
  const runs: CompletedRun[] = [];
  for (const activation of config.activations) {
    for (const init of config.inits) {
      const pass = forward(config, activation, init, input, hooks);
      const gradients = config.gradients
        ? backward(config, activation, init, pass, hooks)
        : undefined;
      const run = completedRun(config, activation, init, pass, gradients);
      runs.push(run);
    }
  }
  return { tool: 'initscope', version, config: resultsConfig(config), runs, verdictThresholds };
}
