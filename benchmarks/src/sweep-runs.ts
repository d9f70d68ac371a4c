import type { RunResult } from '@initscope/sim';

/** What every sweep engine hands back for checking: the runs of the results contract. */
export interface SweepRuns {
  runs: RunResult[];
}
