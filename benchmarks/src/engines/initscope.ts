import { openPool, sweepTasks, sweepWorkers, trainOnOpenPool } from '@initscope/cli';
import {
  type Core,
  createThreadedCore,
  type F32Block,
  loadCore,
  type ThreadedCore,
} from '@initscope/core-wasm';
import {
  resolveSweepConfig,
  type SimulateHooks,
  simulate,
  sweep,
  sweepUnitCount,
  sweepUnits,
} from '@initscope/sim';
import { type Dataset, sharedDataset, type TrainConfig, train } from '@initscope/train';
import { type BookActivation, bookSweep } from '../book.js';
import type { HistogramInputs, MatmulDelivery, MatmulInputs, Prepared } from '../engine.js';
import type { SweepRuns } from '../sweep-runs.js';
import type { TrainOutcome } from '../train-book.js';

// initscope itself: core-wasm kernels on blocks of WASM memory (zero-copy), and sim's sweep.

let core: Promise<Core> | undefined;

/** The core-wasm instance the benchmarks share, loaded on first use. */
export function benchCore(): Promise<Core> {
  core ??= loadCore();
  return core;
}

/** Allocates a block holding a copy of `values`. */
function blockOf(wasm: Core, values: Float32Array): F32Block {
  const block = wasm.alloc(values.length);
  block.array.set(values);
  return block;
}

/**
 * a·b with core.matmulInto on blocks allocated once. `kernel`: the product stays in WASM memory
 * (readable through the output block's view without a copy). `readback`: each run also copies it
 * into a Float32Array the caller allocated once, which is what `output()` then returns.
 */
export async function prepareMatmul(
  { a, b, m, k, n }: MatmulInputs,
  delivery: MatmulDelivery = 'kernel',
): Promise<Prepared<Float32Array>> {
  const wasm = await benchCore();
  const blocks = [blockOf(wasm, a), blockOf(wasm, b), wasm.alloc(m * n)] as const;
  const [ba, bb, out] = blocks;
  const free = () => {
    for (const block of blocks) wasm.free(block);
  };
  if (delivery === 'readback') {
    const values = new Float32Array(m * n);
    return {
      run: () => {
        wasm.matmulInto(ba, bb, out, m, k, n);
        values.set(out.array);
      },
      output: () => values,
      dispose: free,
    };
  }
  return {
    run: () => wasm.matmulInto(ba, bb, out, m, k, n),
    output: () => out.array.slice(),
    dispose: free,
  };
}

const threadedCores = new Map<number, Promise<ThreadedCore>>();

/** A ThreadedCore on `threads` threads the benchmarks share, started on first use (its helpers never keep the process alive). */
export function benchThreadedCore(threads: number): Promise<ThreadedCore> {
  let threaded = threadedCores.get(threads);
  if (!threaded) {
    threaded = createThreadedCore({ threads });
    threadedCores.set(threads, threaded);
  }
  return threaded;
}

/**
 * a·b with out's rows shared by `threads` threads (core-wasm's ThreadedCore: one shared memory,
 * the same kernel on each strip, bit-identical to `prepareMatmul`'s), on blocks allocated once;
 * the product stays in WASM memory (the `kernel` delivery).
 */
export async function prepareThreadedMatmul(
  { a, b, m, k, n }: MatmulInputs,
  threads: number,
): Promise<Prepared<Float32Array>> {
  const threaded = await benchThreadedCore(threads);
  const wasm = threaded.core;
  const blocks = [blockOf(wasm, a), blockOf(wasm, b), wasm.alloc(m * n)] as const;
  const [ba, bb, out] = blocks;
  return {
    run: () => threaded.matmulInto(ba, bb, out, m, k, n),
    output: () => out.array.slice(),
    dispose: () => {
      for (const block of blocks) wasm.free(block);
    },
  };
}

/**
 * sim's `sweep({ seed })`: the whole book sweep, end to end. Its runs share X, each layer's
 * standard weight draw and layer 1's X·W (see `sharedSweepCounts`).
 */
export function prepareSweep(seed: number, hooks: SimulateHooks = {}): Prepared<SweepRuns> {
  let last: SweepRuns = { runs: [] };
  return {
    run: async () => {
      last = await sweep({ seed }, hooks);
    },
    output: () => last,
    dispose() {},
  };
}

/**
 * The book sweep as twelve separate `simulate({ activation, init, seed })` calls: nothing is
 * shared between runs, so initscope multiplies every layer of every run, like the peers (see
 * `independentSweepCounts`). A run's numbers do not depend on what else its sweep holds, so the
 * runs equal `sweep({ seed })`'s.
 */
