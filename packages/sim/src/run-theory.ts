import type { ResolvedSweepConfig } from './config.js';
import type { LayerStats, LayerTheory, RunTheory } from './results.js';
import { expectedHistogram, meanField, phase } from './theory/index.js';

/** x when it is a finite number, else null (JSON has no Infinity or NaN). */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Mean-field predictions for one completed run: per layer q, mean, std, χ, gradient variance and the
 * expected histogram on the run's own edges; per run the fixed point and phase of its first layer's σ_w².
 * `secondMoments[l]` is E[w²] of layer l + 1's weights, so σ_w² = fan_in·E[w²].
 */
export function runTheory(
  activation: string,
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
      q: finite(p.q),
      mean: finite(p.mean),
      std: finite(p.std),
      chi: finite(p.chi),
      gradientVariance: finite(p.gradientVariance),
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
      qStar: finite(fixed.qStar),
      chi1: finite(fixed.chi1),
      phase: fixed.phase,
      depthScale: finite(fixed.depthScale),
    },
  };
}
