import { CommanderError } from 'commander';
import { exploreCommand } from './explore.js';
import { checkFileFlagValues } from './file-flag-values.js';
import { removePending } from './files.js';
import type { CommandIO } from './flags.js';
import { mergeCommand } from './merge.js';
import { OutputError, outputErrorExitCode } from './output/output-error.js';
import { phaseCommand } from './phase.js';
import { createProgram } from './program.js';
import { runCommand } from './run.js';
import { trainCommand } from './train.js';
import {
  interruptedExitCode,
  terminatedExitCode,
  UsageError,
  usageExitCode,
} from './usage-error.js';

/**
 * Runs the `initscope` command line and resolves to its exit code. While it runs, Ctrl-C (SIGINT) and
 * SIGTERM (`kill`, Slurm, Kubernetes) stop the work cleanly: nothing half-written is left behind.
 */
export async function main(argv: readonly string[], io: Partial<CommandIO> = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    controller.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const runIO = {
    stdout,
    stderr,
    signal: io.signal ?? controller.signal,
    progressLines: io.progressLines ?? process.env.INITSCOPE_PROGRESS === 'lines',
  };
  const program = createProgram(
    {
      run: (flags) => runCommand(flags, runIO),
      phase: (flags) => phaseCommand(flags, runIO),
      explore: (flags) => exploreCommand(flags, runIO),
      merge: (files, flags) => mergeCommand(files, flags, runIO),
      train: (flags) => trainCommand(flags, runIO),
    },
    { writeOut: (text) => stdout.write(text), writeErr: (text) => stderr.write(text) },
  );
  try {
    checkFileFlagValues(program, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    removePending();
    if (error instanceof CommanderError) {
      // commander has already printed its one-line message (or the help / version).
      return error.exitCode === 0 ? 0 : usageExitCode;
    }
    if (error instanceof UsageError) {
      stderr.write(`initscope: ${error.message}\n`);
      return usageExitCode;
    }
    if (controller.signal.aborted || io.signal?.aborted) {
      stderr.write('initscope: interrupted; no file was written or changed.\n');
      return stoppedBy === 'SIGTERM' ? terminatedExitCode : interruptedExitCode;
    }
    if (error instanceof OutputError) {
      stderr.write(`initscope: ${error.message}\n`);
      return outputErrorExitCode;
    }
    // Anything else (a full disk, a bug) is one line too; INITSCOPE_DEBUG=1 adds the stack.
    const detail =
      error instanceof Error && process.env.INITSCOPE_DEBUG ? error.stack : String(error);
    stderr.write(`initscope: ${detail}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
