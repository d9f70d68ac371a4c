import type {
  Core,
  F32Block,
  LayerPass,
  SaturationBounds,
  StatsRequest,
} from '@initscope/core-wasm';
import type { LayerGradients, LayerStats } from '@initscope/results';
import { activationFacts } from './activation-registry.js';
import type { ActivationSpec } from './activations.js';
import type { ResolvedSweepConfig } from './config.js';
import { fixedRange, histogramRange } from './histogram-range.js';
import { type InitContext, type Initializer, weightSecondMoment } from './initializers.js';
import { gradientStats, measureLayer } from './stats.js';
import { biasStream, topGradientStream, weightStream } from './streams.js';
import { drawStandard, drawWeights, isScaledDraw } from './weights.js';
import type { Workspace } from './workspace.js';

// Dimension legend: samples rows; layer l maps fanIn = widths[l − 1] features to fanOut = widths[l].

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

/**
 * What computes a run's products: its Core, or a ThreadedCore on the same memory that splits them
 * across threads with the same bits.
 */
export type Products = Pick<
  Core,
  'matmulInto' | 'matmulTransAInto' | 'matmulTransBInto' | 'denseInto'
>;

/** What the forward pass measured: per-layer statistics and each layer's E[w²]. */
export interface ForwardPass {
  layers: LayerStats[];
  secondMoments: number[];
}

/**
 * One (activation, initializer) pushed through the layer stack at initialization, in the sweep's
 * workspace: `forward()` measures every layer's activations, `backward()` its gradients.
 */
export class LayerStack {
  readonly #core: Core;
  readonly #products: Products;
  readonly #space: Workspace;
  readonly #config: ResolvedSweepConfig;
  readonly #activation: ActivationSpec;
  readonly #init: Initializer;
  readonly #context: InitContext;
  readonly #alpha: { alpha?: number };
  readonly #tick: () => Promise<void>;

  constructor(
    core: Core,
    space: Workspace,
    config: ResolvedSweepConfig,
    run: { activation: ActivationSpec; init: Initializer },
    tick: () => Promise<void>,
    products: Products = core,
  ) {
    this.#core = core;
    this.#products = products;
    this.#space = space;
    this.#config = config;
    this.#activation = run.activation;
    this.#init = run.init;
    this.#tick = tick;
    const { name, alpha } = run.activation;
    this.#context = alpha === undefined ? { activation: name } : { activation: name, alpha };
    this.#alpha = alpha === undefined ? {} : { alpha };
  }

  /** Layer l's weights (fanIn, fanOut): shared standard draws scaled by the kernel, or drawn for this run. */
  #weights(layer: number): LayerWeights {
    const config = this.#config;
    const fanIn = config.widths[layer - 1] as number;
    const fanOut = config.widths[layer] as number;
    const draw = this.#init.draw(fanIn, fanOut, this.#context);
    const secondMoment = weightSecondMoment(draw, fanIn, fanOut);
    const stream = weightStream(layer);
    if (isScaledDraw(draw)) {
      const key = `${draw.kind}:${layer}`;
      const w = this.#space.shared(key, fanIn * fanOut, this.#space.weights, (out) =>
        drawStandard(this.#core, draw.kind, out, config.seed, stream),
      );
      return { w, scale: draw.std, secondMoment, sharedKey: key };
    }
    const w = this.#core.view(this.#space.weights, fanIn * fanOut);
    const scale = drawWeights(this.#core, draw, w, fanIn, fanOut, config.seed, stream);
    return { w, scale, secondMoment };
  }

  /** b ~ N(0, σ_b²) of layer l, or undefined without biases. */
  #bias(layer: number): F32Block | undefined {
    const config = this.#config;
    if (!this.#space.bias) return undefined;
    const b = this.#core.view(this.#space.bias, config.widths[layer] as number);
    this.#core.normalInto(b, config.seed, biasStream(layer), config.biasStd);
    return b;
  }

