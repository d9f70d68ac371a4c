import cliProgress from 'cli-progress';
import type { CommandIO } from './flags.js';
import { type TerminalText, terminalText } from './terminal-text.js';

/** Shows how many layer steps of a sweep are done. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Least time between two progress lines (the first and the last are always written). */
export const progressLineEveryMs = 1000;

function bar(stream: NodeJS.WriteStream, t: TerminalText): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: t.progressBar,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function lines(stream: NodeJS.WritableStream, t: TerminalText): Progress {
  let last = Number.NEGATIVE_INFINITY;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - last < progressLineEveryMs && done < total) return;
      last = now;
      stream.write(`${t.progressLine(done, total)}\n`);
    },
    stop() {},
  };
}

/**
 * The progress display of `initscope run`: a bar when stderr is a terminal, plain lines when asked
 * (`progressLines`), else nothing; nothing with `--quiet`.
 */
export function progressOf(
  io: CommandIO,
  quiet: boolean,
  t: TerminalText = terminalText('en'),
): Progress | undefined {
  if (quiet) return undefined;
  const stream = io.stderr as NodeJS.WriteStream;
  if (stream.isTTY) return bar(stream, t);
  return io.progressLines ? lines(io.stderr, t) : undefined;
}
