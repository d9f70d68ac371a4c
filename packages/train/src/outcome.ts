// The outcome of a run, by the thresholds the training document carries (`outcomeThresholds`; the
// diagnosis at initialization is diagnosis.ts, by sim's verdict thresholds).
import type { TrainRun } from './train.js';

/** Final test accuracy at or above which a run "learned". */
export const learnedAccuracy = 0.85;
/** Final test accuracy below which a run "did not learn" (chance is 0.1 on ten classes). */
export const notLearnedAccuracy = 0.2;
/** The thresholds above, as the training document's `outcomeThresholds`. */
export const outcomeThresholds = { learned: learnedAccuracy, notLearned: notLearnedAccuracy };
/** What became of a run. */
export type Outcome = 'learned' | 'learned slowly' | 'did not learn' | 'diverged';

/** The run's outcome by the thresholds above (final evaluation). */
export function outcomeOf(run: Pick<TrainRun, 'state' | 'evals'>): Outcome {
  if (run.state === 'diverged') return 'diverged';
  const accuracy = run.evals.at(-1)?.testAccuracy ?? 0;
  if (accuracy >= learnedAccuracy) return 'learned';
  if (accuracy >= notLearnedAccuracy) return 'learned slowly';
  return 'did not learn';
}
