import { optimizerDefaults } from '@initscope/core-wasm';
import { parseActivation, parseInit, unknownChoiceMessage } from '@initscope/sim';
import { bookTrainConfig, type Optimizer, optimizers, type TrainConfig } from './train.js';

/** A bad training option: the message names the flag, the value and the valid choices. */
export class TrainConfigError extends Error {
  override name = 'TrainConfigError';
}

/** Training options as typed (strings), every one optional; `flagOf` names them in errors. */
export interface TrainInput {
  widths?: string;
  activation?: string;
  inits?: string;
  optimizer?: string;
  lr?: string;
  batch?: string;
  iterations?: string;
  seed?: string;
  seeds?: string;
  evalEvery?: string;
  checkpoints?: string;
}

const flags: Record<keyof TrainInput, string> = {
  widths: '--widths',
  activation: '--activation',
  inits: '--inits',
  optimizer: '--optimizer',
  lr: '--lr',
  batch: '--batch',
  iterations: '--iterations',
  seed: '--seed',
  seeds: '--seeds',
  evalEvery: '--eval-every',
  checkpoints: '--checkpoints',
};

function integer(name: keyof TrainInput, text: string, min: number, max: number): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TrainConfigError(
      `Invalid ${flags[name]} "${text}": expected an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

function list(name: keyof TrainInput, text: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new TrainConfigError(
      `Invalid ${flags[name]} "${text}": empty item in the comma-separated list.`,
    );
  }
  return items;
}

/** Most seeds `--seeds` accepts (each is one training run per initializer). */
export const maxTrainSeeds = 10_000;

/** The training configuration after defaults, with the number of seeds per initializer. */
export interface ResolvedTrainConfig extends TrainConfig {
  /** `--seeds K`: seeds `seed … seed + K − 1` per initializer; absent for one seed (as `run`'s config). */
  seeds?: number;
}

/**
 * The training configuration from typed options (defaults: the book's fig. 6-15; the learning rate
 * defaults to the optimizer's book default). Checkpoints beyond --iterations are dropped from the
 * default list and refused when given.
 */
export function resolveTrainConfig(
  input: TrainInput,
  sizes: { pixels: number; classes: number },
): ResolvedTrainConfig {
  const config: TrainConfig = { ...bookTrainConfig };
  if (input.widths !== undefined) {
    config.widths = list('widths', input.widths).map((w) => integer('widths', w, 1, 100_000));
    if (config.widths.length < 2) {
      throw new TrainConfigError(
        `Invalid --widths "${input.widths}": give the input size and at least one layer.`,
      );
    }
  }
  if (config.widths[0] !== sizes.pixels || config.widths.at(-1) !== sizes.classes) {
    throw new TrainConfigError(
      `Invalid --widths "${config.widths.join(',')}": the data needs ${sizes.pixels} inputs first and ${sizes.classes} classes last.`,
    );
  }
  if (input.activation !== undefined) {
    try {
      parseActivation(input.activation); // a name, or leaky-relu:<α> / elu:<α>
    } catch (error) {
      throw new TrainConfigError((error as Error).message);
    }
    config.activation = input.activation;
  }
  if (input.inits !== undefined) {
    config.inits = list('inits', input.inits);
    for (const init of config.inits) {
      try {
        parseInit(init);
      } catch (error) {
        throw new TrainConfigError((error as Error).message);
      }
    }
  }
  if (input.optimizer !== undefined) {
    if (!(optimizers as readonly string[]).includes(input.optimizer)) {
      throw new TrainConfigError(unknownChoiceMessage('optimizer', input.optimizer, optimizers));
    }
    config.optimizer = input.optimizer as Optimizer;
  }
  config.lr = optimizerDefaults[config.optimizer].lr;
  if (input.lr !== undefined) {
    const lr = input.lr.trim() === '' ? Number.NaN : Number(input.lr);
    if (!(Number.isFinite(lr) && lr > 0)) {
      throw new TrainConfigError(`Invalid --lr "${input.lr}": expected a finite number > 0.`);
    }
    config.lr = lr;
  }
  if (input.batch !== undefined) config.batch = integer('batch', input.batch, 1, 60_000);
  if (input.iterations !== undefined)
    config.iterations = integer('iterations', input.iterations, 1, 1_000_000);
  if (input.seed !== undefined) config.seed = integer('seed', input.seed, 0, 2 ** 32 - 1);
  if (input.evalEvery !== undefined)
    config.evalEvery = integer('evalEvery', input.evalEvery, 1, 1_000_000);
  if (input.checkpoints !== undefined) {
    const points = input.checkpoints.trim() === '' ? [] : list('checkpoints', input.checkpoints);
    config.checkpoints = points.map((p) => integer('checkpoints', p, 0, config.iterations));
    config.checkpoints = [...new Set(config.checkpoints)].sort((a, b) => a - b);
  } else {
    config.checkpoints = bookTrainConfig.checkpoints.filter((c) => c <= config.iterations);
  }
  const seeds = input.seeds === undefined ? 1 : integer('seeds', input.seeds, 1, maxTrainSeeds);
  if (config.seed + seeds - 1 > 2 ** 32 - 1) {
    throw new TrainConfigError(
      `Invalid --seeds "${input.seeds}": seeds ${config.seed} … ${config.seed + seeds - 1} go past the largest seed ${2 ** 32 - 1}; lower --seed or --seeds.`,
    );
  }
  if (seeds === 1) return config;
  const { evalEvery, checkpoints, ...head } = config;
  return { ...head, seeds, evalEvery, checkpoints };
}
