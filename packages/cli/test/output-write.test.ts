import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkOutputPath, writeAtomic } from '../src/files.js';
import { checkOutput, OutputError, writeOutputs } from '../src/output/index.js';
import { tempDir } from './fixtures.js';
import {
  makeDevice,
  makeFifo,
  openPty,
  readFifo,
  stalledReader,
  tempFilesIn,
} from './output-fixtures.js';

/** Content bigger than a pipe's 64 KiB buffer, so a writer has to wait for its reader. */
const big = `${'0123456789abcdef'.repeat(16 * 1024)}\n`;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('writeOutputs() on regular files', () => {
  it('creates a new file with the mode any new file gets here', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'peer'), '');
    const file = join(dir, 'new.json');
    await writeOutputs([[checkOutput('--json', file), 'new']]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode).toBe(statSync(join(dir, 'peer')).mode);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it.each([
    ['0600', 0o600],
    ['0640', 0o640],
    ['0444', 0o444],
  ])('keeps an existing file’s mode %s', async (_, mode) => {
    const dir = tempDir();
    const file = join(dir, 'r.html');
    writeFileSync(file, 'old');
    chmodSync(file, mode);
    await writeOutputs([[checkOutput('--out', file), 'new']]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o7777).toBe(mode);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('writes through a symbolic link: the link stays, the file it points to changes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.html'), 'old');
    chmodSync(join(dir, 'real.html'), 0o600);
    symlinkSync('real.html', join(dir, 'link.html'));
    await writeOutputs([[checkOutput('--out', join(dir, 'link.html')), 'new']]);
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.html'))).toBe('real.html');
    expect(readFileSync(join(dir, 'real.html'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'real.html')).mode & 0o7777).toBe(0o600);
  });

  it('creates the file a dangling link points to', async () => {
    const dir = tempDir();
    symlinkSync('later.html', join(dir, 'link.html'));
    await writeOutputs([[checkOutput('--out', join(dir, 'link.html')), 'new']]);
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'later.html'), 'utf8')).toBe('new');
  });

  it('appends to a file open as one of its descriptors, at that descriptor’s offset', async () => {
    const dir = tempDir();
    const log = join(dir, 'log.txt');
    writeFileSync(log, 'earlier\n');
    const fd = openSync(log, 'a');
    try {
      symlinkSync(`/proc/self/fd/${fd}`, join(dir, 'fd'));
      await writeOutputs([[checkOutput('--json', join(dir, 'fd')), 'appended\n']]);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(log, 'utf8')).toBe('earlier\nappended\n');
    expect(lstatSync(join(dir, 'fd')).isSymbolicLink()).toBe(true);
  });
});

