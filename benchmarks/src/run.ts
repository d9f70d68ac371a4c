import os from 'node:os';
import { machine } from './machine.js';
import { benchProbe } from './probe.js';
import { ratios, scaling } from './ratios.js';
import type { ResultsDocument } from './results.js';
import { benchOnly, benchSettings, wanted } from './settings.js';
import { emptyOutput, type Log, type SuiteContext, type SuiteOutput } from './suite.js';
import { runComponentsSuite } from './suites/components.js';
import { runMatmulReadbackSuite, runMatmulSuite } from './suites/matmul.js';
import { runSweepSuite } from './suites/sweep.js';
import { runTrainSuite } from './suites/train.js';

/** The suites in the order they run. */
export const suites: readonly {
  name: string;
  run: (context: SuiteContext) => Promise<SuiteOutput>;
}[] = [
  { name: 'matmul', run: runMatmulSuite },
  { name: 'matmul-readback', run: runMatmulReadbackSuite },
  { name: 'sweep', run: runSweepSuite },
  { name: 'components', run: runComponentsSuite },
  { name: 'train', run: runTrainSuite },
];

/** Options of one benchmark run. */
export interface RunOptions {
  /** @default read from `BENCH_QUICK` */
  settings?: SuiteContext['settings'];
  /** @default console.log */
  log?: Log;
  /** Suites or `suite/case`s to run. @default read from `BENCH_ONLY` (unset: all) */
  only?: readonly string[];
  /** The machine probe beside threaded rows; `false`: none. @default probe.ts `benchProbe` */
  probe?: SuiteContext['probe'] | false;
}

/** Runs every suite and assembles the results document; a suite that throws is logged, not fatal. */
export async function runBenchmarks(options: RunOptions = {}): Promise<ResultsDocument> {
  const settings = options.settings ?? benchSettings();
  const log = options.log ?? console.log;
  const only = options.only ?? benchOnly();
  const probe = options.probe === false ? undefined : (options.probe ?? benchProbe);
  const context: SuiteContext = {
    settings,
    log,
    ...(only ? { only } : {}),
    ...(probe ? { probe } : {}),
  };
  const all = emptyOutput();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] as number;
  for (const suite of suites) {
    if (!wanted(only, suite.name)) continue;
    try {
      const out = await suite.run(context);
      all.cases.push(...out.cases);
      all.results.push(...out.results);
      all.skipped.push(...out.skipped);
      Object.assign(all.versions, out.versions);
      Object.assign(all.peers, out.peers);
    } catch (error) {
      log(`${suite.name} suite failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return {
    machine: machine(),
    peers: all.peers,
    mode: settings.mode,
    date: new Date().toISOString(),
    duration_s: Math.round((performance.now() - started) / 100) / 10,
    load: { start: loadAtStart, end: os.loadavg()[0] as number },
    versions: { node: process.versions.node, ...all.versions },
    results: all.results,
    cases: all.cases,
    skipped: all.skipped,
    ratios: ratios(all.results),
    scaling: scaling(all.results),
  };
}
