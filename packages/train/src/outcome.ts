// The outcome of a run and the measured diagnosis at initialization, with the thresholds the
// training page states.
import type { TrainRun } from './train.js';

/** Final test accuracy at or above which a run "learned". */
export const learnedAccuracy = 0.85;
/** Final test accuracy below which a run "did not learn" (chance is 0.1 on ten classes). */
export const notLearnedAccuracy = 0.2;
/** Gradient std ratio layer 1 / last layer at iteration 0 below which gradients "vanish". */
export const vanishingRatio = 0.1;
/** ... and above which they "explode". */
export const explodingRatio = 10;

/** What became of a run. */
export type Outcome = 'learned' | 'learned slowly' | 'did not learn' | 'diverged';

/** The run's outcome by the thresholds above (final evaluation). */
export function outcomeOf(run: TrainRun): Outcome {
  if (run.state === 'diverged') return 'diverged';
  const accuracy = run.evals.at(-1)?.testAccuracy ?? 0;
  if (accuracy >= learnedAccuracy) return 'learned';
  if (accuracy >= notLearnedAccuracy) return 'learned slowly';
  return 'did not learn';
}

/** The gradient verdict at initialization: std of ∂L/∂a at layer 1 over that at the last layer. */
export function gradientRatioAtInit(run: TrainRun): number | null {
  const layers = run.checkpoints.find((c) => c.iteration === 0)?.layers;
  const first = layers?.[0]?.gradients.std;
  const last = layers?.at(-1)?.gradients.std;
  if (first == null || last == null || last === 0) return null;
  return first / last;
}

/** 'vanishing' | 'exploding' | 'healthy' by the ratio thresholds; null without a checkpoint at 0. */
export function gradientVerdict(
  ratio: number | null,
): 'vanishing' | 'exploding' | 'healthy' | null {
  if (ratio === null) return null;
  if (ratio < vanishingRatio) return 'vanishing';
  if (ratio > explodingRatio) return 'exploding';
  return 'healthy';
}
