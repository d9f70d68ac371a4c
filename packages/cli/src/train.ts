import {
  DataError,
  type Dataset,
  loadIdxSet,
  renderTrainPage,
  resolveTrainConfig,
  type TrainConfig,
  TrainConfigError,
  train,
} from '@initscope/train';
import cliProgress from 'cli-progress';
import type { CommandIO, TrainFlags } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { UsageError } from './usage-error.js';

async function load(dir: string | undefined): Promise<Dataset> {
  try {
    return await loadIdxSet(...(dir === undefined ? [] : [dir]));
  } catch (error) {
    if (error instanceof DataError) throw new UsageError(error.message);
    throw error;
  }
}

function resolve(flags: TrainFlags, data: Dataset): TrainConfig {
  try {
    return resolveTrainConfig(flags, {
      pixels: data.train.rows * data.train.cols,
      classes: data.classes,
    });
  } catch (error) {
    if (error instanceof TrainConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** `initscope train`: trains one network per initializer on MNIST (or --data) and writes the training page. */
export async function trainCommand(flags: TrainFlags, io: CommandIO): Promise<void> {
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);
  const data = await load(flags.data);
  const config = resolve(flags, data);
  const stream = io.stderr as NodeJS.WriteStream;
  const total = config.inits.length * config.iterations;
  const bar =
    !flags.quiet && stream.isTTY
      ? new cliProgress.SingleBar(
          {
            stream,
            format: 'training [{bar}] {percentage}% | {value}/{total} iterations | {eta}s left',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(total, 0);
  let runs: Awaited<ReturnType<typeof train>>;
  try {
    runs = await train(data, config, (run, iteration) => {
      if (iteration % 10 === 0) {
        io.signal?.throwIfAborted();
        bar?.update(run * config.iterations + iteration);
      }
    });
  } finally {
    bar?.stop();
  }
  const document = { kind: 'initscope-train', config, runs };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  await writeOutputs(
    [
      [out, renderTrainPage(runs, config, flags.lang)],
      [jsonOut, json],
    ],
    io,
  );
  if (!flags.quiet) {
    const text = writesToStdout(out, jsonOut) ? io.stderr : io.stdout;
    for (const run of runs) {
      const last = run.evals.at(-1);
      text.write(
        `${run.init.padEnd(12)} ${run.state.padEnd(9)} loss ${(run.loss.at(-1) ?? Number.NaN).toFixed(4)}  test accuracy ${last ? last.testAccuracy.toFixed(4) : '—'}\n`,
      );
    }
    if (out.kind !== 'stdout') text.write(`Training report: ${out.path}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`JSON: ${jsonOut.path}\n`);
  }
}
