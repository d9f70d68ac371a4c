/** Exit code for bad input: a flag, a value or an output path the user can fix. */
export const usageExitCode = 2;
/** Exit code after Ctrl-C (128 + SIGINT). */
export const interruptedExitCode = 130;
/** Exit code after `kill` / a job scheduler's stop (128 + SIGTERM). */
export const terminatedExitCode = 143;

/** Bad input from the user: printed as one line, exit code 2, nothing written. */
export class UsageError extends Error {
  override name = 'UsageError';
}
