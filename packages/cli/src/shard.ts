import type { ResolvedSweepConfig, RunResult, SweepOptions } from '@initscope/sim';
import { UsageError } from './usage-error.js';

/** `--shard i/n`: the i-th of n shards, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** Most shards `--shard` accepts. */
export const maxShards = 1_000_000;

/** Parses `--shard i/n` (1 ≤ i ≤ n), or a UsageError naming the value. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1 && count <= maxShards) || !(index >= 1 && index <= count)) {
    throw new UsageError(
      `Invalid --shard ${JSON.stringify(value)}: expected i/n with 1 ≤ i ≤ n ≤ ${maxShards}, e.g. 1/4.`,
    );
  }
  return { index, count };
}

/**
 * The (seed, run) units of shard i/n of a sweep with `unitCount` units: a contiguous slice, the same
 * on every machine, that may be empty when there are more shards than units.
 */
export function shardUnits(unitCount: number, shard: Shard): number[] {
  const start = Math.floor(((shard.index - 1) * unitCount) / shard.count);
  const end = Math.floor((shard.index * unitCount) / shard.count);
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** The sweep options that resolve to `config` again: what a shard file records for `merge`. */
export function canonicalOptions(config: ResolvedSweepConfig): SweepOptions {
  const options: SweepOptions = {
    activations: config.activations.map((activation) => activation.id),
    inits: config.inits.map((init) => init.id),
    samples: config.samples,
    bins: config.bins,
    seed: config.seed,
    seeds: config.seeds,
    biasStd: config.biasStd,
    gradients: config.gradients,
    theory: config.theory,
  };
  if (config.customWidths) options.widths = config.widths;
  else Object.assign(options, { layers: config.layers, width: config.width });
  if (config.range) options.range = config.range;
  return options;
}

/** What `run --shard i/n --json f` writes: this shard's units, for `initscope merge`. */
export interface ShardDocument {
  tool: 'initscope';
  /** Marks a shard file (not a results document). */
  kind: 'shard';
  version: string;
  /** The whole sweep's options, as `canonicalOptions` spells them: every shard must agree. */
  sweep: SweepOptions;
  shard: Shard & { units: number; first: number };
  /** The runs of units `first … first + units.length − 1`, in unit order. */
  runs: RunResult[];
}
