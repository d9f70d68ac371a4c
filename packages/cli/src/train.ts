import { renderTrainingPage } from '@initscope/report';
import {
  type BandedTrainRun,
  DataError,
  type Dataset,
  loadIdxSet,
  type ResolvedTrainConfig,
  resolveTrainConfig,
  sharedDataset,
  type TrainConfig,
  TrainConfigError,
  type TrainRun,
  type TrainTask,
  train,
  trainDocument,
  trainUnits,
  withTrainBands,
} from '@initscope/train';
import type { CommandIO, TrainFlags } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { parseThreads, runPool } from './pool.js';
import { type Progress, progressOf } from './progress.js';
import { trainTerminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

async function load(dir: string | undefined): Promise<Dataset> {
  try {
    return await loadIdxSet(...(dir === undefined ? [] : [dir]));
  } catch (error) {
    if (error instanceof DataError) throw new UsageError(error.message);
    throw error;
  }
}

function resolve(flags: TrainFlags, data: Dataset): ResolvedTrainConfig {
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

/** Iterations between two checks of the stop signal (and progress updates) in this thread. */
const checkEvery = 10;

/**
 * Every seed's runs in this thread, one `train()` per seed (`perSeed[s][r]`), each with a core-wasm
 * instance of its own: the `--threads 1` path.
 */
async function trainHere(
  data: Dataset,
  config: TrainConfig,
  seeds: number,
  io: CommandIO,
  progress: Progress | undefined,
): Promise<TrainRun[][]> {
  const perRun = config.iterations;
  const perSeed = config.inits.length * perRun;
  const total = seeds * perSeed;
  const perSeedRuns: TrainRun[][] = [];
  for (let s = 0; s < seeds; s++) {
    perSeedRuns.push(
      await train(data, { ...config, seed: config.seed + s }, (run, iteration) => {
        if (iteration % checkEvery === 0 || iteration === perRun) {
          io.signal?.throwIfAborted();
          progress?.update(s * perSeed + run * perRun + iteration, total);
        }
      }),
    );
  }
  return perSeedRuns;
}

/**
 * Every seed's runs on `threads` worker threads, one task per (seed, initializer), each worker with
 * its own core-wasm instance, gathered in unit order (`perSeed[s][r]`): the same bits as
 * {@link trainHere}.
 */
async function trainOnPool(
  data: Dataset,
  config: TrainConfig,
  seeds: number,
  threads: number,
  io: CommandIO,
  progress: Progress | undefined,
): Promise<TrainRun[][]> {
  const shared = sharedDataset(data);
  const units = trainUnits(config, seeds);
  const tasks: TrainTask[] = units.map((unit) => ({ kind: 'train', data: shared, config, unit }));
  const total = units.length * config.iterations;
  let done = 0;
  const runs = await runPool(tasks, threads, {
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress ? { onStep: () => progress.update(++done, total) } : {}),
  });
  const runCount = config.inits.length;
  return Array.from({ length: seeds }, (_, s) => runs.slice(s * runCount, (s + 1) * runCount));
}

/**
 * `initscope train`: trains one network per initializer (and per seed with `--seeds`) on MNIST (or
 * --data), on `--threads` workers, and writes the training page and JSON.
 */
export async function trainCommand(flags: TrainFlags, io: CommandIO): Promise<void> {
  const threads = parseThreads(flags.threads);
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);
  const data = await load(flags.data);
  const config = resolve(flags, data);
  const { seeds: seedCount, ...base } = config;
  const seeds = seedCount ?? 1;
  const t = trainTerminalText(flags.lang);
  const progress = progressOf(io, flags.quiet === true, t);
  const workers = Math.min(threads, seeds * config.inits.length);
  let runs: BandedTrainRun[];
  try {
    const perSeed =
      workers <= 1
        ? await trainHere(data, base, seeds, io, progress)
        : await trainOnPool(data, base, seeds, workers, io, progress);
    runs = withTrainBands(perSeed);
  } finally {
    progress?.stop();
  }
  const json = `${JSON.stringify(trainDocument(config, runs), null, 2)}\n`;
  // the page reads the document as the JSON carries it (NaN and ±Inf as null), and nothing else
  await writeOutputs(
    [
      [out, renderTrainingPage(JSON.parse(json), { lang: flags.lang })],
      [jsonOut, json],
    ],
    io,
  );
  if (!flags.quiet) {
    const text = writesToStdout(out, jsonOut) ? io.stderr : io.stdout;
    for (const run of runs) {
      const last = run.evals.at(-1);
      text.write(
        `${run.init.padEnd(12)} ${run.state.padEnd(9)} loss ${(run.loss.at(-1) ?? Number.NaN).toFixed(4)}  test accuracy ${last ? last.testAccuracy.toFixed(4) : '—'}${seedLine(run)}\n`,
      );
    }
    if (out.kind !== 'stdout') text.write(`${t.report(out.path)}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`${t.json(jsonOut.path)}\n`);
  }
}

/** `  | K seeds: learned 3/3, …, test accuracy mean …` after a run's line when it has a band. */
function seedLine(run: BandedTrainRun): string {
  const band = run.band;
  if (!band) return '';
  const outcomes = Object.entries(band.outcomes).map(([o, n]) => `${o} ${n}/${band.seeds}`);
  const last = band.evals.at(-1)?.testAccuracy;
  const accuracy =
    last?.mean == null
      ? ''
      : `, test accuracy mean ${last.mean.toFixed(4)} (sd ${last.sd?.toFixed(4)})`;
  return `  | ${band.seeds} seeds: ${outcomes.join(', ')}${accuracy}`;
}