export function prepareIndependentSweep(
  seed: number,
  hooks: SimulateHooks = {},
): Prepared<SweepRuns> {
  let last: SweepRuns = { runs: [] };
  return {
    run: async () => {
      const runs = [];
      for (const activation of bookSweep.activations) {
        for (const init of bookSweep.inits) {
          const results = await simulate({ activation, init, seed }, hooks);
          runs.push(...results.runs);
        }
      }
      last = { runs };
    },
    output: () => last,
    dispose() {},
  };
}

/** core.normalInto: `length` N(0, 1) samples into one block. */
export async function prepareNormal(length: number, seed: number): Promise<Prepared<Float32Array>> {
  const wasm = await benchCore();
  const out = wasm.alloc(length);
  return {
    run: () => wasm.normalInto(out, seed, 0, 1),
    output: () => out.array.slice(),
    dispose: () => wasm.free(out),
  };
}

/** core.activateInto from one block into another. */
export async function prepareActivation(
  kind: BookActivation,
  x: Float32Array,
): Promise<Prepared<Float32Array>> {
  const wasm = await benchCore();
  const input = blockOf(wasm, x);
  const out = wasm.alloc(x.length);
  return {
    run: () => wasm.activateInto(kind, input, out),
    output: () => out.array.slice(),
    dispose: () => {
      wasm.free(input);
      wasm.free(out);
    },
  };
}

/** core.histogramOf (which also sums squared deviations, as sim uses it). */
export async function prepareHistogram({
  values,
  lo,
  hi,
  bins,
}: HistogramInputs): Promise<Prepared<number[]>> {
  const wasm = await benchCore();
  const input = blockOf(wasm, values);
  let counts: number[] = [];
  return {
    run: () => {
      counts = wasm.histogramOf(input, lo, hi, bins, 0).counts;
    },
    output: () => counts,
    dispose: () => wasm.free(input),
  };
}

/**
 * The book sweep over `seeds` seeds (`seeds` = 1: the book sweep itself) the way `initscope run
 * --seeds K --threads N` computes it: with 1 thread, sim's `sweepUnits` in this thread; with more,
 * the CLI's own tasks (`sweepTasks`) on the CLI's worker pool, gathered in unit order. The pool is
 * started once, here, and its workers load core-wasm on the first (untimed, validated) run, so
 * the timed runs are the work and its hand-over, not thread start-up.
 */
export async function prepareThreadedSweep(
  seed: number,
  seeds: number,
  threads: number,
): Promise<Prepared<SweepRuns>> {
  const config = resolveSweepConfig({ seed, seeds });
  const units = Array.from({ length: sweepUnitCount(config) }, (_, i) => i);
  const tasks = sweepTasks(config, units, threads);
  let last: SweepRuns = { runs: [] };
  if (tasks.length <= 1) {
    return {
      run: async () => {
        last = { runs: await sweepUnits(config, units) };
      },
      output: () => last,
      dispose() {},
    };
  }
  const pool = openPool(sweepWorkers(tasks, threads));
  return {
    run: async () => {
      last = { runs: (await pool.run(tasks)).flat() };
    },
    output: () => last,
    dispose: () => void pool.destroy(),
  };
}

/**
 * `initscope train --threads N` on `config`: the CLI's own scheduling (`trainOnOpenPool`): each
 * initializer trains on a worker with its evaluations deferred, and the evaluations are spread over
 * the workers as they free up. The pool is started once, here; its workers load core-wasm on the
 * first (untimed, validated) run. The data goes into shared memory here, once, as the CLI loads it
 * (`loadIdxSet(dir, { shared: true })`).
 */
export function prepareThreadedTrain(
  data: Dataset,
  config: TrainConfig,
  threads: number,
): Prepared<TrainOutcome> {
  const shared = sharedDataset(data);
  const pool = openPool(Math.min(threads, config.inits.length));
  let last: TrainOutcome = { runs: [] };
  return {
    run: async () => {
      const [runs = []] = await trainOnOpenPool(pool, shared, config, 1);
      last = { runs: runs.map(({ init, loss, evals }) => ({ init, loss, evals })) };
    },
    output: () => last,
    dispose: () => void pool.destroy(),
  };
}

/**
 * `initscope train` with its defaults on `config`: `train(data, config)` as the CLI calls it
 * (it loads its own core, trains every initializer, evaluates and takes the checkpoints).
 */
export function prepareTrain(data: Dataset, config: TrainConfig): Prepared<TrainOutcome> {
  let last: TrainOutcome = { runs: [] };
  return {
    run: async () => {
      const runs = await train(data, config);
      last = { runs: runs.map(({ init, loss, evals }) => ({ init, loss, evals })) };
    },
    output: () => last,
    dispose() {},
  };
}
