import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  type Stats,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemErrorText } from './output-error.js';

/** Most symbolic links followed from one output path (Linux's own limit is 40). */
export const maxOutputLinks = 40;

/** The kinds of output target, by how they are written. */
export const outputKinds = ['stdout', 'file', 'device', 'fifo', 'socket', 'descriptor'] as const;

/**
 * How an output is written: `stdout` is "-"; a `file` (missing or regular, links resolved) is
 * replaced through a temporary file; a character `device`, a `fifo` and a `socket` are written in
 * place; a `descriptor` is one of this process's own open files (`/dev/stdout`, `/proc/self/fd/N`).
 */
export type OutputKind = (typeof outputKinds)[number];

/** Where an output path leads now, every symbolic link followed. */
export type Location =
  | { kind: 'stdout' }
  /** `file` is the regular file to replace; `existing` its stats, absent when it does not exist yet. */
  | { kind: 'file'; file: string; existing: Stats | undefined }
  | { kind: 'device' | 'fifo' | 'socket'; file: string }
  | { kind: 'descriptor'; fd: number };

/** Why a path cannot be an output: the words after `Invalid --flag "value": `. */
export class LocateProblem extends Error {
  override name = 'LocateProblem';
  /** The path the symbolic links led to, when the problem is past a link. */
  linkedTo: string | undefined;
}

// /proc/<pid>/fd and /proc/<pid>/task/<tid>/fd, as realpath gives /proc/self/fd, /dev/fd and /proc/thread-self/fd.
const procFdFolder = /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd$/;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The real path of `folder`, which must exist and be a folder. */
function realFolder(folder: string): string {
  let real: string;
  try {
    real = realpathSync.native(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new LocateProblem(`folder ${folder} does not exist.`);
    if (errorCode(error) === 'ENOTDIR') throw new LocateProblem(`${folder} is not a folder.`);
    if (errorCode(error) === 'ELOOP') throw tooManyLinks();
    throw new LocateProblem(`folder ${folder}: ${systemErrorText(error)}.`);
  }
  if (!statSync(real).isDirectory()) throw new LocateProblem(`${folder} is not a folder.`);
  return real;
}

/** Creates and removes a probe file: permission bits alone do not tell (root, read-only mounts). */
function checkFolderWritable(real: string, folder: string): void {
  const probe = join(real, `.initscope-probe-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch {
    throw new LocateProblem(`folder ${folder} is not writable.`);
  }
}

function tooManyLinks(): LocateProblem {
  return new LocateProblem(`more than ${maxOutputLinks} symbolic links; is there a loop?`);
}

/** This process's descriptor `fd`, which must be open for writing. */
function ownDescriptor(fd: number): Location {
  try {
    fstatSync(fd);
  } catch {
    throw new LocateProblem(`file descriptor ${fd} is not open.`);
  }
  // Node's own event loop descriptors (epoll, eventfd) are no place for output.
  const what = readlinkSync(`/proc/self/fd/${fd}`);
  if (what.startsWith('anon_inode:')) {
    throw new LocateProblem(`file descriptor ${fd} is not a file, pipe or terminal (${what}).`);
  }
  // fdinfo's "flags:" is octal; its low two bits are the access mode (0 = O_RDONLY).
  const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
  if (flags?.[1] !== undefined && (Number.parseInt(flags[1], 8) & 3) === constants.O_RDONLY) {
    throw new LocateProblem(`file descriptor ${fd} is open for reading only.`);
  }
  return { kind: 'descriptor', fd };
}

/** A character device, FIFO or socket is written in place, so the path itself must be writable. */
function inPlace(kind: 'device' | 'fifo' | 'socket', file: string): Location {
  try {
    accessSync(file, constants.W_OK);
  } catch {
    throw new LocateProblem(`${file} is not writable.`);
  }
  return { kind, file };
}

/** What a path that is neither a link nor missing is, as an output. */
function locateExisting(stats: Stats, file: string, folder: string, real: string): Location {
  if (stats.isDirectory()) throw new LocateProblem('it is a folder; give a file name.');
  if (stats.isFile()) {
    checkFolderWritable(real, folder);
    return { kind: 'file', file, existing: stats };
  }
  if (stats.isBlockDevice())
    throw new LocateProblem('it is a block device (a disk); give a file name.');
  if (stats.isCharacterDevice()) return inPlace('device', file);
  if (stats.isFIFO()) return inPlace('fifo', file);
  return inPlace('socket', file);
}

/** One step along the links: where `path` leads if it is not a link, else the path it links to. */
function step(value: string, path: string): Location | { link: string } {
  const folder = dirname(path);
  const name = basename(path);
  const real = realFolder(folder);
  const file = join(real, name);
  const proc = procFdFolder.exec(real);
  if (proc && /^\d+$/.test(name) && Number(proc[1]) === process.pid) {
    return ownDescriptor(Number(name));
  }
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    if (value.endsWith('/')) throw new LocateProblem('it ends with "/"; give a file name.');
    checkFolderWritable(real, folder);
    return { kind: 'file', file, existing: undefined };
  }
  if (value.endsWith('/') && !stats.isDirectory() && !stats.isSymbolicLink()) {
    throw new LocateProblem('it ends with "/"; give a file name.');
  }
  if (!stats.isSymbolicLink()) return locateExisting(stats, file, folder, real);
  // Another process's /proc/<pid>/fd/N: a pipe or device there is opened through the link itself.
  if (proc) {
    const target = statSync(file);
    if (!target.isFile()) return locateExisting(target, file, folder, real);
  }
  return { link: resolve(real, readlinkSync(file)) };
}

/**
 * Where the output `value` leads now: "-" is standard output; otherwise symbolic links are followed
 * to the regular file, device, FIFO, socket or open descriptor at the end. Throws LocateProblem
 * when the path cannot be written (a folder, a missing or unwritable folder, a disk, a loop).
 */
export function locateOutput(value: string): Location {
  if (value === '-') return { kind: 'stdout' };
  if (value === '') throw new LocateProblem('it is empty; give a file name.');
  const start = resolve(value);
  let current = start;
  try {
    for (let links = 0; links <= maxOutputLinks; links++) {
      const next = step(value, current);
      if (!('link' in next)) return next;
      current = next.link;
    }
    throw tooManyLinks();
  } catch (error) {
    const problem =
      error instanceof LocateProblem ? error : new LocateProblem(`${systemErrorText(error)}.`);
    if (current !== start) problem.linkedTo = current;
    throw problem;
  }
}
