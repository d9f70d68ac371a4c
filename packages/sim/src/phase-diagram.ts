import type { PhaseDiagram } from '@initscope/results';
import { finiteOrNull } from './finite.js';
import {
  isResolvedPhase,
  type PhaseOptions,
  type ResolvedPhaseOptions,
  resolvePhaseOptions,
} from './phase-options.js';
import { sigmaW2For } from './theory/meanfield.js';
import {
  defaultPhaseGrid,
  type PhaseGrid,
  type PhaseRow,
  phase,
  phaseDiagram,
  phaseRow,
} from './theory/phase.js';
import { version } from './version.js';

/**
 * The `initscope phase` document: χ₁ over (σ_w², σ_b²), the χ₁ = 1 edge of chaos (for each σ_b² its
 * first crossing, or null), and the given initializers placed at (fan_in·E[w²], σ_b²). Takes options
 * from `resolvePhaseOptions` as they are, or resolves them once (throwing ConfigError).
 */
export function phaseDiagramDocument(
  options: PhaseOptions | ResolvedPhaseOptions,
  rows?: readonly PhaseRow[],
): PhaseDiagram {
  const { activation, inits, width, biasStd, grid } = isResolvedPhase(options)
    ? options
    : resolvePhaseOptions(options);
  const diagram = phaseDiagram(activation, grid, rows);
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

/** The (σ_w², σ_b²) grid a phase document is computed on. */
export function phaseGridOf(options: PhaseOptions | ResolvedPhaseOptions): PhaseGrid {
  const resolved = isResolvedPhase(options) ? options : resolvePhaseOptions(options);
  return resolved.grid ?? defaultPhaseGrid(resolved.activation);
}

/**
 * A slice of a phase diagram as a worker thread receives it: plain data. `rows` index the grid's
 * σ_b² values; the rows come back in the order given (see `phaseTask`).
 */
export interface PhaseTask {
  kind: 'phase';
  options: PhaseOptions;
  rows: number[];
}

/** Computes some rows of a phase diagram in the calling thread: a task function of the CLI's pool. */
export function phaseTask(task: PhaseTask): PhaseRow[] {
  const options = resolvePhaseOptions(task.options);
  const { sigmaW2, sigmaB2 } = phaseGridOf(options);
  return task.rows.map((i) => {
    const b = sigmaB2[i];
    if (b === undefined)
      throw new RangeError(`Phase row ${i} is outside the grid's 0…${sigmaB2.length - 1}.`);
    return phaseRow(options.activation, sigmaW2, b);
  });
}
