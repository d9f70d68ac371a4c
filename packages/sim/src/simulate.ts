import { type Core, loadCore, type ThreadedCore } from '@initscope/core-wasm';
import type { ErroredRun, Results, RunResult } from '@initscope/results';
import type { ActivationSpec } from './activations.js';
import { completedRun } from './completed-run.js';
import {
  isResolved,
  type ResolvedSweepConfig,
  type RunOptions,
  resolveRunConfig,
  resolveSweepConfig,
  type SweepOptions,
} from './config.js';
import type { Initializer } from './initializers.js';
import { LayerStack } from './layer-stack.js';
import { resultsConfig } from './results-config.js';
import { withSeedBands } from './seed-bands.js';
import { verdictThresholds } from './verdict.js';
import { version } from './version.js';
import { Workspace } from './workspace.js';

/** Hooks for long runs. */
export interface SimulateHooks {
  /** The core to compute with; by default one shared instance loaded on first use. */
  core?: Core;
  /**
   * Split every layer's products across this ThreadedCore's threads (its `core` computes the rest,
   * in place of `core`): for one big run, which a worker per run cannot share out. The runs are
   * bit-identical to the single-thread core's.
   */
  threaded?: ThreadedCore;
  /** Called after every layer step (forward, and backward with gradients) with the steps done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the sweep between layers; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

let sharedCore: Promise<Core> | undefined;

/** The shared core-wasm instance, loaded once. */
export function getCore(): Promise<Core> {
  sharedCore ??= loadCore();
  return sharedCore;
}

/** How long a sweep may compute before it yields to the event loop (so Ctrl-C and progress get through). */
const yieldEveryMs = 50;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How many runs one seed of a sweep holds: activations × initializers. */
export function sweepRunCount(config: ResolvedSweepConfig): number {
  return config.activations.length * config.inits.length;
}

/** How many (seed, run) units a sweep holds: runs × seeds. */
export function sweepUnitCount(config: ResolvedSweepConfig): number {
  return sweepRunCount(config) * config.seeds;
}

/**
 * The results document of a sweep from all its units' runs in unit order (seed-major: seed
 * `seed + s`, run r is unit s × runCount + r). With several seeds, the runs are the first seed's
 * with a `band` on every layer (see `withSeedBands`).
 */
export function sweepResults(config: ResolvedSweepConfig, units: readonly RunResult[]): Results {
  const runCount = sweepRunCount(config);
  if (units.length !== runCount * config.seeds) {
    throw new RangeError(`Expected ${runCount * config.seeds} runs, got ${units.length}.`);
  }
  if (config.seeds === 1) {
    return {
      tool: 'initscope',
      version,
      config: resultsConfig(config),
      runs: [...units],
      verdictThresholds,
    };
  }
  const perSeed: RunResult[][] = [];
  for (let s = 0; s < config.seeds; s++)
    perSeed.push(units.slice(s * runCount, (s + 1) * runCount));
  return {
    tool: 'initscope',
    version,
    config: resultsConfig(config),
    runs: withSeedBands(perSeed),
    verdictThresholds,
  };
}

/**
 * Runs every (activation, init) pair of the sweep, activations outermost, for each of its seeds.
 * Takes a config from `resolveSweepConfig` as it is, or options that it resolves once (throwing
 * ConfigError). A run that fails becomes `state: 'errored'` with its message; the others are unaffected.
 */
export async function sweep(
  options: SweepOptions | ResolvedSweepConfig = {},
  hooks: SimulateHooks = {},
): Promise<Results> {
  const config = isResolved(options) ? options : resolveSweepConfig(options);
  const all = Array.from({ length: sweepUnitCount(config) }, (_, index) => index);
  return sweepResults(config, await sweepUnits(config, all, hooks));
}

/**
 * Runs some (seed, run) units of a sweep (seed-major indices, see `sweepResults`) and returns their
 * runs in the order given; the units of one seed that follow each other share one workspace.
 */
export async function sweepUnits(
  config: ResolvedSweepConfig,
  units: readonly number[],
  hooks: SimulateHooks = {},
): Promise<RunResult[]> {
  const runCount = sweepRunCount(config);
  const unitCount = sweepUnitCount(config);
  for (const unit of units) {
    if (!Number.isInteger(unit) || unit < 0 || unit >= unitCount) {
      throw new RangeError(`Unit index ${unit} is outside the sweep's 0…${unitCount - 1}.`);
    }
  }
  const stepsPerRun = config.layers * (config.gradients ? 2 : 1);
  const total = units.length * stepsPerRun;
  const out: RunResult[] = [];
  let start = 0;
  while (start < units.length) {
    const s = Math.floor((units[start] as number) / runCount);
    let end = start;
    while (end < units.length && Math.floor((units[end] as number) / runCount) === s) end++;
    const runs = units.slice(start, end).map((unit) => unit % runCount);
    const offset = start * stepsPerRun;
    const { onProgress } = hooks;
    const seeded: ResolvedSweepConfig = { ...config, seed: config.seed + s, seeds: 1 };
    out.push(
      ...(await sweepRuns(seeded, runs, {
        ...hooks,
        ...(onProgress ? { onProgress: (done: number) => onProgress(offset + done, total) } : {}),
      })),
    );
    start = end;
  }
  return out;
}

/**
 * Runs some of a sweep's runs, given by their index in the sweep's order (activation-major:
 * index = a × inits + i), and returns them in the order given. Every run is a pure function of the
 * config and its pair, so any split of the indices gives the same runs as one `sweep()`: this is
 * what a worker thread computes (see `sweepTask`).
 */
export async function sweepRuns(
  config: ResolvedSweepConfig,
  indices: readonly number[],
  hooks: SimulateHooks = {},
): Promise<RunResult[]> {
  const runCount = sweepRunCount(config);
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= runCount) {
      throw new RangeError(`Run index ${index} is outside the sweep's 0…${runCount - 1}.`);
    }
  }
  const core = hooks.threaded?.core ?? hooks.core ?? (await getCore());
  const products = hooks.threaded ?? core;
  const stepsPerRun = config.layers * (config.gradients ? 2 : 1);
  const total = indices.length * stepsPerRun;
  let done = 0;
  let lastYield = performance.now();
  const tick = async () => {
    done++;
    hooks.onProgress?.(done, total);
    if (performance.now() - lastYield >= yieldEveryMs) {
      await pause();
      lastYield = performance.now();
    }
    hooks.signal?.throwIfAborted();
  };
  hooks.signal?.throwIfAborted();
  const space = new Workspace(core, config, indices.length);
  const runs: RunResult[] = [];
  try {
    for (const index of indices) {
      const activation = config.activations[
        Math.floor(index / config.inits.length)
      ] as ActivationSpec;
      const init = config.inits[index % config.inits.length] as Initializer;
      const before = done;
      try {
        const stack = new LayerStack(core, space, config, { activation, init }, tick, products);
        const pass = await stack.forward();
        const gradients = config.gradients ? await stack.backward() : undefined;
        runs.push(completedRun(config, activation, init, pass, gradients));
      } catch (error) {
        if (hooks.signal?.aborted) throw error;
        done = before + stepsPerRun;
        const errored: ErroredRun = {
          activation: activation.id,
          init: init.id,
          state: 'errored',
          message: error instanceof Error ? error.message : String(error),
          weightStd: [],
          layers: [],
        };
        runs.push(errored);
      }
    }
  } finally {
    space.free();
  }
  return runs;
}

/**
 * Runs one (activation, init) configuration; the results hold exactly one run. Takes options, or a
 * resolved config of one activation and one initializer.
 */
export async function simulate(
  options: RunOptions | ResolvedSweepConfig,
  hooks: SimulateHooks = {},
): Promise<Results> {
  if (!isResolved(options)) return sweep(resolveRunConfig(options), hooks);
  const pairs = options.activations.length * options.inits.length;
  if (pairs !== 1) {
    throw new RangeError(
      `simulate() runs one (activation, init) pair; this config holds ${pairs}: use sweep().`,
    );
  }
  return sweep(options, hooks);
}
