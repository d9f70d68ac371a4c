import type { EngineName, Prepared } from './engine.js';
import { formatMs } from './format.js';
import { type FirstRun, runOnce, type Timing, timeAlternating, timeRuns } from './measure.js';
import type { Probe } from './probe.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from './results.js';
import type { SuiteContext } from './suite.js';
import { keepProbeSamples } from './timing-samples.js';

/**
 * One engine on one case: prepare, run once, validate that run's output, then time it.
 * Whatever throws (preparing, the kernel, validation, tinybench) becomes an errored result.
 */
export async function trial<T>(
  work: BenchCase,
  engine: EngineName,
  prepare: () => Prepared<T> | Promise<Prepared<T>>,
  validate: (output: T) => void,
  { settings, log }: SuiteContext,
  threads = 1,
): Promise<BenchResult> {
  let prepared: Prepared<T> | undefined;
  let result: BenchResult;
  try {
    prepared = await prepare();
    const run = prepared.run.bind(prepared);
    const first = await runOnce(run);
    validate(prepared.output());
    const timing = await timeRuns(`${work.suite}/${work.case}/${engine}`, run, first, settings);
    result = timedResult(work, engine, timing, undefined, threads);
  } catch (error) {
    result = erroredResult(work, engine, error, threads);
  } finally {
    try {
      prepared?.dispose();
    } catch {
      // A failed dispose must not hide the result.
    }
  }
  log(progressLine(result));
  return result;
}

/** One side of a paired trial: how to prepare the engine, what its output must pass, its threads. */
export interface TrialSide<T> {
  prepare: () => Prepared<T> | Promise<Prepared<T>>;
  validate: (output: T) => void;
  threads: number;
}

/** The machine probe's 1-thread run lasts about as long as the case's 1-thread run, within these ms. */
export const probeRunMs = { min: 50, max: 5_000 } as const;

/**
 * One engine on one case in several ways (on 1 thread and on every core): each side prepared, run
 * once and validated, in order (a later side may be checked against an earlier one's output), then
 * the sides that passed timed in alternating blocks (`timeAlternating`), so that their ratio is not
 * the machine's load at two different times. A side that fails becomes an errored result; the
 * others are still timed. With a threaded side, the machine probe (probe.ts) on as many threads
 * joins the blocks, its runs sized like the 1-thread side's, and its medians go on the threaded
 * row (`machine_probe`): how much of the cores the machine gave while the case was timed.
 */
export async function pairedTrial<T>(
  work: BenchCase,
  engine: EngineName,
  sides: readonly TrialSide<T>[],
  { settings, log, probe: startProbe }: SuiteContext,
): Promise<BenchResult[]> {
  const results: (BenchResult | undefined)[] = sides.map(() => undefined);
  const live: { index: number; prepared: Prepared<T>; run: () => unknown; first: FirstRun }[] = [];
  const dispose = (prepared: Prepared<T> | undefined) => {
    try {
      prepared?.dispose();
    } catch {
      // A failed dispose must not hide the result.
    }
  };
  for (const [index, side] of sides.entries()) {
    let prepared: Prepared<T> | undefined;
    try {
      prepared = await side.prepare();
      const run = prepared.run.bind(prepared);
      const first = await runOnce(run);
      side.validate(prepared.output());
      live.push({ index, prepared, run, first });
    } catch (error) {
      results[index] = erroredResult(work, engine, error, side.threads);
      dispose(prepared);
    }
  }
  try {
    if (!live.length) return results as BenchResult[];
    const threads = Math.max(...live.map(({ index }) => (sides[index] as TrialSide<T>).threads));
    let probe: Probe | undefined;
    if (threads > 1 && startProbe) {
      try {
        probe = await startProbe(threads);
        await probe.calibrate(
          Math.min(probeRunMs.max, Math.max(probeRunMs.min, live[0]?.first.ms ?? 0)),
        );
      } catch (error) {
        log(`${work.suite} ${work.case}: machine probe unavailable: ${(error as Error).message}`);
        probe = undefined;
      }
    }
    const probeRuns = probe ? [() => probe.one(), () => probe.all()] : [];
    const firsts = live.map((side) => side.first);
    if (probe) {
      for (const run of probeRuns) firsts.push(await runOnce(run));
    }
    const timings = await timeAlternating(
      [...live.map((side) => side.run), ...probeRuns],
      firsts,
      settings,
    );
    for (const [i, { index }] of live.entries()) {
      const side = sides[index] as TrialSide<T>;
      const result = timedResult(work, engine, timings[i] as Timing, undefined, side.threads);
      const [one, all] = timings.slice(live.length);
      if (probe && one && all && side.threads === threads) {
        result.machine_probe = {
          products: probe.products,
          one_ms: one.medianMs,
          all_ms: all.medianMs,
          samples: Math.min(one.samples, all.samples),
        };
        keepProbeSamples(result, one.samplesMs ?? [], all.samplesMs ?? []);
      }
      results[index] = result;
    }
  } catch (error) {
    for (const { index } of live) {
      results[index] = erroredResult(work, engine, error, (sides[index] as TrialSide<T>).threads);
    }
  } finally {
    for (const { prepared } of live) dispose(prepared);
  }
  const done = results as BenchResult[];
  for (const result of done) log(progressLine(result));
  return done;
}

/** "matmul 256x256x256 tfjs-wasm: 0.81 ms (median of 180, mean 0.85 ms)" or the error. */
export function progressLine(result: BenchResult): string {
  const threads = result.threads > 1 ? ` (${result.threads} threads)` : '';
  const head = `${result.suite} ${result.case} ${result.engine}${threads}:`;
  if (result.error !== undefined) return `${head} ERROR ${result.error}`;
  const median = formatMs(result.median_ms ?? Number.NaN);
  return `${head} ${median} (median of ${result.samples}, mean ${formatMs(result.mean_ms ?? Number.NaN)})`;
}
