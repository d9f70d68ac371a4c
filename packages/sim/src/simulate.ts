import { type Core, loadCore } from '@initscope/core-wasm';
import type { ErroredRun, Results, RunResult } from '@initscope/results';
import { completedRun } from './completed-run.js';
import {
  isResolved,
  type ResolvedSweepConfig,
  type RunOptions,
  resolveRunConfig,
  resolveSweepConfig,
  type SweepOptions,
} from './config.js';
import { LayerStack } from './layer-stack.js';
import { resultsConfig } from './results-config.js';
import { verdictThresholds } from './verdict.js';
import { version } from './version.js';
import { Workspace } from './workspace.js';

/** Hooks for long runs. */
export interface SimulateHooks {
  /** The core to compute with; by default one shared instance loaded on first use. */
  core?: Core;
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

/**
 * Runs every (activation, init) pair of the sweep, activations outermost. Takes a config from
 * `resolveSweepConfig` as it is, or options that it resolves once (throwing ConfigError).
 * A run that fails becomes `state: 'errored'` with its message; the others are unaffected.
 */
export async function sweep(
  options: SweepOptions | ResolvedSweepConfig = {},
  hooks: SimulateHooks = {},
): Promise<Results> {
  const config = isResolved(options) ? options : resolveSweepConfig(options);
  const core = hooks.core ?? (await getCore());
  const runCount = config.activations.length * config.inits.length;
  const stepsPerRun = config.layers * (config.gradients ? 2 : 1);
  const total = runCount * stepsPerRun;
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
  const space = new Workspace(core, config, runCount);
  const runs: RunResult[] = [];
  try {
    for (const activation of config.activations) {
      for (const init of config.inits) {
        const before = done;
        try {
          const stack = new LayerStack(core, space, config, { activation, init }, tick);
          const pass = await stack.forward();
          const gradients = config.gradients ? await stack.backward() : undefined;
          const result = completedRun(config, activation, init, pass, gradients);
          runs.push(result);
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
    }
  } finally {
    space.free();
  }
  return { tool: 'initscope', version, config: resultsConfig(config), runs, verdictThresholds };
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
