// The init-time diagnosis of a training run: sim's activation and gradient verdicts, measured on the
// network at initialization on the first mini-batch (the forward and backward pass of iteration 0),
// and χ₁ and the phase of sim's mean-field theory for the hidden layers' σ_w².
import { type F32Block, saturationThresholds } from '@initscope/core-wasm';
import {
  activationFacts,
  activationVerdict,
  gradientVerdict,
  type LayerStats,
  type MeanFieldPhase,
  phase,
  sigmaW2For,
} from '@initscope/sim';

/** sim's activations verdict (codes and thresholds: sim's `verdictThresholds`). */
export type ActivationDiagnosis = ReturnType<typeof activationVerdict>;
/** sim's gradients verdict, always `source: 'measured'` here. */
export type GradientDiagnosis = NonNullable<ReturnType<typeof gradientVerdict>>;

/** The diagnosis of one run at initialization. */
export interface TrainDiagnosis {
  /** sim's activations verdict on the hidden layers' outputs φ(a) for the first mini-batch. */
  activations: ActivationDiagnosis;
  /** sim's gradients verdict: Var(∂L/∂a) of hidden layer 1 over that of the last hidden layer. */
  gradients?: GradientDiagnosis;
  /**
   * σ_w² = fan_in·E[w²] of the hidden-to-hidden weights (layer 2, fan-in = widths[1]), the value the
   * mean-field recursion repeats over depth; null with a single hidden layer.
   */
  sigmaW2: number | null;
  /** χ₁ = σ_w²·E[φ'(√q*·z)²] at the length map's fixed point (σ_b² = 0: biases start at zero). */
  chi1: number | null;
  /** ordered (χ₁ < 1), critical or chaotic (χ₁ > 1). */
  phase: MeanFieldPhase | null;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** LayerStats of `length` values of a block, as sim's verdicts read them (one-bin histogram). */
function layerStats(
  layer: number,
  values: Float32Array,
  length: number,
  bounds: readonly [number, number] | null,
): LayerStats {
  let finite = 0;
  let sum = 0;
  let zeros = 0;
  let saturated = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const [loT, hiT] = bounds ? saturationThresholds({ lo: bounds[0], hi: bounds[1] }) : [0, 0];
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    finite++;
    sum += v;
    if (v === 0) zeros++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (bounds && (v <= loT || v >= hiT)) saturated++;
  }
  const mean = finite > 0 ? sum / finite : null;
  let sq = 0;
  if (mean !== null) {
    for (let i = 0; i < length; i++) {
      const v = values[i] as number;
      if (Number.isFinite(v)) sq += (v - mean) ** 2;
    }
  }
  return {
    layer,
    mean,
    std: mean === null ? null : Math.sqrt(sq / finite),
    min: finite > 0 ? min : null,
    max: finite > 0 ? max : null,
    zeroFraction: zeros / length,
    nonFinite: length - finite,
    saturation: bounds ? saturated / length : null,
    histogram: {
      edges: finite > 0 ? [min, max === min ? min + 1 : max] : [0, 1],
      counts: [finite],
      below: 0,
      above: 0,
    },
  };
}

/**
 * The diagnosis from the hidden layers' outputs `h[l]` and gradients `delta[l]` (l = 0 … hidden − 1)
 * of `rows` rows, for the network `widths` with `activation` and initializer `init`.
 */
export function diagnose(
  widths: readonly number[],
  activation: string,
  init: string,
  rows: number,
  h: readonly F32Block[],
  delta: readonly F32Block[],
): TrainDiagnosis {
  const hidden = widths.length - 2;
  const { bounds } = activationFacts(activation);
  const layers: LayerStats[] = [];
  for (let l = 0; l < hidden; l++) {
    const n = rows * (widths[l + 1] as number);
    const stats = layerStats(l + 1, (h[l] as F32Block).array, n, bounds);
    const g = layerStats(l + 1, (delta[l] as F32Block).array, n, null);
    stats.gradients = {
      variance: g.std === null ? null : g.std ** 2,
      mean: g.mean,
      nonFinite: g.nonFinite,
      zeroFraction: g.zeroFraction,
      histogram: g.histogram,
      weightGradNorm: null,
    };
    layers.push(stats);
  }
  const acts = activationVerdict(activation, layers);
  const grads = gradientVerdict(layers);
  let sigmaW2: number | null = null;
  let chi1: number | null = null;
  let meanFieldPhase: MeanFieldPhase | null = null;
  if (hidden >= 2) {
    sigmaW2 = sigmaW2For(init, widths[1] as number, widths[2] as number, activation);
    const fixed = phase(activation, sigmaW2, 0);
    chi1 = finiteOrNull(fixed.chi1);
    meanFieldPhase = fixed.phase;
  }
  const theory = { sigmaW2, chi1, phase: meanFieldPhase };
  return grads
    ? { activations: acts, gradients: grads, ...theory }
    : { activations: acts, ...theory };
}
