// The two verdicts of a completed run, each from a measurement of the same run: what its activations
// do over depth, and what its gradients do (measured with --gradients, else predicted with --theory).
// The thresholds are named constants, written to the JSON (`verdictThresholds`) and shown by the report.

import type {
  ActivationVerdict,
  CompletedRun,
  GradientVerdict,
  LayerStats,
  RunVerdict,
  VerdictThresholds,
} from '@initscope/results';
import { activationFacts } from './activation-registry.js';

/** dead: some layer has at least this share of exact zeros (ReLU outputs about ½ normally). */
export const deadZeroFraction = 0.9;
/** exploding: std grows by more than this factor per layer (geometric mean from layer 1 to L). */
export const explodingGrowth = 2;
/** saturated: some layer's exact saturation (share of values within 0.05 of a bound) is at least this. */
export const saturationThreshold = 0.3;
/** collapsed: std shrinks faster than this factor per layer. */
export const collapseGrowth = 0.5;
/** collapsed: layer L's std is below this share of a bounded activation's range. */
export const collapseSpread = 0.05;
/** drifting: std of layer L over layer 1 is above this factor or below its inverse, every step mild. */
export const driftFactor = 10;
/** gradients vanishing: Var(δ¹)/Var(δᴸ) below this. */
export const vanishingRatio = 0.1;
/** gradients exploding: Var(δ¹)/Var(δᴸ) above this. */
export const explodingRatio = 10;

/** Every threshold, as the JSON's `verdictThresholds`. */
export const verdictThresholds: VerdictThresholds = {
  deadZeroFraction,
  explodingGrowth,
  saturation: saturationThreshold,
  collapseGrowth,
  collapseSpread,
  driftFactor,
  vanishingRatio,
  explodingRatio,
};

const layerTotal = (stats: LayerStats) =>
  stats.histogram.counts.reduce((a, b) => a + b, 0) +
  stats.histogram.below +
  stats.histogram.above +
  stats.nonFinite;

function evidence(
  code: ActivationVerdict['code'],
  measure: NonNullable<ActivationVerdict['measure']>,
  layer: number,
  value: number,
): ActivationVerdict {
  return { code, measure, layer, value };
}

/**
 * The activations verdict: the first that applies of overflow (NaN/±Inf in some layer), dead
 * (`deadZeroFraction`), exploding (`explodingGrowth`), saturated (`saturationThreshold`, exact
 * saturation of a bounded activation), collapsed (`collapseGrowth`, or `collapseSpread` for a
 * bounded activation), drifting (`driftFactor`); else healthy.
 */
export function activationVerdict(activation: string, layers: LayerStats[]): ActivationVerdict {
  const overflow = layers.find((stats) => stats.nonFinite > 0);
  if (overflow) {
    const share = overflow.nonFinite / layerTotal(overflow);
    return evidence('overflow', 'nonFinite', overflow.layer, share);
  }
  const dead = layers.find((stats) => stats.zeroFraction >= deadZeroFraction);
  if (dead) return evidence('dead', 'zeroFraction', dead.layer, dead.zeroFraction);
  const first = layers[0];
  const deepest = layers[layers.length - 1];
  const healthy: ActivationVerdict = { code: 'healthy', measure: null, layer: null, value: null };
  if (!first || !deepest) return healthy;
  const steps = layers.length - 1;
  const usable = first.std !== null && first.std > 0 && deepest.std !== null;
  const drift = usable ? (deepest.std as number) / (first.std as number) : null;
  const growth = drift !== null && steps >= 1 ? drift ** (1 / steps) : null;
  if (growth !== null && growth > explodingGrowth) {
    return evidence('exploding', 'growth', deepest.layer, growth);
  }
  let worst: LayerStats | undefined;
  for (const stats of layers) {
    const s = stats.saturation;
    if (s != null && s >= saturationThreshold && s > (worst?.saturation ?? 0)) worst = stats;
  }
  if (worst) return evidence('saturated', 'saturation', worst.layer, worst.saturation as number);
  if (growth !== null && growth < collapseGrowth) {
    return evidence('collapsed', 'growth', deepest.layer, growth);
  }
  const { bounds } = activationFacts(activation);
  if (bounds && deepest.std !== null) {
    const spread = deepest.std / (bounds[1] - bounds[0]);
    if (spread < collapseSpread) return evidence('collapsed', 'spread', deepest.layer, spread);
  }
  if (drift !== null && (drift > driftFactor || drift < 1 / driftFactor)) {
    return evidence('drifting', 'drift', deepest.layer, drift);
  }
  return healthy;
}

/** Var(δ¹)/Var(δᴸ) judged against `vanishingRatio` and `explodingRatio`. */
function gradientCode(bottom: number | null, top: number | null): GradientVerdict['code'] {
  if (bottom === null || !Number.isFinite(bottom)) return 'exploding';
  if (top === null || !Number.isFinite(top)) return 'vanishing';
  if (top === 0) return bottom > 0 ? 'exploding' : 'vanishing';
  const ratio = bottom / top;
  if (ratio < vanishingRatio) return 'vanishing';
  if (ratio > explodingRatio) return 'exploding';
  return 'stable';
}

/**
 * The gradients verdict from Var(δ) of the bottom (layer 1) and the top (layer L) layer: measured
 * (`layers[].gradients.variance`) when the backward pass ran, else predicted
 * (`layers[].theory.gradientVariance`); undefined when neither is there. A non-finite bottom
 * variance (overflow) is exploding; value is null when the ratio is not a finite number.
 */
export function gradientVerdict(layers: LayerStats[]): GradientVerdict | undefined {
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (!first || !last) return undefined;
  let source: GradientVerdict['source'];
  let bottom: number | null;
  let top: number | null;
  if (first.gradients && last.gradients) {
    source = 'measured';
    bottom = first.gradients.variance;
    top = last.gradients.variance;
    // NaN/±Inf in δ: the measured variance is of the finite values only
    if (first.gradients.nonFinite > 0) bottom = null;
  } else if (first.theory && last.theory) {
    source = 'theory';
    bottom = first.theory.gradientVariance;
    top = last.theory.gradientVariance;
  } else {
    return undefined;
  }
  const code = gradientCode(bottom, top);
  const ratio = bottom !== null && top !== null && top > 0 ? bottom / top : null;
  return { code, source, value: ratio !== null && Number.isFinite(ratio) ? ratio : null };
}

/** Both verdicts of a completed run. */
export function runVerdict(run: CompletedRun): RunVerdict {
  const verdict: RunVerdict = { activations: activationVerdict(run.activation, run.layers) };
  const gradients = gradientVerdict(run.layers);
  if (gradients) verdict.gradients = gradients;
  return verdict;
}
