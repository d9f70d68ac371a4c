import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';
import { makeDevice, makeFifo, stalledReader, tempFilesIn } from './output-fixtures.js';

const bin = fileURLToPath(new URL('../bin/initscope.js', import.meta.url));
const small = ['run', '--samples', '200', '--width', '20', '--layers', '3'];

/** A child still running when its test ends (a failed or timed-out test) is stopped. */
let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  running = undefined;
});

/** A folder with a link `stdout` to /proc/self/fd/1: whoever opens it reaches their own standard output. */
function folderWithStdoutLink(): { dir: string; link: string } {
  const dir = tempDir();
  const link = join(dir, 'stdout');
  symlinkSync('/proc/self/fd/1', link);
  return { dir, link };
}

describe('the initscope binary writing outputs', () => {
  it.each([
    ['run', small, 'JSON'],
    ['phase', ['phase', '--activation', 'relu'], 'Phase diagram'],
  ])(
    '%s: a link to /proc/self/fd/1 reaches the piped standard output, and the summary moves to stderr',
    (_, args, line) => {
      const { dir, link } = folderWithStdoutLink();
      const flag = line === 'JSON' ? '--json' : '--out';
      const result = spawnSync(process.execPath, [bin, ...args, flag, link, '--lang', 'en'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      });
      expect(result.status).toBe(0);
      if (line === 'JSON') expect(JSON.parse(result.stdout)).toHaveProperty('tool', 'initscope');
      else expect(result.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n?$/i);
      expect(result.stderr).toContain(`${line}: ${link}\n`);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    },
  );

  it('appends to a standard output redirected to a file with >>, as the shell would', () => {
    const { dir, link } = folderWithStdoutLink();
    const log = join(dir, 'log.json');
    writeFileSync(log, 'earlier\n');
    const fd = openSync(log, 'a');
    try {
      const result = spawnSync(process.execPath, [bin, ...small, '--json', link, '--quiet'], {
        cwd: dir,
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
      expect([result.status, result.stderr]).toEqual([0, '']);
    } finally {
      closeSync(fd);
    }
    const [first, ...rest] = readFileSync(log, 'utf8').split('\n');
    expect(first).toBe('earlier');
    expect(JSON.parse(rest.join('\n'))).toHaveProperty('tool', 'initscope');
    expect(readdirSync(dir).sort()).toEqual(['initscope-report.html', 'log.json', 'stdout']);
  });

  it('exits 1 with one line when standard output is a pipe nobody reads (EPIPE)', async () => {
    const child = spawn(process.execPath, [bin, ...small, '--out', '-', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: tempDir(),
    });
    running = child;
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'initscope: Cannot write --out "-": broken pipe (EPIPE); no file was written or changed.\n',
    );
  });

  it('exits 130 on Ctrl-C during a write to a stalled FIFO, and the earlier JSON file stays', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const json = join(dir, 'r.json');
    writeFileSync(json, 'earlier json');
    const earlier = new Date('2020-01-02T03:04:05Z');
    utimesSync(json, earlier, earlier);
    const reader = stalledReader(fifo);
    try {
      // The report (~1 MB) is far more than the pipe holds: the write waits for a reader that never reads on.
      const child = spawn(process.execPath, [bin, ...small, '--out', fifo, '--json', json], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running = child;
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
      });
      const exited = new Promise((resolve) => child.on('close', resolve));
      await reader.firstBytes();
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toBe('initscope: interrupted; no file was written or changed.\n');
    } finally {
      reader.close();
    }
    expect(readFileSync(json, 'utf8')).toBe('earlier json');
    expect(statSync(json).mtimeMs).toBe(earlier.getTime());
    expect(tempFilesIn(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'r.json']);
  });

  it('writes a file named like an option only when the value is attached: --json=--quiet', (ctx) => {
    const dir = tempDir();
    const refused = spawnSync(process.execPath, [bin, ...small, '--json', '--quiet'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'initscope: Invalid --json "--quiet": it looks like an option; give a file name, or write --json=--quiet if it is one.\n',
    );
    expect(readdirSync(dir)).toEqual([]);
    const device = join(dir, 'null');
    const why = makeDevice(device, 1, 3);
    ctx.skip(why !== undefined, why);
    const attached = spawnSync(
      process.execPath,
      [bin, ...small, '--json=--quiet', '--out', device, '--quiet'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect([attached.status, attached.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(dir, '--quiet'), 'utf8'))).toHaveProperty('tool');
    expect(readdirSync(dir).sort()).toEqual(['--quiet', 'null']);
  });
});
