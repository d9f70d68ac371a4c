import { constants, fstatSync, write } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** First wait after a full pipe or device (EAGAIN), doubled up to `maxBusyWaitMs` while it stays full. */
export const firstBusyWaitMs = 1;

/** Longest wait between two tries on a full pipe, or for a FIFO to get a reader. */
export const maxBusyWaitMs = 32;

// Opened without blocking, so a FIFO with no reader or a full pipe never stalls the process past Ctrl-C.
const inPlaceFlags = constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Writes part of a buffer, resolving to the bytes taken. */
type WritePart = (bytes: Uint8Array, offset: number, length: number) => Promise<number>;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Waits `ms`, or throws the abort reason as soon as `signal` aborts. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
}

/** Writes every byte through `writePart`, waiting while the reader is behind (EAGAIN). */
async function writeAll(
  writePart: WritePart,
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  let offset = 0;
  let wait = firstBusyWaitMs;
  while (offset < bytes.length) {
    signal?.throwIfAborted();
    try {
      offset += await writePart(bytes, offset, bytes.length - offset);
      wait = firstBusyWaitMs;
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error;
      await pause(wait, signal);
      wait = Math.min(2 * wait, maxBusyWaitMs);
    }
  }
}

async function writeHandle(
  handle: FileHandle,
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    await writeAll(
      async (part, offset, length) => (await handle.write(part, offset, length, null)).bytesWritten,
      bytes,
      signal,
    );
  } finally {
    await handle.close();
  }
}

/**
 * Opens a character device or FIFO in place and writes `bytes`; a FIFO with no reader yet is
 * waited for (as `echo > fifo` does), until Ctrl-C.
 */
export async function writeInPlace(
  file: string,
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  let wait = firstBusyWaitMs;
  for (;;) {
    signal?.throwIfAborted();
    let handle: FileHandle;
    try {
      handle = await open(file, inPlaceFlags);
    } catch (error) {
      // ENXIO: a FIFO nobody reads yet.
      if (errorCode(error) !== 'ENXIO') throw error;
      await pause(wait, signal);
      wait = Math.min(2 * wait, maxBusyWaitMs);
      continue;
    }
    return writeHandle(handle, bytes, signal);
  }
}

/**
 * Writes `bytes` to this process's descriptor `fd`. A regular file is written at its offset (so
 * `>>` appends); a pipe or terminal is reopened without blocking through /proc/self/fd, so Ctrl-C
 * still works when the reader stops; anything else (a socket) is written through `fd` itself.
 */
export async function writeDescriptor(
  fd: number,
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stats = fstatSync(fd);
  if (stats.isFIFO() || stats.isCharacterDevice()) {
    const handle = await open(`/proc/self/fd/${fd}`, inPlaceFlags).catch(() => undefined);
    if (handle !== undefined) return writeHandle(handle, bytes, signal);
  }
  await writeAll(
    (part, offset, length) =>
      new Promise((resolve, reject) =>
        write(fd, part, offset, length, null, (error, written) =>
          error ? reject(error) : resolve(written),
        ),
      ),
    bytes,
    signal,
  );
}

/** Connects to a Unix socket, sends `bytes` and closes the connection. */
export function writeSocket(
  file: string,
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const socket = createConnection({ path: file });
    const onAbort = () => {
      socket.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    socket.end(bytes, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** Writes `bytes` to a Node stream (standard output given by the caller), resolving once it took them. */
export function writeStream(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // Kept after the write: a stream may report the same error as an event after the callback.
    stream.once('error', reject);
    stream.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}
