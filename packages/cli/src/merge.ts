import { readFile } from 'node:fs/promises';
import { renderReport, summarize } from '@initscope/report';
import {
  ConfigError,
  type ResolvedSweepConfig,
  type RunResult,
  resolveSweepConfig,
  sweepUnitCount,
  version,
} from '@initscope/sim';
import type { CommandIO, MergeFlags } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { resultsOfUnits } from './seeds.js';
import { type ShardDocument, shardUnits } from './shard.js';
import { UsageError } from './usage-error.js';

async function readShard(path: string): Promise<ShardDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read shard ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
  let doc: Partial<ShardDocument>;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`Invalid shard ${path}: not JSON.`);
  }
  if (
    doc?.tool !== 'initscope' ||
    doc.kind !== 'shard' ||
    typeof doc.version !== 'string' ||
    typeof doc.sweep !== 'object' ||
    !Array.isArray(doc.runs) ||
    !Number.isInteger(doc.shard?.index) ||
    !Number.isInteger(doc.shard?.count)
  ) {
    throw new UsageError(
      `Invalid shard ${path}: not written by \`initscope run --shard i/n --json ${path}\`.`,
    );
  }
  return doc as ShardDocument;
}

/**
 * `initscope merge a.json b.json …`: joins the shards of one sweep (any order) into the results and
 * report the unsharded run writes, byte for byte. Refuses shards of other versions or sweeps, repeats
 * and gaps with one line.
 */
export async function mergeCommand(
  files: readonly string[],
  flags: MergeFlags,
  io: CommandIO,
): Promise<void> {
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);
  const shards: { path: string; doc: ShardDocument }[] = [];
  for (const path of files) shards.push({ path, doc: await readShard(path) });
  const first = shards[0] as { path: string; doc: ShardDocument };
  const sweepText = JSON.stringify(first.doc.sweep);
  for (const { path, doc } of shards) {
    if (doc.version !== first.doc.version || doc.version !== version) {
      throw new UsageError(
        `Cannot merge ${path}: written by initscope ${doc.version}, but ${first.path} by ${first.doc.version} and this is ${version}.`,
      );
    }
    if (JSON.stringify(doc.sweep) !== sweepText || doc.shard.count !== first.doc.shard.count) {
      throw new UsageError(
        `Cannot merge ${path}: its configuration or shard count differs from ${first.path}'s.`,
      );
    }
  }
  let config: ResolvedSweepConfig;
  try {
    config = resolveSweepConfig(first.doc.sweep);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(`Invalid shard ${first.path}: ${error.message}`);
    throw error;
  }
  const count = first.doc.shard.count;
  const byIndex = new Map<number, { path: string; doc: ShardDocument }>();
  for (const shard of shards) {
    const { index } = shard.doc.shard;
    const seen = byIndex.get(index);
    if (seen)
      throw new UsageError(
        `Cannot merge ${shard.path}: shard ${index}/${count} is also ${seen.path}.`,
      );
    const expected = shardUnits(sweepUnitCount(config), shard.doc.shard).length;
    if (index < 1 || index > count || shard.doc.runs.length !== expected) {
      throw new UsageError(
        `Invalid shard ${shard.path}: shard ${index}/${count} should hold ${expected} runs.`,
      );
    }
    byIndex.set(index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((i) => `${i}/${count}`)
      .join(', ');
    throw new UsageError(
      `Missing shard${missing.length > 1 ? 's' : ''} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: give every shard of the sweep.`,
    );
  }
  const units: RunResult[] = [];
  for (let i = 1; i <= count; i++)
    units.push(...(byIndex.get(i) as { doc: ShardDocument }).doc.runs);
  const results = resultsOfUnits(config, units);
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
