import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EngineName } from '../engine.js';
import type { Timing } from '../measure.js';
import { type BlasFacts, type NumpyFacts, parseBlasFacts } from '../numpy-facts.js';
import type { BenchSettings } from '../settings.js';

// The NumPy peers run in a child Python process that times itself with time.perf_counter():
// process start-up, file and JSON transfer are outside the figures. Large arrays (matmul and
// component inputs, their outputs) travel as raw float32 files in a scratch folder.

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

/**
 * Variables removed from the child's environment: they pin OpenBLAS to an older kernel
 * (`OPENBLAS_CORETYPE=Haswell` on an AVX-512 machine) or a wrong cache size, which slows NumPy.
 * Without them OpenBLAS picks the kernel for the CPU it runs on, as it does for a NumPy user.
 */
export const numpyUnsetEnv = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'] as const;

/** Longest a Python suite may run before it is killed, in ms. */
export const numpyTimeoutMs = 10 * 60_000;

/** The interpreter to run: `PYTHON` or {@link defaultPython}. */
export function pythonCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.PYTHON?.trim() || defaultPython;
}

/**
 * The child's environment: this process's, less {@link numpyUnsetEnv}, plus {@link numpyThreadEnv}
 * (with `threads` BLAS/OpenMP threads instead of 1 when asked: the peer of a multi-thread row).
 */
export function numpyChildEnv(
  env: NodeJS.ProcessEnv = process.env,
  threads = 1,
): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = { ...env, ...numpyThreadEnv };
  if (threads !== 1) for (const name of Object.keys(numpyThreadEnv)) child[name] = String(threads);
  for (const name of numpyUnsetEnv) delete child[name];
  return child;
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
    const { stdout } = await execFileAsync(python, ['-c', probe], {
      timeout: 30_000,
      env: numpyChildEnv(),
    });
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

/** The NumPy engines of the sweep suite. */
export type NumpySweepEngine = Extract<EngineName, 'numpy' | 'numpy-f32'>;

/** What the Python side is asked to run. */
export interface NumpyRequest {
  suite: 'sweep' | 'components' | 'matmul' | 'stats' | 'train';
  seed: number;
  time_ms: number;
  min_samples: number;
  slow_samples: number;
  warmup_ms: number;
  warmup_runs: number;
  /** The book sweep, on each engine in turn; results are named `case`. */
  sweep?: {
    case: string;
    engines: readonly NumpySweepEngine[];
    activations: readonly string[];
    inits: { id: string; std: number }[];
    layers: number;
    width: number;
    samples: number;
    bins: number;
  };
  /** Inputs `x.f32` (activations, normals' length) and `s.f32` (histogram on [0, 1]) in `dir`. */
  components?: { dir: string; bins: number };
  /** Inputs `<case>.a.f32` and `<case>.b.f32` in `dir`; products come back as `<case>.c.f32`. */
  matmul?: { dir: string; shapes: { case: string; m: number; k: number; n: number }[] };
  /**
   * The book's training loop (`numpy`) on initscope's initial weights `w<run>-<layer>.f32` and
   * batches `indices.u32` (iterations × batch, uint32) in `dir`, IDX data in `data`; results named `case`.
   */
  train?: {
    case: string;
    dir: string;
    data: string;
    widths: readonly number[];
    activation: string;
    inits: readonly string[];
    lr: number;
    batch: number;
    iterations: number;
    eval_every: number;
    /** Training images whose accuracy is measured (the first ones). */
    subset: number;
  };
  /** numpy-f32's layer statistics of the values in `dir/file` (used by tests). */
  stats?: { dir: string; file: string; activation: string; bins: number };
}

/** One case as Python timed it: the first run's output (for validation) and the timed samples. */
export interface NumpyCase {
  case: string;
  engine: string;
  firstMs: number;
  samplesMs: number[];
  /** Components: the bare NumPy call, timed in the same rounds. */
  bareSamplesMs?: number[];
  output: unknown;
}

/** Everything one Python run reports. */
export interface NumpyReport {
  python: string;
  numpy: string;
  blas: BlasFacts;
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
    if (typeof c.engine !== 'string') throw new Error(`NumPy case "${c.case}" has no "engine"`);
    if (typeof c.first_ms !== 'number' || !isNumberArray(c.samples_ms)) {
      throw new Error(`NumPy case "${c.case}" lacks numeric "first_ms" and "samples_ms"`);
    }
    if (c.samples_ms.length === 0) throw new Error(`NumPy case "${c.case}" has no timed samples`);
    const parsed: NumpyCase = {
      case: c.case,
      engine: c.engine,
      firstMs: c.first_ms,
      samplesMs: c.samples_ms,
      output: c.output,
    };
    if (c.bare_samples_ms !== undefined) {
      if (!isNumberArray(c.bare_samples_ms) || c.bare_samples_ms.length === 0) {
        throw new Error(`NumPy case "${c.case}" has a malformed "bare_samples_ms"`);
      }
      parsed.bareSamplesMs = c.bare_samples_ms;
    }
    return parsed;
  });
  return { python: report.python, numpy: report.numpy, blas: parseBlasFacts(report.blas), cases };
}

/** What `peers.numpy` records about one report. */
export function numpyFacts(report: NumpyReport): NumpyFacts {
  return {
    python: report.python,
    numpy: report.numpy,
    blas: report.blas,
    unset: [...numpyUnsetEnv],
  };
}

/** Median, mean, min and max of Python's samples; the samples themselves stay in memory. */
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
    samplesMs: [...samplesMs],
  };
}

/** The case `name` on `engine` from a report, or a one-line error. */
export function numpyCase(report: NumpyReport, name: string, engine: string): NumpyCase {
  const found = report.cases.find((c) => c.case === name && c.engine === engine);
  if (!found) throw new Error(`NumPy reported no "${name}" case for ${engine}`);
  return found;
}

/** Runs the script with `request` and parses what it prints. */
export async function runNumpy(
  request: NumpyRequest,
  python: string = pythonCommand(),
  threads = 1,
): Promise<NumpyReport> {
  try {
    const { stdout } = await execFileAsync(python, [numpyScript, JSON.stringify(request)], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: numpyTimeoutMs,
      env: numpyChildEnv(process.env, threads),
    });
    return parseNumpyOutput(stdout);
  } catch (error) {
    const e = error as Error & { stderr?: string };
    const last = e.stderr?.trim().split('\n').at(-1);
    throw new Error(last ? `${python} ${path.basename(numpyScript)} failed: ${last}` : e.message);
  }
}

/** Runs `work` with a fresh scratch folder for array files, removed afterwards. */
export async function withScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'initscope-numpy-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `values` as raw float32 in this machine's byte order (the script reads it the same way). */
export async function writeF32(dir: string, name: string, values: Float32Array): Promise<void> {
  await writeFile(
    path.join(dir, name),
    new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  );
}

/** Reads a raw float32 file written by the script. */
export async function readF32(dir: string, name: string): Promise<Float32Array> {
  const bytes = await readFile(path.join(dir, name));
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** The `{ file }` output of a case, read back, or a one-line error. */
export async function outputArray(dir: string, found: NumpyCase): Promise<Float32Array> {
  const file = (found.output as { file?: unknown } | undefined)?.file;
  if (typeof file !== 'string' || path.basename(file) !== file) {
    throw new Error(`NumPy case "${found.case}" names no output file`);
  }
  return readF32(dir, file);
}
