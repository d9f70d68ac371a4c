import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Timing } from '../measure.js';
import type { BenchSettings } from '../settings.js';

// The NumPy peer runs in a child Python process and times itself with time.perf_counter():
// process start-up and JSON transfer are outside the figures. Sweeps run the book's own float64
// code; components run on float32 arrays.

const execFileAsync = promisify(execFile);

/** The interpreter used when `PYTHON` is not set. */
export const defaultPython = 'python3';

/** The script that does the work (shipped in `benchmarks/python/`). */
export const numpyScript = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'python',
  'numpy_bench.py',
);

/**
 * BLAS and OpenMP thread counts forced on the child: one, like every other engine here (initscope
 * and tfjs-wasm are single-threaded). OpenBLAS' threads also make the book's small matmuls slower
 * and erratic on a 2-core machine (0.3–0.9 s per sweep instead of ~0.12 s).
 */
export const numpyThreadEnv: Readonly<Record<string, string>> = {
  OPENBLAS_NUM_THREADS: '1',
  OMP_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
};

/** Longest a Python suite may run before it is killed, in ms. */
export const numpyTimeoutMs = 10 * 60_000;

/** The interpreter to run: `PYTHON` or {@link defaultPython}. */
export function pythonCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.PYTHON?.trim() || defaultPython;
}

/** Whether NumPy can run here: its version, or why not. */
export type NumpyAvailability =
  | { ok: true; python: string; numpy: string }
  | { ok: false; reason: string };

/** Asks `python` for its version and NumPy's; never throws. */
export async function numpyAvailability(
  python: string = pythonCommand(),
): Promise<NumpyAvailability> {
  const probe = 'import platform, numpy; print(platform.python_version(), numpy.__version__)';
  try {
    const { stdout } = await execFileAsync(python, ['-c', probe], { timeout: 30_000 });
    const [pythonVersion, numpyVersion] = stdout.trim().split(/\s+/);
    if (!pythonVersion || !numpyVersion)
      return { ok: false, reason: `${python} printed "${stdout.trim()}"` };
    return { ok: true, python: pythonVersion, numpy: numpyVersion };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      return { ok: false, reason: `${python} was not found (set PYTHON to use another)` };
    const last = e.stderr?.trim().split('\n').at(-1);
    return { ok: false, reason: `${python} cannot import numpy${last ? `: ${last}` : ''}` };
  }
}

/** What the Python side is asked to run. */
export interface NumpyRequest {
  suite: 'sweep' | 'components';
  seed: number;
  time_ms: number;
  min_samples: number;
  slow_samples: number;
  warmup_ms: number;
  warmup_runs: number;
  sweep?: {
    activations: readonly string[];
    inits: { id: string; std: number }[];
    layers: number;
    width: number;
    samples: number;
    bins: number;
  };
  components?: { length: number; bins: number };
}

/** One case as Python timed it: the validated first run's output and the timed samples. */
export interface NumpyCase {
  case: string;
  firstMs: number;
  samplesMs: number[];
  output: unknown;
}

/** Everything one Python run reports. */
export interface NumpyReport {
  python: string;
  numpy: string;
  cases: NumpyCase[];
}

/** The sampling part of a request, from the mode's settings. */
export function numpyTiming(
  settings: BenchSettings,
): Pick<NumpyRequest, 'time_ms' | 'min_samples' | 'slow_samples' | 'warmup_ms' | 'warmup_runs'> {
  return {
    time_ms: settings.timeMs,
    min_samples: settings.minSamples,
    slow_samples: settings.slowSamples,
    warmup_ms: settings.warmupMs,
    warmup_runs: settings.warmupRuns,
  };
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Parses the script's stdout, throwing a one-line error when it is not the documented shape. */
export function parseNumpyOutput(text: string): NumpyReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`NumPy output is not JSON: ${text.slice(0, 80) || '(empty)'}`);
  }
  const report = data as Record<string, unknown>;
  if (typeof report?.python !== 'string' || typeof report.numpy !== 'string') {
    throw new Error('NumPy output lacks "python" and "numpy" version strings');
  }
  if (!Array.isArray(report.cases)) throw new Error('NumPy output lacks a "cases" array');
  const cases = report.cases.map((item: unknown, index: number): NumpyCase => {
    const c = item as Record<string, unknown>;
    if (typeof c?.case !== 'string') throw new Error(`NumPy case ${index} has no "case" name`);
    if (typeof c.first_ms !== 'number' || !isNumberArray(c.samples_ms)) {
      throw new Error(`NumPy case "${c.case}" lacks numeric "first_ms" and "samples_ms"`);
    }
    if (c.samples_ms.length === 0) throw new Error(`NumPy case "${c.case}" has no timed samples`);
    return { case: c.case, firstMs: c.first_ms, samplesMs: c.samples_ms, output: c.output };
  });
  return { python: report.python, numpy: report.numpy, cases };
}

/** Median, mean, min and max of Python's samples (which are not kept). */
export function timingOf(samplesMs: readonly number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error('no samples');
  const mid = Math.floor(n / 2);
  const median =
    n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    medianMs: median,
    meanMs: sorted.reduce((sum, ms) => sum + ms, 0) / n,
    minMs: sorted[0] as number,
    maxMs: sorted[n - 1] as number,
    samples: n,
  };
}

/** Runs the script with `request` and parses what it prints. */
export async function runNumpy(
  request: NumpyRequest,
  python: string = pythonCommand(),
): Promise<NumpyReport> {
  try {
    const { stdout } = await execFileAsync(python, [numpyScript, JSON.stringify(request)], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: numpyTimeoutMs,
      env: { ...process.env, ...numpyThreadEnv },
    });
    return parseNumpyOutput(stdout);
  } catch (error) {
    const e = error as Error & { stderr?: string };
    const last = e.stderr?.trim().split('\n').at(-1);
    throw new Error(last ? `${python} ${path.basename(numpyScript)} failed: ${last}` : e.message);
  }
}
