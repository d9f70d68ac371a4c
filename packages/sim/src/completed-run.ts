import type { CompletedRun, LayerGradients, LayerStats, LayerTheory } from '@initscope/results';
import type { ActivationSpec } from './activations.js';
import type { ResolvedSweepConfig } from './config.js';
import type { Initializer } from './initializers.js';
import { runTheory } from './run-theory.js';
import { runVerdict } from './verdict.js';

/**
 * One completed run of the results from what its passes measured: the layers' statistics, each
 * layer's E[w²] (`secondMoments`), the gradients when the backward pass ran, and the mean-field
 * predictions when the config asks for them. The key order is the JSON's.
 */
export function completedRun(
  config: ResolvedSweepConfig,
  activation: ActivationSpec,
  init: Initializer,
  forward: { layers: LayerStats[]; secondMoments: number[] },
  gradients?: LayerGradients[],
): CompletedRun {
  const { layers, secondMoments } = forward;
  if (gradients) {
    layers.forEach((layer, i) => {
      layer.gradients = gradients[i] as LayerGradients;
    });
  }
  const run: CompletedRun = {
    activation: activation.id,
    init: init.id,
    state: 'completed',
    weightStd: secondMoments.map(Math.sqrt),
    layers,
  };
  if (config.theory) {
    const theory = runTheory(activation, config, layers, secondMoments);
    layers.forEach((layer, i) => {
      layer.theory = theory.layers[i] as LayerTheory;
    });
    run.theory = theory.run;
  }
  run.verdict = runVerdict(run);
  return run;
}
