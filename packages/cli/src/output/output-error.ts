import { getSystemErrorMap } from 'node:util';

/** Exit code when an output cannot be written once the work is done (a full disk, a closed pipe). */
export const outputErrorExitCode = 1;

/** An output that could not be written once the work was done: printed as one line, exit code 1. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * A system error in words with its code, e.g. "no space left on device (ENOSPC)" for Node's
 * "ENOSPC: no space left on device, write"; other errors give their message.
 */
export function systemErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, errno } = error as NodeJS.ErrnoException;
  const words = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
  if (code !== undefined && words !== undefined) return `${words} (${code})`;
  return error.message;
}
