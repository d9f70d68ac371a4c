import type { RunResult } from '@initscope/results';
// The one place seed counts depend on the verdict rules: re-point this import when they move.
import { type VerdictKind, verdict, verdictKinds } from './verdict.js';

/** How many seeds gave each verdict kind, in the order of `verdictKinds`, kinds that occurred only. */
export type SeedVerdicts = Partial<Record<VerdictKind, number>>;

/**
 * Per run of the sweep, how many of the K seeds gave each verdict (`perSeed[s][r]`: seed s, run r in
 * sweep order; every seed holds the same runs). The CLI stores these as each run's `seedVerdicts`.
 */
export function seedVerdictCounts(perSeed: readonly (readonly RunResult[])[]): SeedVerdicts[] {
  const runs = perSeed[0]?.length ?? 0;
  const out: SeedVerdicts[] = [];
  for (let r = 0; r < runs; r++) {
    const counts = new Map<VerdictKind, number>();
    for (const seed of perSeed) {
      const run = seed[r];
      if (run) {
        const kind = verdict(run).kind;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    const ordered: SeedVerdicts = {};
    for (const kind of verdictKinds) {
      const n = counts.get(kind);
      if (n !== undefined) ordered[kind] = n;
    }
    out.push(ordered);
  }
  return out;
}