describe('writeOutputs() in place', () => {
  it('writes "-" to the standard output it is given', async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeOutputs([[checkOutput('--json', '-'), big]], { stdout });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(big);
  });

  it('writes to a character device and leaves it a device', async (ctx) => {
    const dir = tempDir();
    const device = join(dir, 'null');
    const why = makeDevice(device, 1, 3);
    ctx.skip(why !== undefined, why);
    const before = statSync(device);
    await writeOutputs([[checkOutput('--out', device), big]]);
    const after = lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.rdev, after.ino]).toEqual([before.rdev, before.ino]);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('fails with ENOSPC on a full device, and no regular file written beside it changes', async (ctx) => {
    const dir = tempDir();
    const full = join(dir, 'full');
    const why = makeDevice(full, 1, 7);
    ctx.skip(why !== undefined, why);
    const report = join(dir, 'r.html');
    writeFileSync(report, 'earlier');
    const error = await rejection(
      writeOutputs([
        [checkOutput('--out', report), 'new'],
        [checkOutput('--json', full), '{}'],
      ]),
    );
    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toBe(
      `Cannot write --json "${full}": no space left on device (ENOSPC); no file was written or changed.`,
    );
    expect(readFileSync(report, 'utf8')).toBe('earlier');
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('writes a pseudo-terminal in place', async (ctx) => {
    const pty = await openPty();
    ctx.skip(typeof pty === 'string', pty as string);
    const { path, text, close } = pty as Exclude<typeof pty, string>;
    try {
      await writeOutputs([[checkOutput('--json', path), big]]);
      expect(await text(big.length)).toBe(big);
      expect(statSync(path).isCharacterDevice()).toBe(true);
    } finally {
      close();
    }
  });

  it('writes a FIFO to its reader and leaves it a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const reader = readFifo(fifo);
    await writeOutputs([[checkOutput('--json', fifo), big]]);
    expect(await reader.text).toBe(big);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('waits for a FIFO to get its reader', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const written = writeOutputs([[checkOutput('--json', fifo), 'late reader\n']]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reader = readFifo(fifo);
    await written;
    expect(await reader.text).toBe('late reader\n');
  });

  it('stops waiting for a FIFO’s reader on abort', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const written = writeOutputs([[checkOutput('--json', fifo), 'nobody reads this\n']], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 100);
    expect(await rejection(written)).toBe(reason);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('fails with EPIPE when the FIFO’s reader goes away', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const reader = stalledReader(fifo);
    const written = writeOutputs([[checkOutput('--json', fifo), big.repeat(4)]]);
    await reader.firstBytes();
    reader.close();
    const error = await rejection(written);
    expect(error.message).toBe(
      `Cannot write --json "${fifo}": broken pipe (EPIPE); no file was written or changed.`,
    );
  });

  it('stops a write to a stalled FIFO on abort, and leaves the regular file beside it as it was', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    makeFifo(fifo);
    const report = join(dir, 'r.json');
    writeFileSync(report, 'earlier');
    const reader = stalledReader(fifo);
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const written = writeOutputs(
      [
        [checkOutput('--out', fifo), big],
        [checkOutput('--json', report), 'new'],
      ],
      { signal: controller.signal },
    );
    try {
      await reader.firstBytes();
      controller.abort(reason);
      expect(await rejection(written)).toBe(reason);
    } finally {
      reader.close();
    }
    expect(readFileSync(report, 'utf8')).toBe('earlier');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('sends the content to a Unix socket’s listener', async () => {
    const dir = tempDir();
    const socket = join(dir, 'socket');
    let received: Promise<string> | undefined;
    const server = createServer((connection) => {
      const chunks: Buffer[] = [];
      connection.on('data', (chunk: Buffer) => chunks.push(chunk));
      received = new Promise((resolve) =>
        connection.on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))),
      );
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await writeOutputs([[checkOutput('--json', socket), big]]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(await received).toBe(big);
      expect(lstatSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('fails in one line when nobody listens on the socket any more', async () => {
    const dir = tempDir();
    const socket = join(dir, 'socket');
    // A listener killed before it could clean up leaves its socket file behind.
    const listener = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => listener.stdout.once('data', resolve));
    listener.kill('SIGKILL');
    await new Promise((resolve) => listener.once('exit', resolve));
    writeFileSync(join(dir, 'r.html'), 'earlier');
    const error = await rejection(
      writeOutputs([
        [checkOutput('--out', join(dir, 'r.html')), 'new'],
        [checkOutput('--json', socket), '{}'],
      ]),
    );
    expect(error.message).toBe(
      `Cannot write --json "${socket}": connection refused (ECONNREFUSED); no file was written or changed.`,
    );
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('earlier');
  });

  it('fails in one line when an output’s folder went away during the work', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    const target = checkOutput('--json', join(dir, 'out', 'r.json'));
    rmSync(join(dir, 'out'), { recursive: true });
    const error = await rejection(writeOutputs([[target, '{}']]));
    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toBe(
      `Cannot write --json "${join(dir, 'out', 'r.json')}": folder ${join(dir, 'out')} does not exist; no file was written or changed.`,
    );
  });
});

describe('the older files.ts calls, kept for commands written before the writer', () => {
  it('checkOutputPath() gives the absolute path and refuses a folder; writeAtomic() keeps a link', async () => {
    const dir = tempDir();
    expect(() => checkOutputPath('--out', dir)).toThrow(
      `Invalid --out "${dir}": it is a folder; give a file name.`,
    );
    writeFileSync(join(dir, 'real.json'), 'earlier');
    symlinkSync('real.json', join(dir, 'link.json'));
    const path = checkOutputPath('--json', join(dir, 'link.json'));
    expect(path).toBe(join(dir, 'link.json'));
    await writeAtomic(path, 'new');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
  });
});