  async forward(): Promise<ForwardPass> {
    const core = this.#core;
    const products = this.#products;
    const space = this.#space;
    const config = this.#config;
    const kernel = this.#activation.name;
    const { samples, widths, bins } = config;
    const fixed = fixedRange(this.#activation, config.range);
    const bounds = activationFacts(this.#activation).bounds;
    const chooseRange = (min: number, max: number) =>
      histogramRange(this.#activation, min, max, config.range);
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
      const z = core.view(space.layers[layer % 2] as F32Block, samples * fanOut);
      const keep = config.gradients ? space.pre[layer - 1] : undefined;
      let measure: (stats: StatsRequest, saturation?: SaturationBounds) => LayerPass;
      if (keep || b) {
        // A = scale·(x·w) + b is needed on its own: kept for the backward pass, or to add the bias.
        const a = keep ?? z;
        products.denseInto(x, w, a, samples, fanIn, fanOut, 'linear', { scale });
        if (b) addBias(a.array, b.array, samples, fanOut);
        measure = (stats, saturation) =>
          core.activateInto(kernel, a, z, { ...this.#alpha, stats, saturation });
      } else if (layer === 1 && sharedKey) {
        // Every run's first layer is φ(scale·(X·w)) with the same X and w: multiply once per sweep
        // (once per run when nothing is shared). The same two passes either way, so a run's numbers
        // do not depend on what else its sweep holds.
        const input = x;
        const xw = space.shared(`x${sharedKey}`, samples * fanOut, z, (out) =>
          products.matmulInto(input, w, out, samples, fanIn, fanOut),
        );
        measure = (stats, saturation) =>
          core.activateInto(kernel, xw, z, { ...this.#alpha, scale, stats, saturation });
      } else {
        const input = x;
        measure = (stats, saturation) =>
          products.denseInto(input, w, z, samples, fanIn, fanOut, kernel, {
            ...this.#alpha,
            scale,
            stats,
            saturation,
          });
      }
      layers.push(measureLayer(core, z, layer, bins, fixed, chooseRange, measure, bounds));
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
    const products = this.#products;
    const space = this.#space;
    const config = this.#config;
    const kernel = this.#activation.name;
    const { samples, widths, bins, layers } = config;
    const delta = space.delta as F32Block;
    const product = space.product as F32Block;
    const gradients: LayerGradients[] = new Array(layers);
    let d = core.view(delta, samples * (widths[layers] as number));
    core.normalInto(d, config.seed, topGradientStream, 1);
    core.backwardInto(kernel, space.pre[layers - 1] as F32Block, d, d, this.#alpha);
    for (let layer = layers; layer >= 1; layer--) {
      const fanIn = widths[layer - 1] as number;
      const fanOut = widths[layer] as number;
      // d is δ^l (samples, fanOut); zPrev is Z^{l−1} (samples, fanIn).
      let zPrev: F32Block;
      if (layer === 1) zPrev = space.inputFor(space.layers[0]);
      else {
        zPrev = core.view(space.layers[0], samples * fanIn);
        core.activateInto(kernel, space.pre[layer - 2] as F32Block, zPrev, this.#alpha);
      }
      const g = core.view(space.weightGrad as F32Block, fanIn * fanOut);
      products.matmulTransAInto(zPrev, d, g, samples, fanIn, fanOut);
      // The gradient of the effective weights scale·w (A^l = Z^{l−1}·(scale·w)).
      const norm = Math.sqrt(core.sumSquaresOf(g));
      gradients[layer - 1] = {
        ...gradientStats(core, d, bins),
        weightGradNorm: Number.isFinite(norm) ? norm : null,
      };
      if (layer > 1) {
        // δ^{l−1} = φ'(A^{l−1}) ⊙ (scale·(δ^l·wᵀ)): the product is (samples, fanIn).
        const { w, scale } = this.#weights(layer);
        const p = core.view(product, samples * fanIn);
        products.matmulTransBInto(d, w, p, samples, fanOut, fanIn);
        if (scale !== 1) core.activateInto('linear', p, p, { scale });
        d = core.view(delta, samples * fanIn);
        core.backwardInto(kernel, space.pre[layer - 2] as F32Block, p, d, this.#alpha);
      }
      await this.#tick();
    }
    return gradients;
  }
}
