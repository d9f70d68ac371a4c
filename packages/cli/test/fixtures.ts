import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type CommandIO, main } from '../src/index.js';

/** Command-line words from one string: `words('--inits he')` is `['--inits', 'he']`. */
export function words(text: string): string[] {
  return text.split(' ');
}

/** A fresh temporary folder for one test's output files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'initscope-cli-'));
}

/** Runs `initscope` in-process, capturing what it prints. */
export function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...argv);
}

/** Runs `initscope` in-process with extra IO settings, capturing what it prints. */
export async function cliWith(
  io: Omit<Partial<CommandIO>, 'stdout' | 'stderr'>,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await main(argv, { ...io, stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
