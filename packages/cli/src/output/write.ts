import { writeDescriptor, writeInPlace, writeSocket, writeStream } from './direct.js';
import { LocateProblem, type Location, locateOutput } from './locate.js';
import { OutputError, systemErrorText } from './output-error.js';
import { commit, discard, type Staged, stage } from './replace.js';
import type { OutputTarget } from './target.js';

/** Where "-" goes and the signal that stops the writing; a command's CommandIO fits. */
export interface OutputIO {
  /** Standard output for "-". @default process.stdout, written through descriptor 1 */
  stdout?: NodeJS.WritableStream;
  /** Ctrl-C: stops a direct write and leaves every regular file as it was. */
  signal?: AbortSignal;
}

/** One output and its content; an undefined target (a flag not given) is skipped. */
export type OutputContent = readonly [
  target: OutputTarget | undefined,
  content: string | Uint8Array,
];

/** One output as it is now, ready to write. */
interface Planned {
  target: OutputTarget;
  location: Location;
  bytes: Uint8Array;
}

function cannotWrite(target: OutputTarget, error: unknown, unchanged: boolean): OutputError {
  if (error instanceof OutputError) return error;
  const reason =
    error instanceof LocateProblem ? error.message.replace(/\.$/, '') : systemErrorText(error);
  const after = unchanged ? '; no file was written or changed' : '';
  return new OutputError(`Cannot write ${target.flag} "${target.value}": ${reason}${after}.`);
}

function writeInPlaceOrStream(
  location: Exclude<Location, { kind: 'file' }>,
  bytes: Uint8Array,
  io: OutputIO,
): Promise<void> {
  switch (location.kind) {
    case 'stdout':
      return io.stdout === undefined || io.stdout === process.stdout
        ? writeDescriptor(1, bytes, io.signal)
        : writeStream(io.stdout, bytes);
    case 'descriptor':
      return writeDescriptor(location.fd, bytes, io.signal);
    case 'socket':
      return writeSocket(location.file, bytes, io.signal);
    case 'device':
    case 'fifo':
      return writeInPlace(location.file, bytes, io.signal);
  }
}

/**
 * Writes every output, as one step that Ctrl-C or a write error cannot leave half done for regular
 * files: (1) each regular file's content goes to a synced temporary file beside it (symbolic links
 * resolved, permission bits kept); (2) standard output, devices, FIFOs, sockets and descriptors are
 * written in place, in order; (3) only then are the temporary files renamed over their targets.
 * Every path is looked at again here, so a change since `checkOutput` is written as it now is.
 * Throws OutputError (one line, exit code 1) naming the output, or the signal's reason on abort.
 */
export async function writeOutputs(
  outputs: readonly OutputContent[],
  io: OutputIO = {},
): Promise<void> {
  const planned: Planned[] = [];
  for (const [target, content] of outputs) {
    if (target === undefined) continue;
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      planned.push({ target, location: locateOutput(target.value), bytes });
    } catch (error) {
      throw cannotWrite(target, error, true);
    }
  }
  const staged: { target: OutputTarget; staged: Staged }[] = [];
  let current: OutputTarget | undefined;
  try {
    for (const { target, location, bytes } of planned) {
      if (location.kind !== 'file') continue;
      current = target;
      staged.push({ target, staged: await stage(location.file, location.existing, bytes) });
      io.signal?.throwIfAborted();
    }
    for (const { target, location, bytes } of planned) {
      if (location.kind === 'file') continue;
      current = target;
      await writeInPlaceOrStream(location, bytes, io);
    }
    io.signal?.throwIfAborted();
  } catch (error) {
    discard(staged.map((entry) => entry.staged));
    if (io.signal?.aborted) throw io.signal.reason ?? error;
    throw current === undefined ? error : cannotWrite(current, error, true);
  }
  for (const [index, entry] of staged.entries()) {
    try {
      commit([entry.staged]);
    } catch (error) {
      discard(staged.slice(index).map((rest) => rest.staged));
      throw cannotWrite(entry.target, error, index === 0);
    }
  }
}
