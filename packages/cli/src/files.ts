import { resolve } from 'node:path';
import { checkOutput } from './output/target.js';
import { writeOutputs } from './output/write.js';

export { removePending } from './output/replace.js';

/**
 * Checks before any work that `path` can be written by `flag` and returns it made absolute.
 * @deprecated Use `checkOutput` (it also accepts "-" and refuses the same file twice).
 */
export function checkOutputPath(flag: string, path: string): string {
  return checkOutput(flag, path).path;
}

/**
 * Writes `content` to `path` with the output writer: a regular file (links resolved) through a
 * temporary file and a rename, a device, FIFO or socket in place.
 * @deprecated Use `writeOutputs`: it writes all of a command's outputs as one step, with Ctrl-C.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  await writeOutputs([
    [{ flag: 'output', value: path, path: resolve(path), kind: 'file' }, content],
  ]);
}
