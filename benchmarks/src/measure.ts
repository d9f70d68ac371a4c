import { Bench } from 'tinybench';
import type { BenchSettings } from './settings.js';

/** Latency statistics of one task, in ms; `samples` counts timed runs. */
export interface Timing {
  medianMs: number;
  /** The mean, which unlike the median carries occasional slow runs (garbage collection). */
  meanMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
  /** Every timed run's duration, for bootstrap intervals; kept in memory, never in the JSON. */
  samplesMs?: readonly number[];
}

/** One untimed-by-tinybench run, used for validation: how long it took and whether it was async. */
export interface FirstRun {
  ms: number;
  async: boolean;
}

/** Runs `run` once, measuring it with `performance.now()`. */
export async function runOnce(run: () => unknown): Promise<FirstRun> {
  const start = performance.now();
  const value = run();
  const async = value instanceof Promise;
  if (async) await value;
  return { ms: performance.now() - start, async };
}

/**
 * Times `run` with tinybench after a first, validated run, for at least `timeMs`. Fast tasks get a
 * warmup and at least `minSamples` samples; slow tasks (first run longer than `timeMs`, which the
 * validated run already warmed up) at least `slowSamples`. A first run slowed by one-time costs
 * (JIT, backend start-up) thus still gets `timeMs` worth of samples.
 */
export async function timeRuns(
  name: string,
  run: () => unknown,
  first: FirstRun,
  settings: BenchSettings,
): Promise<Timing> {
  const slow = first.ms > settings.timeMs;
  const bench = new Bench({
    name,
    time: settings.timeMs,
    iterations: slow ? settings.slowSamples : settings.minSamples,
    warmup: !slow,
    warmupTime: settings.warmupMs,
    warmupIterations: settings.warmupRuns,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, run as () => void, { async: first.async });
  const [task] = await bench.run();
  const result = task?.result;
  if (!result || !('latency' in result)) {
    throw new Error(
      `tinybench recorded no samples for ${name} (state: ${result?.state ?? 'none'})`,
    );
  }
  const { latency } = result;
  return {
    medianMs: latency.p50,
    meanMs: latency.mean,
    minMs: latency.min,
    maxMs: latency.max,
    samples: latency.samplesCount,
    samplesMs: latency.samples ? [...latency.samples] : [],
  };
}

/** The latency statistics of `samplesMs` (at least one), as tinybench reports them. */
export function timingOf(samplesMs: readonly number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    medianMs: median,
    meanMs: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    minMs: sorted[0] as number,
    maxMs: sorted[sorted.length - 1] as number,
    samples: sorted.length,
    samplesMs: [...samplesMs],
  };
}

/** Share of `timeMs` one block of runs of a fast task takes in `timeAlternating`. */
export const blockShare = 0.25;

/**
 * Times several runs of the same work (one engine on 1 thread and on N) in alternating blocks, each
 * after its first, validated run: on a machine shared with other work, a slow spell then lands on
 * every run alike instead of on whichever was being timed, and the ratio of their medians measures
 * the runs, not the spells. A block is as many runs as fill `blockShare` of `timeMs` (one, for runs
 * longer than that), so what one run leaves to the next (garbage collected by V8's background
 * threads while the other run wants every core) reaches only a block's first sample. Blocks
 * alternate the order (A B, B A, …). The sampling rules are `timeRuns`': fast runs get warm-up
 * blocks (`warmupRuns` runs and `warmupMs` each), then at least `minSamples` samples and `timeMs`
 * each; slow ones (a first run above `timeMs`) `slowSamples` blocks of one.
 */
export async function timeAlternating(
  runs: readonly (() => unknown)[],
  firsts: readonly FirstRun[],
  settings: BenchSettings,
): Promise<Timing[]> {
  if (!runs.length) return [];
  const slow = firsts.some((first) => first.ms > settings.timeMs);
  const perBlock = firsts.map((first) =>
    slow ? 1 : Math.max(1, Math.floor((settings.timeMs * blockShare) / Math.max(first.ms, 1e-3))),
  );
  const call = async (i: number): Promise<number> => {
    const start = performance.now();
    const value = (runs[i] as () => unknown)();
    if (value instanceof Promise) await value;
    return performance.now() - start;
  };
  const order = (block: number) =>
    block % 2 === 0 ? runs.map((_, i) => i) : runs.map((_, i) => runs.length - 1 - i);
  const samples: number[][] = runs.map(() => []);
  const timeBlocks = async (
    done: (block: number, spent: number) => boolean,
    keep: boolean,
  ): Promise<void> => {
    const start = performance.now();
    for (let block = 0; !done(block, performance.now() - start); block++) {
      for (const i of order(block)) {
        for (let r = 0; r < (perBlock[i] as number); r++) {
          const ms = await call(i);
          if (keep) (samples[i] as number[]).push(ms);
        }
      }
    }
  };
  if (!slow) {
    await timeBlocks(
      (block, spent) =>
        block * Math.min(...perBlock) >= settings.warmupRuns &&
        spent >= settings.warmupMs * runs.length,
      false,
    );
  }
  const least = slow ? settings.slowSamples : settings.minSamples;
  await timeBlocks(
    (_, spent) =>
      samples.every((s) => s.length >= least) && (slow || spent >= settings.timeMs * runs.length),
    true,
  );
  return samples.map(timingOf);
}
