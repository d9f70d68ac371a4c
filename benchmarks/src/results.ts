import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { checkOutput, writeOutputs } from '@initscope/cli/output';
import type { EngineName } from './engine.js';
import type { Machine } from './machine.js';
import type { Timing } from './measure.js';
import type { NumpyFacts } from './numpy-facts.js';
import type { BenchMode } from './settings.js';
import { keepSamples } from './timing-samples.js';

/** The suites, in the order they run. */
export const suiteNames = ['matmul', 'matmul-readback', 'sweep', 'components', 'train'] as const;

/** A suite's name as it appears in results. */
export type SuiteName = (typeof suiteNames)[number];

/** The suites whose figure of merit is GFLOP/s. */
export const matmulSuites = ['matmul', 'matmul-readback'] as const satisfies readonly SuiteName[];

/** A suite of matmul cases. */
export type MatmulSuite = (typeof matmulSuites)[number];

/** `suite` times matmuls (its results carry GFLOP/s). */
export function isMatmulSuite(suite: SuiteName): suite is MatmulSuite {
  return (matmulSuites as readonly SuiteName[]).includes(suite);
}

/** One case of a suite and its napkin math: the work one run does, whoever runs it. */
export interface BenchCase {
  suite: SuiteName;
  case: string;
  /** Floating-point operations of one run (2·M·K·N for a matmul), when that is the figure of merit. */
  flop?: number;
  /** Least bytes one run must read and write. */
  bytes: number;
  /** Items one run processes (samples, elements, values), for throughput figures. */
  items?: number;
  /** What an item is, e.g. "samples". */
  unit?: string;
  /** The napkin math as printed, e.g. "2·1000·100·100 = 20.0 MFLOP; 4·(MK+KN+MN) = 840 kB moved; 24 flop/B". */
  napkin: string;
  /** What one run computes on each engine, where engines differ (e.g. how many matrix products). */
  engines?: Partial<Record<EngineName, string>>;
}

/** One engine's timing of one case; a run that failed carries `error` and null timings. */
export interface BenchResult {
  suite: SuiteName;
  case: string;
  engine: EngineName;
  /**
   * Threads the engine computed with: 1 on most rows (initscope's kernels, naive JS and tf.js run
   * on one thread; the NumPy peers are pinned to one BLAS thread); initscope's sweep rows also run
   * on every core (the CLI's worker pool), and NumPy peers compared with them get as many BLAS threads.
   */
  threads: number;
  median_ms: number | null;
  /** Mean of the timed runs: with the median, shows what occasional slow runs (GC) cost. */
  mean_ms: number | null;
  min_ms: number | null;
  max_ms: number | null;
  /** Timed runs (the validation run is not counted). */
  samples: number;
  /** 2·M·K·N / median, for matmul and matmul-readback cases. */
  gflops?: number;
  /** Items per second at the median, for component cases. */
  throughput?: number;
  /** What `throughput` counts per second. */
  unit?: string;
  /** How the figure was taken when it differs from the rest, e.g. "timed inside Python". */
  note?: string;
  /**
   * NumPy components: median of the bare NumPy call, timed in the same rounds as the engine's
   * function. The function does only the operation when its median is close to this one.
   */
  bare_median_ms?: number;
  /** Why the run failed (validation or a thrown error). */
  error?: string;
  /**
   * initscope's threaded rows: the machine probe (probe.ts), timed in the same alternating blocks as
   * this row and its 1-thread row. `speedup` in the scaling rows is its `one_ms / all_ms`.
   */
  machine_probe?: MachineProbeTiming;
}

/** The machine probe beside a threaded row: the same products on 1 worker and spread over `threads`. */
export interface MachineProbeTiming {
  /** Products in one run (of 128 × 128 × 128, initscope's 1-thread kernel, each thread its own data). */
  products: number;
  /** Median of the runs on one worker thread. */
  one_ms: number;
  /** Median of the runs spread over the row's threads at once. */
  all_ms: number;
  /** Timed runs of each. */
  samples: number;
}

/** An engine deliberately not run on a case, with the printed reason. */
export interface Skip {
  suite: SuiteName;
  case: string;
  engine: EngineName;
  reason: string;
}

/** What the peers ran on, beyond their versions. */
export interface Peers {
  /** NumPy's build, BLAS and the kernel OpenBLAS picked, as the benchmark's child process saw them. */
  numpy?: NumpyFacts;
}

