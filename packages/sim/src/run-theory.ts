import type { LayerStats, LayerTheory, RunTheory } from '@initscope/results';
import type { ActivationSpec } from './activations.js';
import type { ResolvedSweepConfig } from './config.js';
import { finiteOrNull } from './finite.js';
import { expectedHistogram } from './theory/histogram.js';
import { meanField } from './theory/meanfield.js';
import { phase } from './theory/phase.js';

/**
 * Mean-field predictions for one completed run: per layer q, mean, std, χ, gradient variance and the
 * expected histogram on the run's own edges; per run the fixed point and phase of its first layer's σ_w².
 * `secondMoments[l]` is E[w²] of layer l + 1's weights, so σ_w² = fan_in·E[w²].
 */
export function runTheory(
  activation: ActivationSpec,
  config: ResolvedSweepConfig,
  layers: LayerStats[],
  secondMoments: number[],
): { layers: LayerTheory[]; run: RunTheory } {
  const { widths, samples } = config;
  const sigmaW2 = secondMoments.map((m, l) => (widths[l] as number) * m);
  const sigmaB2 = config.biasStd ** 2;
  const prediction = meanField({ activation, sigmaW2, sigmaB2, layers: config.layers, widths });
  const perLayer = prediction.layers.map((p, l): LayerTheory => {
    const edges = layers[l]?.histogram.edges;
    const total = samples * (widths[l + 1] as number);
    const histogram =
      edges && Number.isFinite(p.q) ? expectedHistogram(activation, p.q, edges, total) : undefined;
    return {
      q: finiteOrNull(p.q),
      mean: finiteOrNull(p.mean),
      std: finiteOrNull(p.std),
      chi: finiteOrNull(p.chi),
      gradientVariance: finiteOrNull(p.gradientVariance),
      counts: histogram ? histogram.counts : null,
      below: histogram ? histogram.below : null,
      above: histogram ? histogram.above : null,
    };
  });
  const first = sigmaW2[0] as number;
  const fixed = phase(activation, first, sigmaB2);
  return {
    layers: perLayer,
    run: {
      sigmaW2: first,
      sigmaB2,
      qStar: finiteOrNull(fixed.qStar),
      chi1: finiteOrNull(fixed.chi1),
      phase: fixed.phase,
      depthScale: finiteOrNull(fixed.depthScale),
    },
  };
}
