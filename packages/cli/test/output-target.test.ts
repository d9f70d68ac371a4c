import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput, maxOutputLinks, writesToStdout } from '../src/output/index.js';
import { tempDir } from './fixtures.js';
import { makeDevice, makeFifo, tempFilesIn } from './output-fixtures.js';

function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

function usageError(flag: string, value: string): string {
  try {
    checkOutput(flag, value);
  } catch (error) {
    expect((error as Error).name).toBe('UsageError');
    return (error as Error).message;
  }
  throw new Error(`checkOutput accepted ${value}`);
}

describe('checkOutput()', () => {
  it('takes "-" as standard output', () => {
    const target = checkOutput('--json', '-');
    expect(target).toEqual({ flag: '--json', value: '-', path: '-', kind: 'stdout' });
    expect(writesToStdout(target)).toBe(true);
  });

  it('takes a missing or regular file as a file to replace, and leaves no probe behind', () => {
    const dir = tempDir();
    const missing = join(dir, 'new.html');
    expect(checkOutput('--out', missing)).toEqual({
      flag: '--out',
      value: missing,
      path: missing,
      kind: 'file',
      file: missing,
    });
    const existing = join(dir, 'old.html');
    writeFileSync(existing, 'old');
    expect(checkOutput('--out', existing).kind).toBe('file');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('follows a chain of relative symbolic links to the file at its end, missing or not', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'www'));
    symlinkSync('www/report.html', join(dir, 'b.html'));
    symlinkSync('b.html', join(dir, 'a.html'));
    const target = checkOutput('--out', join(dir, 'a.html'));
    expect(target.kind).toBe('file');
    expect(target.path).toBe(join(dir, 'a.html'));
    expect(target.file).toBe(join(dir, 'www', 'report.html'));
  });

  it('sees character devices, FIFOs and sockets as written in place', async (ctx) => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    expect(checkOutput('--json', fifo)).toMatchObject({ kind: 'fifo', file: fifo });
    const socket = join(dir, 'socket');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(checkOutput('--json', socket)).toMatchObject({ kind: 'socket', file: socket });
    } finally {
      server.close();
    }
    const device = join(dir, 'null');
    const why = makeDevice(device, 1, 3);
    ctx.skip(why !== undefined, why);
    symlinkSync('null', join(dir, 'null-link'));
    expect(checkOutput('--out', join(dir, 'null-link'))).toMatchObject({
      kind: 'device',
      file: device,
    });
  });

  it("sees a link to /proc/self/fd/N as this process's open descriptor N", () => {
    const dir = tempDir();
    const fd = openSync(join(dir, 'log.txt'), 'a');
    try {
      symlinkSync(`/proc/self/fd/${fd}`, join(dir, 'fd-link'));
      expect(checkOutput('--json', join(dir, 'fd-link'))).toMatchObject({ kind: 'descriptor', fd });
      symlinkSync('/proc/self/fd/1', join(dir, 'stdout-link'));
      expect(writesToStdout(checkOutput('--json', join(dir, 'stdout-link')))).toBe(true);
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a descriptor that is closed, read-only, or one of the event loop’s own', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.txt'), 'in');
    const fd = openSync(join(dir, 'in.txt'), 'r');
    try {
      expect(usageError('--json', `/proc/self/fd/${fd}`)).toBe(
        `Invalid --json "/proc/self/fd/${fd}": file descriptor ${fd} is open for reading only.`,
      );
    } finally {
      closeSync(fd);
    }
    expect(usageError('--json', '/proc/self/fd/999999')).toBe(
      'Invalid --json "/proc/self/fd/999999": file descriptor 999999 is not open.',
    );
    const own = readdirSync('/proc/self/fd')
      .map((name) => ({ fd: Number(name), what: readlinkOrEmpty(`/proc/self/fd/${name}`) }))
      .find(({ what }) => what.startsWith('anon_inode:'));
    expect(own).toBeDefined();
    const { fd: loopFd, what } = own as { fd: number; what: string };
    expect(usageError('--json', `/proc/self/fd/${loopFd}`)).toBe(
      `Invalid --json "/proc/self/fd/${loopFd}": file descriptor ${loopFd} is not a file, pipe or terminal (${what}).`,
    );
  });

  it.each([
    [
      'a folder',
      (dir: string) => dir,
      (dir: string) => `Invalid --out "${dir}": it is a folder; give a file name.`,
    ],
    [
      'a file in a missing folder',
      (dir: string) => join(dir, 'nope', 'r.html'),
      (dir: string) =>
        `Invalid --out "${join(dir, 'nope', 'r.html')}": folder ${join(dir, 'nope')} does not exist.`,
    ],
    [
      'a file under a file',
      (dir: string) => {
        writeFileSync(join(dir, 'plain'), '');
        return join(dir, 'plain', 'r.html');
      },
      (dir: string) =>
        `Invalid --out "${join(dir, 'plain', 'r.html')}": ${join(dir, 'plain')} is not a folder.`,
    ],
    [
      'a link to a folder',
      (dir: string) => {
        symlinkSync('.', join(dir, 'here'));
        return join(dir, 'here');
      },
      (dir: string) =>
        `Invalid --out "${join(dir, 'here')}" (a link to ${dir}): it is a folder; give a file name.`,
    ],
    [
      'a link into a missing folder',
      (dir: string) => {
        symlinkSync('gone/r.html', join(dir, 'link.html'));
        return join(dir, 'link.html');
      },
      (dir: string) =>
        `Invalid --out "${join(dir, 'link.html')}" (a link to ${join(dir, 'gone', 'r.html')}): folder ${join(dir, 'gone')} does not exist.`,
    ],
    [
      'a link loop',
      (dir: string) => {
        symlinkSync('b', join(dir, 'a'));
        symlinkSync('a', join(dir, 'b'));
        return join(dir, 'a');
      },
      (dir: string) =>
        `Invalid --out "${join(dir, 'a')}" (a link to ${join(dir, 'b')}): more than ${maxOutputLinks} symbolic links; is there a loop?`,
    ],
    [
      'a name ending in "/"',
      (dir: string) => `${join(dir, 'r.html')}/`,
      (dir: string) =>
        `Invalid --out "${join(dir, 'r.html')}/": it ends with "/"; give a file name.`,
    ],
    ['an empty name', () => '', () => 'Invalid --out "": it is empty; give a file name.'],
  ])('refuses %s with one line naming the flag and the value', (_, make, message) => {
    const dir = tempDir();
    expect(usageError('--out', make(dir))).toBe(message(dir));
  });

  it('refuses a block device (a disk)', (ctx) => {
    const dir = tempDir();
    const disk = join(dir, 'disk');
    const made = spawnSync('mknod', [disk, 'b', '7', '0'], { encoding: 'utf8' });
    ctx.skip(made.status !== 0, `mknod of a block device failed: ${made.stderr}`);
    expect(usageError('--out', disk)).toBe(
      `Invalid --out "${disk}": it is a block device (a disk); give a file name.`,
    );
  });

  it('refuses the same file, FIFO or standard output twice, but not the same device', (ctx) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.html'), '');
    symlinkSync('real.html', join(dir, 'link.html'));
    const out = checkOutput('--out', join(dir, 'real.html'));
    expect(() => checkOutput('--json', join(dir, 'link.html'), [out])).toThrow(
      `Invalid --json "${join(dir, 'link.html')}": it is the same file as --out.`,
    );
    makeFifo(join(dir, 'fifo'));
    const fifo = checkOutput('--out', join(dir, 'fifo'));
    expect(() => checkOutput('--json', join(dir, 'fifo'), [fifo])).toThrow(
      `Invalid --json "${join(dir, 'fifo')}": it is the same file as --out.`,
    );
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    expect(() => checkOutput('--json', join(dir, 'stdout'), [checkOutput('--out', '-')])).toThrow(
      `Invalid --json "${join(dir, 'stdout')}": --out already writes to standard output.`,
    );
    expect(checkOutput('--json', join(dir, 'other.json'), [out, undefined]).kind).toBe('file');
    const why = makeDevice(join(dir, 'null'), 1, 3);
    ctx.skip(why !== undefined, why);
    const device = checkOutput('--out', join(dir, 'null'));
    expect(checkOutput('--json', join(dir, 'null'), [device]).kind).toBe('device');
  });
});
