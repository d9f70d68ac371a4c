import { totalmem } from 'node:os';
import { renderReport, summarize } from '@initscope/report';
import {
  ConfigError,
  type ResolvedSweepConfig,
  type Results,
  resolveSweepConfig,
  runMemory,
  type SweepOptions,
  type SweepTask,
  sweepUnitCount,
  sweepUnits,
} from '@initscope/sim';
import { type CommandIO, type RunFlags, runFlagOf } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { parseThreads, runPool, splitEvenly } from './pool.js';
import { type Progress, progressOf } from './progress.js';
import { resultsOfUnits } from './seeds.js';
import { UsageError } from './usage-error.js';

/** Share of the machine's memory one run may plan to use. */
const machineMemoryShare = 0.8;

/** The sweep the flags ask for: the sweep flags as typed, with `--book`'s range and bins. */
function sweepOptions(flags: RunFlags): SweepOptions {
  if (flags.book && (flags.range !== undefined || flags.bins !== undefined)) {
    throw new UsageError(
      'Invalid --book with --range or --bins: --book fixes the range to 0,1 and the bins to 30.',
    );
  }
  if (flags.widths !== undefined && (flags.layers !== undefined || flags.width !== undefined)) {
    throw new UsageError(
      'Invalid --widths with --layers or --width: --widths gives the input and every layer width itself.',
    );
  }
  const { out, json, quiet, lang, book, logCounts, threads, ...options } = flags;
  return book ? { ...options, range: [0, 1], bins: 30 } : options;
}

/** Validates and parses every sweep flag once; a bad value is a UsageError naming its flag. */
function resolve(flags: RunFlags): { options: SweepOptions; config: ResolvedSweepConfig } {
  try {
    const options = sweepOptions(flags);
    return { options, config: resolveSweepConfig(options, (field) => runFlagOf[field] ?? field) };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Checks that `workers` runs at once (each worker holds its own buffers) fit in the machine's memory. */
function checkMachineMemory(config: ResolvedSweepConfig, workers: number): void {
  const one = runMemory(config);
  const bytes = one.bytes * workers;
  const description = workers > 1 ? `${workers} workers × (${one.description})` : one.description;
  const available = totalmem() * machineMemoryShare;
  if (bytes > available) {
    const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
    throw new UsageError(
      `Run too large: --samples ${config.samples} × width ${Math.max(...config.widths)} needs ${gib(bytes)} (${description}); this machine has ${gib(totalmem())} (at most ${gib(available)} usable). Reduce --samples, the width${workers > 1 ? ' or --threads' : ''}.`,
    );
  }
}

/**
 * The sweep on `threads` worker threads: its (seed, run) units cut into contiguous slices, one per
 * worker, gathered in the sweep's order, so the results are the same bits as `sweep()` in this thread (threads = 1).
 */
async function threadedSweep(
  options: SweepOptions,
  config: ResolvedSweepConfig,
  threads: number,
  io: CommandIO,
  progress: Progress | undefined,
): Promise<Results> {
  const slices = splitEvenly(sweepUnitCount(config), threads);
  if (slices.length === 1) {
    const units = await sweepUnits(config, slices[0] ?? [], {
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    return resultsOfUnits(config, units);
  }
  const total = sweepUnitCount(config) * config.layers * (config.gradients ? 2 : 1);
  let done = 0;
  const tasks: SweepTask[] = slices.map((units) => ({ kind: 'sweep', options, units }));
  const parts = await runPool(tasks, slices.length, {
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress ? { onStep: () => progress.update(++done, total) } : {}),
  });
  return resultsOfUnits(config, parts.flat());
}

/** `initscope run`: validate everything, simulate, then write the report and JSON (see output/write.ts). */
export async function runCommand(flags: RunFlags, io: CommandIO): Promise<void> {
  const { options, config } = resolve(flags);
  const threads = parseThreads(flags.threads);
  checkMachineMemory(config, splitEvenly(sweepUnitCount(config), threads).length);
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);

  const progress = progressOf(io, flags.quiet === true);
  let results: Results;
  try {
    results = await threadedSweep(options, config, threads, io, progress);
  } finally {
    progress?.stop();
  }

  const json = `${JSON.stringify(results, null, 2)}\n`;
  const html = renderReport(results, {
    lang: flags.lang,
    book: flags.book === true,
    logCounts: flags.logCounts === true,
  });
  await writeOutputs(
    [
      [out, html],
      [jsonOut, json],
    ],
    io,
  );

  if (!flags.quiet) {
    const text = writesToStdout(out, jsonOut) ? io.stderr : io.stdout;
    text.write(`${summarize(results, { lang: flags.lang })}\n`);
    if (out.kind !== 'stdout') text.write(`Report: ${out.path}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`JSON: ${jsonOut.path}\n`);
  }
}
