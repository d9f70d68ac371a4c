import { seedVerdictCounts } from '@initscope/report';
import {
  type ResolvedSweepConfig,
  type Results,
  type RunResult,
  sweepResults,
  sweepRunCount,
} from '@initscope/sim';

/**
 * The results document from every (seed, run) unit of a sweep, in unit order: with `--seeds K`, the
 * first seed's runs with seed bands (sim) and each run's `seedVerdicts` (the report's verdict rules).
 */
export function resultsOfUnits(config: ResolvedSweepConfig, units: readonly RunResult[]): Results {
  const results = sweepResults(config, units);
  if (config.seeds === 1) return results;
  const runCount = sweepRunCount(config);
  const perSeed: RunResult[][] = [];
  for (let s = 0; s < config.seeds; s++)
    perSeed.push(units.slice(s * runCount, (s + 1) * runCount));
  const counts = seedVerdictCounts(perSeed);
  return {
    ...results,
    runs: results.runs.map((run, r) => ({ ...run, seedVerdicts: counts[r] ?? {} })),
  };
}
