/** Exit code for bad input: a flag, a value or an output path the user can fix. */
export const usageExitCode = 2;
/** Exit code after Ctrl-C (128 + SIGINT). */
export const interruptedExitCode = 130;

/** Bad input from the user: printed as one line, exit code 2, nothing written. */
export class UsageError extends Error {
  override name = 'UsageError';
}
