import type { RunResult, VerdictThresholds } from '@initscope/results';

/**
 * Documents without verdict thresholds: Var(δ) counts as kept from the top layer down to layer 1
 * when it changes by less than this factor either way. Documents with thresholds use theirs.
 */
export const gradientKeptFactor = 2;

/** How a run's gradient variance changes from the top layer L down to layer 1. */
export interface GradientTrend {
  /** The top layer with a finite, positive Var(δ) (normally L), and that variance. */
  top: number;
  topVariance: number;
  /** The lowest such layer (normally 1), and its variance. */
  bottom: number;
  bottomVariance: number;
  /** Var(δ^bottom) / Var(δ^top). */
  ratio: number;
  /** The ratio per layer: ratio^(1 / (top − bottom)). */
  perLayer: number;
  /** `shrinks` below `limits[0]`, `grows` above `limits[1]`, else `kept`. */
  direction: 'shrinks' | 'grows' | 'kept';
  /** The ratios the direction is judged against: the gradients verdict's thresholds when given. */
  limits: [number, number];
}

/**
 * The trend of Var(δ^l) from the top layer down to layer 1, judged with the gradients verdict's
 * thresholds (`vanishingRatio`, `explodingRatio`) when given, so the sentence never contradicts the
 * verdict; null without two layers of finite, positive variance.
 */
export function gradientTrend(
  run: RunResult,
  thresholds?: Pick<VerdictThresholds, 'vanishingRatio' | 'explodingRatio'>,
): GradientTrend | null {
  const usable = run.layers.filter((stats) => {
    const variance = stats.gradients?.variance;
    return variance != null && Number.isFinite(variance) && variance > 0;
  });
  const lowest = usable[0];
  const highest = usable[usable.length - 1];
  if (!lowest || !highest || lowest === highest) return null;
  const bottomVariance = lowest.gradients?.variance ?? 0;
  const topVariance = highest.gradients?.variance ?? 0;
  const ratio = bottomVariance / topVariance;
  const limits: [number, number] = thresholds
    ? [thresholds.vanishingRatio, thresholds.explodingRatio]
    : [1 / gradientKeptFactor, gradientKeptFactor];
  const direction = ratio < limits[0] ? 'shrinks' : ratio > limits[1] ? 'grows' : 'kept';
  return {
    top: highest.layer,
    topVariance,
    bottom: lowest.layer,
    bottomVariance,
    ratio,
    perLayer: ratio ** (1 / (highest.layer - lowest.layer)),
    direction,
    limits,
  };
}

/**
 * Mean-field prediction of Var(δ^l) from the top down: the top layer's measured Var(δ^L), then
 * Var(δ^l) = χ^l · Var(δ^{l+1}) (χ^l = σ_w²·E[φ'(√q^l·z)²] holds φ' at layer l and the weights
 * above it). Null unless the top layer has a finite variance and every layer a finite χ.
 */
export function predictedGradientVariance(
  run: RunResult,
): { layer: number; value: number }[] | null {
  const top = run.layers[run.layers.length - 1];
  const start = top?.gradients?.variance;
  if (!top || start == null || !Number.isFinite(start)) return null;
  const out: { layer: number; value: number }[] = [{ layer: top.layer, value: start }];
  let value = start;
  for (let i = run.layers.length - 2; i >= 0; i--) {
    const chi = run.layers[i]?.theory?.chi;
    const layer = run.layers[i]?.layer;
    if (chi == null || !Number.isFinite(chi) || layer === undefined) return null;
    value *= chi;
    out.unshift({ layer, value });
  }
  return out;
}
