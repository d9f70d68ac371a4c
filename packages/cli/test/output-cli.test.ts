import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './fixtures.js';
import { makeDevice, makeFifo, readFifo, tempFilesIn } from './output-fixtures.js';

/** Each command that writes outputs, with flags that keep it small, and the line naming its page. */
const commands = [
  {
    name: 'run',
    args: ['run', '--samples', '200', '--width', '20', '--layers', '3'],
    page: 'Report',
  },
  { name: 'phase', args: ['phase', '--activation', 'tanh'], page: 'Phase diagram' },
] as const;

describe.each(commands)('initscope $name outputs', ({ args, page }) => {
  it('writes through a link to a 0600 file and into a character device, replacing neither', async (ctx) => {
    const dir = tempDir();
    const device = join(dir, 'null');
    const why = makeDevice(device, 1, 3);
    ctx.skip(why !== undefined, why);
    writeFileSync(join(dir, 'real.html'), 'earlier');
    chmodSync(join(dir, 'real.html'), 0o600);
    const link = join(dir, 'link.html');
    symlinkSync('real.html', link);
    const { code, stdout, stderr } = await cli(...args, '--out', link, '--json', device);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`${page}: ${link}\nJSON: ${device}\n`);
    expect(readlinkSync(link)).toBe('real.html');
    expect(readFileSync(join(dir, 'real.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(statSync(join(dir, 'real.html')).mode & 0o7777).toBe(0o600);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.html', 'null', 'real.html']);
  });

  it('exits 1 with one line on a full device, and the earlier report stays', async (ctx) => {
    const dir = tempDir();
    const full = join(dir, 'full');
    const why = makeDevice(full, 1, 7);
    ctx.skip(why !== undefined, why);
    const out = join(dir, 'r.html');
    writeFileSync(out, 'earlier');
    const { code, stdout, stderr } = await cli(...args, '--out', out, '--json', full);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe(
      `initscope: Cannot write --json "${full}": no space left on device (ENOSPC); no file was written or changed.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('earlier');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('writes the page to standard output with --out - and the JSON to a FIFO’s reader', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const reader = readFifo(fifo);
    const { code, stdout, stderr } = await cli(...args, '--out', '-', '--json', fifo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n?$/i);
    expect(stderr).toContain(`JSON: ${fifo}\n`);
    expect(stderr).not.toContain(`${page}:`);
    expect(JSON.parse(await reader.text)).toHaveProperty('tool', 'initscope');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['fifo']);
  });
});

describe('file flags given a value that looks like an option', () => {
  it.each([
    [
      ['run', '--json', '--quiet'],
      'initscope: Invalid --json "--quiet": it looks like an option; give a file name, or write --json=--quiet if it is one.',
    ],
    [
      ['run', '--out', '-x'],
      'initscope: Invalid --out "-x": it looks like an option; give a file name, or write --out=-x if it is one.',
    ],
    [
      ['run', '-j', '--quiet'],
      'initscope: Invalid --json "--quiet": it looks like an option; give a file name, or write --json=--quiet if it is one.',
    ],
    [
      ['run', '--gradients', '-qo', '--theory'],
      'initscope: Invalid --out "--theory": it looks like an option; give a file name, or write --out=--theory if it is one.',
    ],
    [
      ['phase', '--activation', 'tanh', '--json', '--lang', 'ja'],
      'initscope: Invalid --json "--lang": it looks like an option; give a file name, or write --json=--lang if it is one.',
    ],
    [
      ['run', '--out', '-', '--json', '-'],
      'initscope: Invalid --json "-": --out already writes to standard output.',
    ],
  ])('%j exits 2 with one line before any work', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect([code, stdout, stderr]).toEqual([2, '', `${message}\n`]);
  });

  it('still reads values of other flags that start with "-", such as --range -1,1', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const { code, stderr } = await cli(
      ...['run', '--activations', 'tanh', '--inits', 'he', '--samples', '100', '--width', '10'],
      ...['--range', '-1,1', '--quiet', '--out', out],
    );
    expect([code, stderr]).toEqual([0, '']);
    expect(readdirSync(dir)).toEqual(['r.html']);
  });
});
