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
