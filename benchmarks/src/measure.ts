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

/** Runs per block for runs whose warm-up medians are `medianMs`: `blockShare` of `timeMs`, at least one. */
export function blockSizes(medianMs: readonly number[], settings: BenchSettings): number[] {
  return medianMs.map((ms) =>
    Math.max(1, Math.floor((settings.timeMs * blockShare) / Math.max(ms, 1e-3))),
  );
}

/**
 * Times several runs of the same work (one engine on 1 thread and on N) in alternating blocks, each
 * after its first, validated run: on a machine shared with other work, a slow spell then lands on
 * every run alike instead of on whichever was being timed, and the ratio of their medians measures
 * the runs, not the spells. Fast runs first warm up, alternating one run at a time (`warmupRuns`
 * each, and `warmupMs`); then a block is as many runs as their warm-up median says fill
 * `blockShare` of `timeMs`, so that what one run leaves to the next (garbage that V8's background
 * threads collect while the other run wants every core) reaches only a block's first sample.
 * Blocks alternate the order (A B, B A, …) until each run has `minSamples` samples and `timeMs`.
 * Slow runs (a first run above `timeMs`) get no warm-up and `slowSamples` blocks of one.
 */
export async function timeAlternating(
  runs: readonly (() => unknown)[],
  firsts: readonly FirstRun[],
  settings: BenchSettings,
): Promise<Timing[]> {
  if (!runs.length) return [];
  const slow = firsts.some((first) => first.ms > settings.timeMs);
  const call = async (i: number): Promise<number> => {
    const start = performance.now();
    const value = (runs[i] as () => unknown)();
    if (value instanceof Promise) await value;
    return performance.now() - start;
  };
  const order = (block: number) =>
    block % 2 === 0 ? runs.map((_, i) => i) : runs.map((_, i) => runs.length - 1 - i);
  const timeBlocks = async (
    perBlock: readonly number[],
    done: (samples: readonly number[][], spent: number) => boolean,
  ): Promise<number[][]> => {
    const samples: number[][] = runs.map(() => []);
    const start = performance.now();
    for (let block = 0; !done(samples, performance.now() - start); block++) {
      for (const i of order(block)) {
        for (let r = 0; r < (perBlock[i] as number); r++) {
          (samples[i] as number[]).push(await call(i));
        }
      }
    }
    return samples;
  };
  const ones = runs.map(() => 1);
  let perBlock = ones;
  if (!slow) {
    const warm = await timeBlocks(
      ones,
      (samples, spent) =>
        samples.every((s) => s.length >= settings.warmupRuns) &&
        spent >= settings.warmupMs * runs.length,
    );
    perBlock = blockSizes(
      // no warm-up runs (warmupRuns 0): blocks of one
      warm.map((s) => (s.length ? timingOf(s).medianMs : Number.POSITIVE_INFINITY)),
      settings,
    );
  }
  const least = slow ? settings.slowSamples : settings.minSamples;
  const samples = await timeBlocks(
    perBlock,
    (samples, spent) =>
      samples.every((s) => s.length >= least) && (slow || spent >= settings.timeMs * runs.length),
  );
  return samples.map(timingOf);
}
