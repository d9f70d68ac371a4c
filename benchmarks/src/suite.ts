import type { Probe } from './probe.js';
import type { BenchCase, BenchResult, Peers, Skip } from './results.js';
import type { BenchSettings } from './settings.js';

/** Where suites report progress lines; main prints them. */
export type Log = (line: string) => void;

/** What every suite runs with. */
export interface SuiteContext {
  settings: BenchSettings;
  log: Log;
  /** `BENCH_ONLY`'s suites and cases (see settings.ts); undefined: every case. */
  only?: readonly string[];
  /** The machine probe on that many threads, timed beside threaded rows (`pairedTrial`); none: not probed. */
  probe?: (threads: number) => Promise<Probe>;
}

/** What every suite hands back: its cases' napkin math, one result per timed (case, engine), and skips. */
export interface SuiteOutput {
  cases: BenchCase[];
  results: BenchResult[];
  skipped: Skip[];
  /** Versions of the peers it ran, e.g. { numpy: "2.4.6" }. */
  versions: Record<string, string>;
  /** What the peers it ran ran on (NumPy's BLAS and kernel). */
  peers: Peers;
}

/** An empty output to fill. */
export function emptyOutput(): SuiteOutput {
  return { cases: [], results: [], skipped: [], versions: {}, peers: {} };
}
