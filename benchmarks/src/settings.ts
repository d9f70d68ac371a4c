/** How thoroughly a run times each task. */
export type BenchMode = 'quick' | 'full';

/** Sampling rules for one mode. A task is "slow" when its validated run took longer than `timeMs`. */
export interface BenchSettings {
  mode: BenchMode;
  /** Least time spent timing a fast task, in ms. */
  timeMs: number;
  /** Least timed samples of a fast task. */
  minSamples: number;
  /** Least timed samples of a slow task (its validated run already warmed it up). */
  slowSamples: number;
  /** Warmup budget of a fast task, in ms. */
  warmupMs: number;
  /** Least warmup runs of a fast task. */
  warmupRuns: number;
  /** An engine is skipped on a case when its estimated single run exceeds this many ms. */
  maxRunMs: number;
}

/** `BENCH_QUICK=1`: every suite, fewer samples; the whole run stays under 90 s on 2 cores. */
export const quickSettings: BenchSettings = {
  mode: 'quick',
  timeMs: 250,
  minSamples: 5,
  slowSamples: 1,
  warmupMs: 30,
  warmupRuns: 2,
  maxRunMs: 3_000,
};

/** The default: enough samples for stable medians. */
export const fullSettings: BenchSettings = {
  mode: 'full',
  timeMs: 1_500,
  minSamples: 10,
  slowSamples: 3,
  warmupMs: 200,
  warmupRuns: 5,
  maxRunMs: 60_000,
};

/** naive-js is skipped (in both modes) on matmul cases above this many flops (2·M·K·N). */
export const naiveMaxFlop = 1e9;

/** The seed every suite draws its inputs with. */
export const benchSeed = 42;

/** Reads the mode from the environment: `BENCH_QUICK` set to anything but "", "0" or "false" is quick. */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env.BENCH_QUICK;
  return quick && quick !== '0' && quick.toLowerCase() !== 'false' ? quickSettings : fullSettings;
}

/**
 * `BENCH_ONLY`: a comma-separated list of suites (`sweep`) or cases (`sweep/book`) to run; unset or
 * empty: everything.
 */
export function benchOnly(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = (env.BENCH_ONLY ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** Whether `only` (see {@link benchOnly}) asks for `suite`, or for its case `name` when given. */
export function wanted(only: readonly string[] | undefined, suite: string, name?: string): boolean {
  if (!only) return true;
  return only.some((item) => {
    const [s, c] = item.split('/');
    return s === suite && (name === undefined || c === undefined || c === name);
  });
}
