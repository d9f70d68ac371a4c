import { renderTrainingPage } from '@initscope/report';
import {
  type BandedTrainRun,
  DataError,
  type Dataset,
  type DeferredTrainRun,
  loadIdxSet,
  type ResolvedTrainConfig,
  resolveTrainConfig,
  type Snapshot,
  sharedDataset,
  snapshotBytes,
  type TrainConfig,
  TrainConfigError,
  type TrainEvalTask,
  type TrainRun,
  train,
  trainDocument,
  trainUnits,
  unitConfig,
  withEvals,
  withTrainBands,
} from '@initscope/train';
import type { CommandIO, TrainFlags } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { openPool, type PoolHooks, parseThreads, type WorkerPool } from './pool.js';
import { type Progress, progressOf } from './progress.js';
import { trainTerminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

async function load(dir: string | undefined): Promise<Dataset> {
  try {
    // in shared memory, so worker threads share the pixels rather than each getting a copy
    return await loadIdxSet(dir, { shared: true });
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

/** Snapshots per evaluation task: small enough that the last run's evaluations spread over every worker. */
export const snapshotsPerEvalTask = 3;

/**
 * The most memory that deferred runs' snapshots may take at once (their W and b at every evaluation,
 * `snapshotBytes`): the book's run needs 9.2 MB, so 29 of them fit; a run with `--eval-every 1` over
 * 10⁶ iterations would need 440 GB and evaluates in its training loop instead.
 */
export const deferredSnapshotBudget = 256 * 2 ** 20;

/**
 * How many of `units` runs defer their evaluations within `budget` bytes: the last ones, since
 * deferring helps where workers would otherwise wait for the last runs to finish.
 */
export function deferredUnitCount(
  config: TrainConfig,
  units: number,
  budget = deferredSnapshotBudget,
): number {
  return Math.min(units, Math.floor(budget / snapshotBytes(config)));
}

/**
 * Every seed's runs on an open pool, gathered in unit order (`perSeed[s][r]`): the same bits as
 * {@link trainHere}. Each (seed, initializer) unit trains on one worker with its evaluations deferred
 * (about a third of a run's work); once it is done, its snapshots are evaluated as tasks of
 * `snapshotsPerEvalTask`, queued behind the units still waiting. So workers that run out of units
 * evaluate for the others, and 3 runs on 2 workers are not capped at 1.5× one worker. Only the last
 * units whose snapshots fit in `snapshotBudget` bytes defer (`deferredUnitCount`); the others
 * evaluate in their training loop, the same bits either way.
 */
export async function trainOnOpenPool(
  pool: WorkerPool,
  data: Dataset,
  config: TrainConfig,
  seeds: number,
  hooks: PoolHooks = {},
  snapshotBudget = deferredSnapshotBudget,
): Promise<TrainRun[][]> {
  const shared = sharedDataset(data);
  const units = trainUnits(config, seeds);
  const firstDeferred = units.length - deferredUnitCount(config, units.length, snapshotBudget);
  // one failure stops every task at its next step
  const stop = new AbortController();
  const onAbort = () => stop.abort(hooks.signal?.reason);
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  if (hooks.signal?.aborted) onAbort();
  const signal = stop.signal;
  try {
    // every unit settles (stopping at its next step after a failure) before the pool may be destroyed
    const settled = await Promise.allSettled(
      units.map(async (unit, index) => {
        try {
          const deferEvals = index >= firstDeferred;
          const [trained] = await pool.run(
            [{ kind: 'train', data: shared, config, unit, deferEvals }],
            { ...hooks, signal },
          );
          if (!deferEvals) return trained as TrainRun;
          const deferred = trained as DeferredTrainRun;
          const tasks: TrainEvalTask[] = [];
          for (let i = 0; i < deferred.snapshots.length; i += snapshotsPerEvalTask) {
            const snapshots: Snapshot[] = deferred.snapshots.slice(i, i + snapshotsPerEvalTask);
            tasks.push({
              kind: 'train-eval',
              data: shared,
              config: unitConfig(config, unit),
              snapshots,
            });
          }
          const evals = (await pool.run(tasks, { signal })).flat();
          return withEvals(deferred, evals);
        } catch (error) {
          stop.abort(error);
          throw error;
        }
      }),
    );
    if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('aborted');
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const runs = settled.map((result) => (result as PromiseFulfilledResult<TrainRun>).value);
    const runCount = config.inits.length;
    return Array.from({ length: seeds }, (_, s) => runs.slice(s * runCount, (s + 1) * runCount));
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

/** Every seed's runs on `threads` worker threads (see {@link trainOnOpenPool}), the pool torn down after. */
async function trainOnPool(
  data: Dataset,
  config: TrainConfig,
  seeds: number,
  threads: number,
  io: CommandIO,
  progress: Progress | undefined,
): Promise<TrainRun[][]> {
  const total = seeds * config.inits.length * config.iterations;
  let done = 0;
  const pool = openPool(threads);
  try {
    return await trainOnOpenPool(pool, data, config, seeds, {
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onStep: () => progress.update(++done, total) } : {}),
    });
  } finally {
    await pool.destroy();
  }
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
