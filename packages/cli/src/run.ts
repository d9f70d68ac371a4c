import { totalmem } from 'node:os';
import { renderReport, summarize } from '@initscope/report';
import {
  ConfigError,
  productThreadsFor,
  type ResolvedSweepConfig,
  type Results,
  type RunResult,
  resolveSweepConfig,
  runMemory,
  type SweepOptions,
  type SweepTask,
  sweepRunCount,
  sweepTask,
  sweepUnitCount,
  version,
} from '@initscope/sim';
import { type CommandIO, defaultOut, type RunFlags, runFlagOf } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { parseThreads, runPool, splitEvenly } from './pool.js';
import { type Progress, progressOf } from './progress.js';
import { resultsOfUnits } from './seeds.js';
import { canonicalOptions, parseShard, type ShardDocument, shardUnits } from './shard.js';
import { terminalText } from './terminal-text.js';
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
  const { out, json, quiet, lang, book, logCounts, threads, shard, ...options } = flags;
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

/**
 * Checks that `workers` runs at once (each worker holds its own buffers, and its threaded product's
 * when `productThreads` > 1) fit in the machine's memory.
 */
function checkMachineMemory(
  config: ResolvedSweepConfig,
  workers: number,
  productThreads: number,
): void {
  const one = runMemory(config, productThreads);
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
 * Tasks per worker thread when a sweep has at least as many seeds as threads: the workers take
 * them in turn, so one slowed by other work on the machine takes fewer (one task per worker waits
 * for the slowest). Each task holds whole seeds, whose runs share X and the weight draws.
 */
export const seedTasksPerThread = 8;

/**
 * The pool tasks of some (seed, run) units of the sweep on `threads` threads, in unit order. With at
 * least as many seeds as threads: contiguous groups of whole seeds, up to {@link seedTasksPerThread}
 * per thread, whose sizes differ by at most one seed. Otherwise: contiguous slices of units whose
 * sizes differ by at most one, one per worker (one task: compute in this thread); with fewer units
 * than threads, each task's products are split across the threads its worker would leave idle
 * (`productThreadsFor`: big runs only).
 */
export function sweepTasks(
  config: ResolvedSweepConfig,
  units: readonly number[],
  threads: number,
): SweepTask[] {
  const options = canonicalOptions(config);
  const runCount = sweepRunCount(config);
  // the units' seeds, in order, each with its units (a shard may hold part of its first and last seed)
  const seeds: number[][] = [];
  for (const unit of units) {
    const seed = Math.floor(unit / runCount);
    const last = seeds.at(-1);
    if (last && Math.floor((last[0] as number) / runCount) === seed) last.push(unit);
    else seeds.push([unit]);
  }
  if (threads > 1 && seeds.length >= threads) {
    return splitEvenly(seeds.length, threads * seedTasksPerThread).map((group) => ({
      kind: 'sweep',
      options,
      units: group.flatMap((i) => seeds[i] as number[]),
    }));
  }
  const productThreads = productThreadsFor(config, units.length, threads);
  return splitEvenly(units.length, threads).map((slice) => ({
    kind: 'sweep',
    options,
    units: slice.map((i) => units[i] as number),
    ...(productThreads > 1 ? { productThreads } : {}),
  }));
}

/** Worker threads the tasks of {@link sweepTasks} keep busy: one per task, at most `threads`. */
export function sweepWorkers(tasks: readonly SweepTask[], threads: number): number {
  return Math.max(1, Math.min(threads, tasks.length));
}

/**
 * The sweep's tasks (`sweepTasks` of some (seed, run) units) on `threads` worker threads, which take
 * them in turn; gathered in unit order, so the runs are the same bits as in this thread (one task).
 */
async function computeUnits(
  config: ResolvedSweepConfig,
  tasks: readonly SweepTask[],
  threads: number,
  io: CommandIO,
  progress: Progress | undefined,
): Promise<RunResult[]> {
  const units = tasks.reduce((sum, task) => sum + task.units.length, 0);
  const total = units * config.layers * (config.gradients ? 2 : 1);
  let done = 0;
  if (tasks.length <= 1) {
    return sweepTask(tasks[0] ?? { kind: 'sweep', options: canonicalOptions(config), units: [] }, {
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onStep: () => progress.update(++done, total) } : {}),
    });
  }
  const parts = await runPool(tasks, threads, {
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress ? { onStep: () => progress.update(++done, total) } : {}),
  });
  return parts.flat();
}

/** `run --shard i/n`: only JSON, and only with --json (the report comes from `initscope merge`). */
function checkShardFlags(flags: RunFlags): void {
  if (flags.json === undefined) {
    throw new UsageError(
      'Invalid --shard without --json: a shard writes its runs to --json; join the shards with `initscope merge`.',
    );
  }
  if (flags.out !== defaultOut) {
    throw new UsageError(
      `Invalid --out ${JSON.stringify(flags.out)} with --shard: a shard writes no report; \`initscope merge\` writes it from all shards.`,
    );
  }
}

/** `initscope run`: validate everything, simulate, then write the report and JSON (see output/write.ts). */
export async function runCommand(flags: RunFlags, io: CommandIO): Promise<void> {
  const { config } = resolve(flags);
  const threads = parseThreads(flags.threads);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (shard) checkShardFlags(flags);
  const all = Array.from({ length: sweepUnitCount(config) }, (_, i) => i);
  const units = shard ? shardUnits(all.length, shard) : all;
  const tasks = sweepTasks(config, units, threads);
  checkMachineMemory(config, sweepWorkers(tasks, threads), tasks[0]?.productThreads ?? 1);
  const out = shard ? undefined : checkOutput('--out', flags.out);
  const jsonOut =
    flags.json === undefined ? undefined : checkOutput('--json', flags.json, out ? [out] : []);
  const t = terminalText(flags.lang);
  if (shard) {
    const progress = progressOf(io, flags.quiet === true, t);
    let runs: RunResult[];
    try {
      runs = await computeUnits(config, tasks, threads, io, progress);
    } finally {
      progress?.stop();
    }
    const doc: ShardDocument = {
      tool: 'initscope',
      kind: 'shard',
      version,
      sweep: canonicalOptions(config),
      shard: { ...shard, units: units.length, first: units[0] ?? 0 },
      runs,
    };
    await writeOutputs([[jsonOut, `${JSON.stringify(doc)}\n`]], io);
    if (!flags.quiet && jsonOut && jsonOut.kind !== 'stdout') {
      io.stdout.write(
        `Shard ${shard.index}/${shard.count}: ${units.length} of ${all.length} runs. JSON: ${jsonOut.path}\n`,
      );
    }
    return;
  }
  const outTarget = out as NonNullable<typeof out>;

  const progress = progressOf(io, flags.quiet === true, t);
  let results: Results;
  try {
    results = resultsOfUnits(config, await computeUnits(config, tasks, threads, io, progress));
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
      [outTarget, html],
      [jsonOut, json],
    ],
    io,
  );

  if (!flags.quiet) {
    const text = writesToStdout(outTarget, jsonOut) ? io.stderr : io.stdout;
    text.write(`${summarize(results, { lang: flags.lang })}\n`);
    if (outTarget.kind !== 'stdout') text.write(`${t.report(outTarget.path)}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`${t.json(jsonOut.path)}\n`);
  }
}
