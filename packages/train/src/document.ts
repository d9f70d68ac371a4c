// The `initscope train --json` document: the configuration, the thresholds its diagnoses and outcomes
// were judged with, and every run with its outcome. The training page (@initscope/report) reads it
// and nothing else.
import { criticalTolerance, verdictThresholds } from '@initscope/sim';
import type { BandedTrainRun, TrainBand } from './bands.js';
import type { ResolvedTrainConfig } from './config.js';
import { type Outcome, outcomeOf, outcomeThresholds } from './outcome.js';
import type { TrainRun } from './train.js';

/** A run of the document: the run's fields with its `outcome` after `state` (and `divergedAt`). */
export type TrainDocumentRun = TrainRun & { outcome: Outcome; band?: TrainBand };

/** The training document (the results contract's `Training`, before JSON turns NaN into null). */
export interface TrainDocument {
  kind: 'initscope-train';
  config: ResolvedTrainConfig;
  verdictThresholds: typeof verdictThresholds;
  criticalTolerance: number;
  outcomeThresholds: { learned: number; notLearned: number };
  runs: TrainDocumentRun[];
}

/** The run with its outcome, keys in the document's order. */
function withOutcome(run: BandedTrainRun): TrainDocumentRun {
  const { init, activation, optimizer, state, divergedAt, ...rest } = run;
  return {
    init,
    activation,
    optimizer,
    state,
    ...(divergedAt === undefined ? {} : { divergedAt }),
    outcome: outcomeOf(run),
    ...rest,
  };
}

/** The `initscope train --json` document of `runs` (one per initializer, bands included) for `config`. */
export function trainDocument(
  config: ResolvedTrainConfig,
  runs: readonly BandedTrainRun[],
): TrainDocument {
  return {
    kind: 'initscope-train',
    config,
    verdictThresholds: { ...verdictThresholds },
    criticalTolerance,
    outcomeThresholds: { ...outcomeThresholds },
    runs: runs.map(withOutcome),
  };
}
