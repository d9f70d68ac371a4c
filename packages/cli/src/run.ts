import { totalmem } from 'node:os';
import { renderReport, summarize } from '@initscope/report';
import {
  ConfigError,
  type ResolvedSweepConfig,
  resolveSweepConfig,
  runMemory,
  type SweepOptions,
  sweep,
} from '@initscope/sim';
import { type CommandIO, type RunFlags, runFlagOf } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { progressOf } from './progress.js';
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
  const { out, json, quiet, lang, book, logCounts, ...options } = flags;
  return book ? { ...options, range: [0, 1], bins: 30 } : options;
}

/** Validates and parses every sweep flag once; a bad value is a UsageError naming its flag. */
function resolve(flags: RunFlags): ResolvedSweepConfig {
  try {
    return resolveSweepConfig(sweepOptions(flags), (field) => runFlagOf[field] ?? field);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function checkMachineMemory(config: ResolvedSweepConfig): void {
  const { bytes, description } = runMemory(config);
  const available = totalmem() * machineMemoryShare;
  if (bytes > available) {
    const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
    throw new UsageError(
      `Run too large: --samples ${config.samples} × width ${Math.max(...config.widths)} needs ${gib(bytes)} (${description}); this machine has ${gib(totalmem())} (at most ${gib(available)} usable). Reduce --samples or the width.`,
    );
  }
}

/** `initscope run`: validate everything, simulate, then write the report and JSON (see output/write.ts). */
export async function runCommand(flags: RunFlags, io: CommandIO): Promise<void> {
  const config = resolve(flags);
  checkMachineMemory(config);
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);

  const t = terminalText(flags.lang);
  const progress = progressOf(io, flags.quiet === true, t);
  let results: Awaited<ReturnType<typeof sweep>>;
  try {
    results = await sweep(config, {
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
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
    if (out.kind !== 'stdout') text.write(`${t.report(out.path)}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`${t.json(jsonOut.path)}\n`);
  }
}
