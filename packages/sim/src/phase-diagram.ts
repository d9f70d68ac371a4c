import type { PhaseDiagram } from '@initscope/results';
import { finiteOrNull } from './finite.js';
import {
  isResolvedPhase,
  type PhaseOptions,
  type ResolvedPhaseOptions,
  resolvePhaseOptions,
} from './phase-options.js';
import { sigmaW2For } from './theory/meanfield.js';
import { phase, phaseDiagram } from './theory/phase.js';
import { version } from './version.js';

/**
 * The `initscope phase` document: χ₁ over (σ_w², σ_b²), the χ₁ = 1 edge of chaos (for each σ_b² its
 * first crossing, or null), and the given initializers placed at (fan_in·E[w²], σ_b²). Takes options
 * from `resolvePhaseOptions` as they are, or resolves them once (throwing ConfigError).
 */
export function phaseDiagramDocument(options: PhaseOptions | ResolvedPhaseOptions): PhaseDiagram {
  const { activation, inits, width, biasStd, grid } = isResolvedPhase(options)
    ? options
    : resolvePhaseOptions(options);
  const diagram = phaseDiagram(activation, grid);
  const edge = diagram.sigmaB2.map((sigmaB2) => ({
    sigmaB2,
    sigmaW2: diagram.edge.find((point) => point.sigmaB2 === sigmaB2)?.sigmaW2 ?? null,
  }));
  const sigmaB2 = biasStd ** 2;
  const points = inits.map((init) => {
    const sigmaW2 = sigmaW2For(init, width, width, activation);
    const fixed = phase(activation, sigmaW2, sigmaB2);
    return { init: init.id, sigmaW2, sigmaB2, chi1: finiteOrNull(fixed.chi1), phase: fixed.phase };
  });
  return {
    tool: 'initscope',
    version,
    activation: activation.id,
    sigmaW2: diagram.sigmaW2,
    sigmaB2: diagram.sigmaB2,
    chi1: diagram.chi1.map((row) => row.map(finiteOrNull)),
    edge,
    points,
  };
}
