import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { LocateProblem, type Location, locateOutput, type OutputKind } from './locate.js';

/** One output a command will write, checked before any work. */
export interface OutputTarget {
  /** How messages name the output: its flag, e.g. "--json" (or a few words outside the command line). */
  readonly flag: string;
  /** The value as given: a path, or "-" for standard output. */
  readonly value: string;
  /** The absolute path, as the command prints it ("-" for standard output). */
  readonly path: string;
  /** How it will be written, as found by the check (the writer looks again when it writes). */
  readonly kind: OutputKind;
  /** The regular file, device, FIFO or socket at the end of the symbolic links. */
  readonly file?: string;
  /** The descriptor written, for a `descriptor` (e.g. 1 for `/dev/stdout`). */
  readonly fd?: number;
}

function targetOf(flag: string, value: string, location: Location): OutputTarget {
  const path = value === '-' ? '-' : resolve(value);
  if (location.kind === 'stdout') return { flag, value, path, kind: 'stdout' };
  if (location.kind === 'descriptor')
    return { flag, value, path, kind: 'descriptor', fd: location.fd };
  return { flag, value, path, kind: location.kind, file: location.file };
}

/** The target is this process's standard output ("-", `/dev/stdout`, a link to `/proc/self/fd/1`). */
function isStdout(target: OutputTarget): boolean {
  return target.kind === 'stdout' || (target.kind === 'descriptor' && target.fd === 1);
}

/** Some target writes to standard output, so what the command prints must go to stderr. */
export function writesToStdout(...targets: readonly (OutputTarget | undefined)[]): boolean {
  return targets.some((target) => target !== undefined && isStdout(target));
}

/** Why `target` may not be written beside `other`, if it may not: the same file or stream twice. */
function clash(target: OutputTarget, other: OutputTarget): string | undefined {
  if (isStdout(target) && isStdout(other))
    return `${other.flag} already writes to standard output.`;
  const same =
    (target.kind === 'descriptor' && other.kind === 'descriptor' && target.fd === other.fd) ||
    ((target.kind === 'file' || target.kind === 'fifo') &&
      target.kind === other.kind &&
      target.file === other.file);
  return same ? `it is the same file as ${other.flag}.` : undefined;
}

/**
 * Checks before any work that output `value` (a path, or "-" for standard output) can be written,
 * and that it is not the same file or stream as one of `others` (character devices such as
 * /dev/null may repeat). Throws a UsageError naming `flag` and the value: a folder, a missing or
 * unwritable folder, a disk, a link loop, a closed descriptor.
 */
export function checkOutput(
  flag: string,
  value: string,
  others: readonly (OutputTarget | undefined)[] = [],
): OutputTarget {
  let location: Location;
  try {
    location = locateOutput(value);
  } catch (error) {
    if (!(error instanceof LocateProblem)) throw error;
    const link = error.linkedTo === undefined ? '' : ` (a link to ${error.linkedTo})`;
    throw new UsageError(`Invalid ${flag} "${value}"${link}: ${error.message}`);
  }
  const target = targetOf(flag, value, location);
  for (const other of others) {
    const problem = other === undefined ? undefined : clash(target, other);
    if (problem !== undefined) throw new UsageError(`Invalid ${flag} "${value}": ${problem}`);
  }
  return target;
}