/** What `benchmarks/results/latest.json` holds. */
export interface ResultsDocument {
  machine: Machine;
  peers: Peers;
  mode: BenchMode;
  /** ISO time the run finished. */
  date: string;
  /** Seconds the suites took, start to finish. */
  duration_s?: number;
  /** The 1-minute load average when the run started and ended (others sharing the CPU show here). */
  load?: { start: number; end: number };
  /** Library and runtime versions of the peers. */
  versions: Record<string, string>;
  results: BenchResult[];
  cases: BenchCase[];
  skipped: Skip[];
  ratios: Ratio[];
  /** initscope on all cores against itself on 1 thread, per case that has both rows. */
  scaling?: Scaling[];
}

/** initscope's speedup from threads on one case: 1-thread median / N-thread median. */
export interface Scaling {
  suite: SuiteName;
  case: string;
  engine: EngineName;
  /** Threads of the faster row (the other has 1). */
  threads: number;
  speedup: number;
  /** 95% bootstrap interval of `speedup` (absent below 5 samples per row). */
  interval?: [number, number];
  /**
   * The machine probe's speedup in the same blocks (probe.ts): what threads could gain on this
   * machine while the case was timed, for work that shares nothing. Absent when not probed.
   */
  machine?: number;
  /** 95% bootstrap interval of `machine`. */
  machine_interval?: [number, number];
  /** E.g. "initscope 2 threads 1.9× 1 thread (1.8–2.0)". */
  label: string;
}

/**
 * A finished timing as a result row, with GFLOP/s or throughput filled in from the case's work.
 * Its samples, when the timing has them, are kept in memory for the ratios' intervals.
 */
export function timedResult(
  work: BenchCase,
  engine: EngineName,
  timing: Timing,
  note?: string,
  threads = 1,
): BenchResult {
  const result: BenchResult = {
    suite: work.suite,
    case: work.case,
    engine,
    threads,
    median_ms: timing.medianMs,
    mean_ms: timing.meanMs,
    min_ms: timing.minMs,
    max_ms: timing.maxMs,
    samples: timing.samples,
  };
  const seconds = timing.medianMs / 1e3;
  if (isMatmulSuite(work.suite) && work.flop !== undefined)
    result.gflops = work.flop / seconds / 1e9;
  if (work.items !== undefined && work.suite === 'components') {
    result.throughput = work.items / seconds;
    result.unit = `${work.unit ?? 'items'}/s`;
  }
  if (note) result.note = note;
  if (timing.samplesMs) keepSamples(result, timing.samplesMs);
  return result;
}

/** A run that failed, as data: the message is kept, the timings are null. */
export function erroredResult(
  work: BenchCase,
  engine: EngineName,
  error: unknown,
  threads = 1,
): BenchResult {
  return {
    suite: work.suite,
    case: work.case,
    engine,
    threads,
    median_ms: null,
    mean_ms: null,
    min_ms: null,
    max_ms: null,
    samples: 0,
    error: error instanceof Error ? error.message : String(error),
  };
}

/** The default folder results are written to: `benchmarks/results/` (gitignored). */
export const defaultResultsDir = path.resolve(import.meta.dirname, '..', 'results');

/** Writes `document` as pretty JSON to `<dir>/latest.json` with the cli's output writer, returning the file's path. */
export async function writeResults(
  document: ResultsDocument,
  dir: string = defaultResultsDir,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  const json = `${JSON.stringify(document, null, 2)}\n`;
  await writeOutputs([[checkOutput('benchmark results', file), json]]);
  return file;
}

/** How initscope's median compares with one peer's on one case. */
export interface Ratio {
  suite: SuiteName;
  case: string;
  /** The peer. */
  engine: EngineName;
  /** Threads both rows computed with (the peer is compared at initscope's thread count). */
  threads?: number;
  /** Peer median / initscope median: above 1 means initscope is faster. */
  speedup: number;
  /**
   * The 95% bootstrap interval of `speedup` over both engines' timing samples (see bootstrap.ts);
   * absent when either engine has fewer than `minIntervalSamples` (ratios.ts) samples in memory.
   */
  interval?: [number, number];
  /** True for the peer with the lowest median on this case: the ratio a headline quotes. */
  fastest_peer: boolean;
  /** E.g. "initscope 1.8× tfjs-wasm (1.7–1.9)". */
  label: string;
}
