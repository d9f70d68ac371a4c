import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** Temporary files not yet renamed into place; removed on failure or Ctrl-C. */
const pending = new Set<string>();

/**
 * Checks before any work that `path` can be written by `flag`: its folder exists and is writable,
 * and the path itself is not a folder. Throws UsageError naming the flag and the path.
 */
export function checkOutputPath(flag: string, path: string): string {
  const target = resolve(path);
  const folder = dirname(target);
  let folderStat: ReturnType<typeof statSync>;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new UsageError(`Invalid ${flag} "${path}": folder ${folder} does not exist.`);
  }
  if (!folderStat.isDirectory()) {
    throw new UsageError(`Invalid ${flag} "${path}": ${folder} is not a folder.`);
  }
  // Create and remove a probe file: permission bits alone do not tell (root, read-only mounts).
  const probe = join(folder, `.initscope-probe-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch {
    throw new UsageError(`Invalid ${flag} "${path}": folder ${folder} is not writable.`);
  }
  try {
    if (statSync(target).isDirectory()) {
      throw new UsageError(`Invalid ${flag} "${path}": it is a folder; give a file name.`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
  return target;
}

/** Writes `content` to a temporary file beside `path`, then renames it over `path` (atomic on one file system). */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Removes every temporary file still pending (synchronously, so it also works on the way out). */
export function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
