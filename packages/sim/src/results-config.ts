import type { ResultsConfig } from '@initscope/results';
import type { ResolvedSweepConfig } from './config.js';

/** The `config` of a results document: what was asked, with the optional fields only when set. */
export function resultsConfig(config: ResolvedSweepConfig): ResultsConfig {
  const { layers, width, samples, bins, seed, range } = config;
  const out: ResultsConfig = { layers, width, samples, bins, seed };
  if (config.seeds > 1) out.seeds = config.seeds;
  if (range) out.range = range;
  if (config.customWidths) out.widths = config.widths;
  if (config.biasStd > 0) out.biasStd = config.biasStd;
  if (config.gradients) out.gradients = true;
  if (config.theory) out.theory = true;
  return out;
}
