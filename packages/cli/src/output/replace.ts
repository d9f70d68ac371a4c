import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A regular file's new content, written and synced under a temporary name beside it. */
export interface Staged {
  /** The file it will replace. */
  file: string;
  /** The temporary file holding the new content. */
  temp: string;
}

/** Temporary files not yet renamed into place; removed on failure or Ctrl-C. */
const pending = new Set<string>();

/**
 * Writes `bytes` to a temporary file beside `file` and syncs it; the file itself is not touched
 * yet. An existing file's permission bits (and, where allowed, its owner) carry over, and the
 * temporary file is never readable by more people than the file: it starts as 0600.
 */
export async function stage(
  file: string,
  existing: Stats | undefined,
  bytes: Uint8Array,
): Promise<Staged> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    // A new file gets 0666 less the umask, as any other new file would.
    const handle = await open(temp, 'wx', existing === undefined ? 0o666 : 0o600);
    try {
      await handle.writeFile(bytes);
      if (existing !== undefined) {
        // Only root may give a file away; others keep their own ownership, silently.
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
        await handle.chmod(existing.mode & 0o7777);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    discard([{ file, temp }]);
    throw error;
  }
  return { file, temp };
}

/** Syncs a folder so a rename in it survives a crash; file systems that refuse are left alone. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder (EINVAL); the rename itself is still atomic.
  }
}

/** Renames each staged file over its target (atomic per file on one file system), then syncs the folders. */
export function commit(staged: readonly Staged[]): void {
  for (const { file, temp } of staged) {
    renameSync(temp, file);
    pending.delete(temp);
  }
  for (const folder of new Set(staged.map(({ file }) => dirname(file)))) syncFolder(folder);
}

/** Removes staged temporary files, leaving their targets as they were. */
export function discard(staged: readonly Staged[]): void {
  for (const { temp } of staged) {
    rmSync(temp, { force: true });
    pending.delete(temp);
  }
}

/** Removes every temporary file still pending (synchronously, so it also works on the way out). */
export function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
