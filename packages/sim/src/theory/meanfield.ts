/**
 * Mean-field signal propagation through a deep bias-free (or biased) dense network at initialization
 * (Poole et al. 2016, https://arxiv.org/abs/1606.05340; Schoenholz et al. 2017,
 * https://arxiv.org/abs/1611.01232). Weights W_ij ~ N(0, σ_w²/N_in), biases ~ N(0, σ_b²); q^l is the
 * second moment of layer l's pre-activations h = x·W + b:
 *   q¹ = σ_w²·q⁰ + σ_b²,   q^l = σ_w²·E_z[φ(√q^(l−1)·z)²] + σ_b²,   χ^l = σ_w²·E_z[φ'(√q^l·z)²].
 */
import { bindActivation } from '../activation-registry.js';
import { type ActivationLike, specOf } from '../activations.js';
import { type Initializer, parseInit, weightSecondMoment } from '../initializers.js';
import { gaussianExpectation } from './gaussian.js';

/** q⁰ = ‖x‖²/N of the simulation's input rows, X ~ N(0, 1) per element. */
export const defaultQ0 = 1;

/** The mean-field prediction for one hidden layer. */
export interface LayerPrediction {
  /** 1-based layer index, as in the simulation's results. */
  layer: number;
  /** Second moment (= variance) of the layer's pre-activations. */
  q: number;
  /** Mean of the post-activations, E[φ(√q·z)]. */
  mean: number;
  /** Standard deviation of the post-activations, √(E[φ²] − E[φ]²). */
  std: number;
  /**
   * χ = σ_w²·E[φ'(√q·z)²]: the factor by which backpropagation multiplies the mean squared gradient
   * per layer (< 1 vanishing, > 1 exploding).
   */
  chi: number;
  /**
   * Predicted Var(δ^l) of the backward pass from e ~ N(0, 1) at the top: δ^L = φ'(h^L) ⊙ e,
   * δ^l = φ'(h^l) ⊙ (δ^(l+1)·W^(l+1)ᵀ), so Var(δ^l) = E[φ'(h^l)²]·n_(l+1)·Var(W^(l+1))·Var(δ^(l+1))
   * (backward weights treated as independent of the forward ones, exact as width → ∞).
   */
  gradientVariance: number;
}

/** Options of `meanField`. */
export interface MeanFieldOptions {
  /** An activation id (`tanh`, `relu`, `leaky-relu:0.2`, …) or a parsed one. */
  activation: ActivationLike;
  /**
   * Weight variance times fan-in, σ_w² (`sigmaW2For` turns an initializer id into it); one number
   * for every layer, or one per layer.
   */
  sigmaW2: number | readonly number[];
  /** Bias variance σ_b². @default 0 */
  sigmaB2?: number;
  /** Hidden layers. */
  layers: number;
  /** Second moment of the input, ‖x‖²/N. @default 1 */
  q0?: number;
  /**
   * Input features, then each layer's width (layers + 1 numbers), for the backward pass through
   * layers of different widths. @default all equal
   */
  widths?: readonly number[];
}

/** The mean-field prediction for a layer stack. */
export interface MeanFieldResult {
  layers: LayerPrediction[];
}

/** Post-activation moments of φ(x) for x ~ N(0, q). */
export interface PostActivation {
  mean: number;
  std: number;
  /** E[φ(x)²]. */
  secondMoment: number;
  /** E[φ'(x)²]. */
  slopeMoment: number;
}

function checkVariance(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}.`);
  }
}

/** Mean, std, E[φ²] and E[φ'²] of an activation applied to x ~ N(0, q). */
export function postActivation(activation: ActivationLike, q: number): PostActivation {
  const { phi, dphi } = bindActivation(activation);
  checkVariance('q', q);
  const mean = gaussianExpectation(phi, q);
  const secondMoment = gaussianExpectation((x) => phi(x) * phi(x), q);
  const slopeMoment = gaussianExpectation((x) => dphi(x) * dphi(x), q);
  // E[φ²] − E[φ]² loses digits when the mean dominates; E[(φ − mean)²] does not.
  const variance = gaussianExpectation((x) => (phi(x) - mean) ** 2, q);
  return { mean, std: Math.sqrt(variance), secondMoment, slopeMoment };
}

/** Per-layer q, post-activation mean and std, χ and gradient variance, by the mean-field recursion. */
export function meanField(options: MeanFieldOptions): MeanFieldResult {
  const { activation, sigmaW2, sigmaB2 = 0, layers: depth, q0 = defaultQ0, widths } = options;
  bindActivation(activation);
  if (!Number.isInteger(depth) || depth < 1) {
    throw new RangeError(`layers must be an integer ≥ 1, got ${depth}.`);
  }
  const weights = typeof sigmaW2 === 'number' ? new Array<number>(depth).fill(sigmaW2) : sigmaW2;
  if (weights.length !== depth) {
    throw new RangeError(
      `sigmaW2 must hold one value per layer (${depth}), got ${weights.length}.`,
    );
  }
  for (const w of weights) checkVariance('sigmaW2', w);
  checkVariance('sigmaB2', sigmaB2);
  checkVariance('q0', q0);
  if (widths && (widths.length !== depth + 1 || widths.some((n) => !(n > 0)))) {
    throw new RangeError(
      `widths must hold ${depth + 1} positive numbers (input, then each layer).`,
    );
  }
  const moments: (PostActivation & { q: number })[] = [];
  let q = (weights[0] as number) * q0 + sigmaB2;
  for (let l = 0; l < depth; l++) {
    // Past f64's range the moments are meaningless: NaN rather than noise.
    const m = Number.isFinite(q)
      ? postActivation(activation, q)
      : { mean: Number.NaN, std: Number.NaN, secondMoment: Number.NaN, slopeMoment: Number.NaN };
    moments.push({ ...m, q });
    q = (weights[l + 1] ?? 0) * m.secondMoment + sigmaB2;
  }
  // Backward: Var(δ^L) = E[φ'²]; each layer down multiplies by n_(l+1)·Var(W^(l+1))·E[φ'(h^l)²].
  const gradientVariance = new Array<number>(depth);
  let variance = 1;
  for (let l = depth - 1; l >= 0; l--) {
    const slope = (moments[l] as PostActivation).slopeMoment;
    if (l < depth - 1) {
      const ratio = widths ? (widths[l + 2] as number) / (widths[l + 1] as number) : 1;
      variance *= (weights[l + 1] as number) * ratio;
    }
    variance *= slope;
    gradientVariance[l] = variance;
  }
  return {
    layers: moments.map((m, l) => ({
      layer: l + 1,
      q: m.q,
      mean: m.mean,
      std: m.std,
      chi: (weights[l] as number) * m.slopeMoment,
      gradientVariance: gradientVariance[l] as number,
    })),
  };
}

/**
 * σ_w² = fan_in·E[w²] of an initializer (an id or a parsed one) for a layer with these fans:
 * `std:σ` → fan_in·σ², `xavier`/`lecun` → 1, `he` → 2, `glorot-normal` → 2·fan_in/(fan_in + fan_out).
 * `activation` matters only for initializers that depend on it (`orthogonal:auto`).
 */
export function sigmaW2For(
  init: string | Initializer,
  fanIn: number,
  fanOut = fanIn,
  activation: ActivationLike = 'linear',
): number {
  const { name, alpha } = specOf(activation);
  const context = alpha === undefined ? { activation: name } : { activation: name, alpha };
  const draw = (typeof init === 'string' ? parseInit(init) : init).draw(fanIn, fanOut, context);
  return fanIn * weightSecondMoment(draw, fanIn, fanOut);
}
