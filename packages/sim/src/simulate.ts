import { type Core, type F32Block, loadCore } from '@initscope/core-wasm';
import { type Activation, activationInfo, histogramRange } from './activations.js';
import {
  type ResolvedSweepConfig,
  type RunOptions,
  resolveSweepConfig,
  type SweepOptions,
} from './config.js';
import { parseInit } from './initializers.js';
import type { LayerStats, Results, ResultsConfig, RunResult } from './results.js';
import { layerStats } from './stats.js';
import { version } from './version.js';

/** The RNG stream that draws the input X; layer l's weights use stream l. */
export const inputStream = 0;

/** Hooks for long runs. */
export interface SimulateHooks {
  /** The core to compute with; by default one shared instance loaded on first use. */
  core?: Core;
  /** Called after every layer of every run with the layers done and the total. */
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

/** The buffers one sweep needs, allocated once and reused by every run. */
interface Workspace {
  input: F32Block;
  layers: [F32Block, F32Block];
  weights: F32Block;
  free(): void;
}

function workspace(core: Core, config: ResolvedSweepConfig): Workspace {
  const size = config.samples * config.width;
  const input = core.alloc(size);
  const layers: [F32Block, F32Block] = [core.alloc(size), core.alloc(size)];
  const weights = core.alloc(config.width * config.width);
  // X ~ N(0, 1), shared by every run of the sweep: each run sees the same data (common random numbers).
  core.normalInto(input, config.seed, inputStream, 1);
  return {
    input,
    layers,
    weights,
    free() {
      for (const block of [input, ...layers, weights]) core.free(block);
    },
  };
}

/** Pushes X through the layer stack for one (activation, init), returning every layer's statistics. */
async function run(
  core: Core,
  space: Workspace,
  config: ResolvedSweepConfig,
  activation: Activation,
  initId: string,
  tick: () => Promise<void>,
): Promise<RunResult> {
  const init = parseInit(initId);
  const { kernel } = activationInfo[activation];
  const { samples, width, bins, seed } = config;
  const layers: LayerStats[] = [];
  const weightStd: number[] = [];
  let x = space.input;
  for (let layer = 1; layer <= config.layers; layer++) {
    // x is (samples, width), w is (width, width); z = act(x·w) is (samples, width).
    const std = init.std(width, width);
    weightStd.push(std);
    core.normalInto(space.weights, seed, layer, std);
    const z = space.layers[layer % 2] as F32Block;
    core.matmulInto(x, space.weights, z, samples, width, width);
    core.activateInto(kernel, z, z);
    layers.push(
      layerStats(core, z, layer, bins, (max) => histogramRange(activation, max, config.range)),
    );
    x = z;
    await tick();
  }
  return { activation, init: initId, state: 'completed', weightStd, layers };
}

function resultsConfig(config: ResolvedSweepConfig): ResultsConfig {
  const { layers, width, samples, bins, seed, range } = config;
  return range
    ? { layers, width, samples, bins, seed, range }
    : { layers, width, samples, bins, seed };
}

/**
 * Runs every (activation, init) pair of the sweep, activations outermost.
 * A run that fails becomes `state: 'errored'` with its message; the others are unaffected.
 */
export async function sweep(
  options: SweepOptions = {},
  hooks: SimulateHooks = {},
): Promise<Results> {
  const config = resolveSweepConfig(options);
  const core = hooks.core ?? (await getCore());
  const total = config.activations.length * config.inits.length * config.layers;
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
  const space = workspace(core, config);
  const runs: RunResult[] = [];
  try {
    for (const activation of config.activations) {
      for (const init of config.inits) {
        const before = done;
        try {
          runs.push(await run(core, space, config, activation, init, tick));
        } catch (error) {
          if (hooks.signal?.aborted) throw error;
          done = before + config.layers;
          runs.push({
            activation,
            init,
            state: 'errored',
            message: error instanceof Error ? error.message : String(error),
            weightStd: [],
            layers: [],
          });
        }
      }
    }
  } finally {
    space.free();
  }
  return { tool: 'initscope', version, config: resultsConfig(config), runs };
}

/** Runs one (activation, init) configuration; the results hold exactly one run. */
export function simulate(options: RunOptions, hooks: SimulateHooks = {}): Promise<Results> {
  const { activation, init, ...rest } = options;
  return sweep({ ...rest, activations: [activation], inits: [init] }, hooks);
}
