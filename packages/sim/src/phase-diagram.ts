import { parseActivation } from './activations.js';
import { parseInit } from './initializers.js';
import type { PhaseDiagram } from './results.js';
import { type PhaseGrid, phase, phaseDiagram, sigmaW2For } from './theory/index.js';
import { version } from './version.js';

/** Options of `phaseDiagramDocument`. */
export interface PhaseDiagramOptions {
  /** Activation id, e.g. `tanh` or `leaky-relu:0.2`. */
  activation: string;
  /** Initializers to place on the diagram. @default none */
  inits?: readonly string[];
  /** Fan-in used to turn `std:σ` into σ_w² = fan_in·σ². @default 100 */
  width?: number;
  /** σ_b of the configurations placed on the diagram. @default 0 */
  biasStd?: number;
  /** The (σ_w², σ_b²) grid. @default the activation's default grid (60 × 60) */
  grid?: PhaseGrid;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * The `initscope phase` document: χ₁ over (σ_w², σ_b²), the χ₁ = 1 edge of chaos (for each σ_b² its
 * first crossing, or null), and the given initializers placed at (fan_in·E[w²], σ_b²).
 */
export function phaseDiagramDocument(options: PhaseDiagramOptions): PhaseDiagram {
  const { activation, inits = [], width = 100, biasStd = 0 } = options;
  const spec = parseActivation(activation);
  for (const id of inits) parseInit(id);
  const diagram = phaseDiagram(activation, options.grid);
  const edge = diagram.sigmaB2.map((sigmaB2) => ({
    sigmaB2,
    sigmaW2: diagram.edge.find((point) => point.sigmaB2 === sigmaB2)?.sigmaW2 ?? null,
  }));
  const sigmaB2 = biasStd ** 2;
  const points = inits.map((init) => {
    const sigmaW2 = sigmaW2For(init, width, width, spec.name);
    const fixed = phase(activation, sigmaW2, sigmaB2);
    return { init, sigmaW2, sigmaB2, chi1: finite(fixed.chi1), phase: fixed.phase };
  });
  return {
    tool: 'initscope',
    version,
    activation,
    sigmaW2: diagram.sigmaW2,
    sigmaB2: diagram.sigmaB2,
    chi1: diagram.chi1.map((row) => row.map(finite)),
    edge,
    points,
  };
}
