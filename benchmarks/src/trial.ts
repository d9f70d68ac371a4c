import type { EngineName, Prepared } from './engine.js';
import { formatMs } from './format.js';
import { runOnce, timeRuns } from './measure.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from './results.js';
import type { SuiteContext } from './suite.js';

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

/** "matmul 256x256x256 tfjs-wasm: 0.81 ms (median of 180, mean 0.85 ms)" or the error. */
export function progressLine(result: BenchResult): string {
  const threads = result.threads > 1 ? ` (${result.threads} threads)` : '';
  const head = `${result.suite} ${result.case} ${result.engine}${threads}:`;
  if (result.error !== undefined) return `${head} ERROR ${result.error}`;
  const median = formatMs(result.median_ms ?? Number.NaN);
  return `${head} ${median} (median of ${result.samples}, mean ${formatMs(result.mean_ms ?? Number.NaN)})`;
}
