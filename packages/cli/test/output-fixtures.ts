import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Makes a character device `major`,`minor` at `path` (1,3 is null; 1,7 is full: every write fails
 * with ENOSPC). Resolves to why it could not be made or written (not root, a nodev mount), or
 * undefined when it works.
 */
export function makeDevice(path: string, major: number, minor: number): string | undefined {
  const made = spawnSync('mknod', [path, 'c', String(major), String(minor)], { encoding: 'utf8' });
  if (made.status !== 0) return `mknod failed: ${made.stderr.trim() || made.error?.message}`;
  try {
    const fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      if (major === 1 && minor === 3) writeSync(fd, 'x');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return `the device cannot be used here: ${(error as Error).message}`;
  }
  return undefined;
}

/** Makes a FIFO at `path`. */
export function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
}

/** A process reading a FIFO to its end; `text` resolves to what it read. */
export interface Reader {
  child: ChildProcess;
  text: Promise<string>;
}

/** Starts `cat path`, the usual reader of a FIFO. */
export function readFifo(path: string): Reader {
  const child = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const text = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
  return { child, text };
}

/**
 * Opens a FIFO's reading end without blocking and without reading: a writer then fills the pipe
 * and waits. `firstBytes` waits until something arrived (the write is under way) and reads a little.
 */
export function stalledReader(path: string): { firstBytes(): Promise<number>; close(): void } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return {
    async firstBytes() {
      const buffer = Buffer.alloc(1000);
      for (;;) {
        try {
          const read = readSync(fd, buffer, 0, buffer.length, null);
          if (read > 0) return read;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        }
        await sleep(10);
      }
    },
    close() {
      closeSync(fd);
    },
  };
}

/** A pseudo-terminal in raw mode held by a Python child: `path` is its terminal, `text` what arrived there. */
export interface Pty {
  path: string;
  text(bytes: number): Promise<string>;
  close(): void;
}

const ptyScript = `
import os, sys, tty, select
master, slave = os.openpty()
tty.setraw(slave)
sys.stdout.write(os.ttyname(slave) + "\\n"); sys.stdout.flush()
while True:
    ready, _, _ = select.select([master, sys.stdin], [], [])
    if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1): break
    if master in ready:
        os.write(sys.stdout.fileno(), os.read(master, 65536))
`;

/** Opens a pseudo-terminal with python3, or resolves to why it cannot. */
export async function openPty(): Promise<Pty | string> {
  const child = spawn('python3', ['-c', ptyScript], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const path = await new Promise<string | undefined>((resolve) => {
    child.on('error', () => resolve(undefined));
    child.on('exit', () => resolve(undefined));
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('utf8');
      const end = head.indexOf('\n');
      if (end < 0) return;
      child.stdout.off('data', onData);
      const rest = Buffer.from(head.slice(end + 1), 'utf8');
      if (rest.length > 0) chunks.push(rest);
      child.stdout.on('data', (more: Buffer) => chunks.push(more));
      resolve(head.slice(0, end));
    };
    child.stdout.on('data', onData);
  });
  if (path === undefined) return `python3 could not open a pseudo-terminal: ${stderr.trim()}`;
  return {
    path,
    async text(bytes) {
      for (let waited = 0; Buffer.concat(chunks).length < bytes && waited < 10_000; waited += 10) {
        await sleep(10);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    close() {
      child.stdin.end();
    },
  };
}

/** The names in `dir` that look like the writer's temporary files. */
export function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('probe'));
}
