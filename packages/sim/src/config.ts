import { type ActivationSpec, bookActivations, parseActivation } from './activations.js';
import {
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultSeed,
  defaultWidth,
  limits,
  maxSeed,
} from './defaults.js';
import {
  biasField,
  ConfigError,
  type FieldLabel,
  integerField,
  listField,
  plainLabel,
  rangeField,
  shown,
  widthsField,
} from './fields.js';
import { bookInits, type Initializer, parseInit } from './initializers.js';
import { checkMemory } from './memory.js';

/** A sweep as callers give it: numbers or the strings a user typed. Omitted fields take the defaults. */
export interface SweepOptions {
  /** Activation ids (`relu`, `leaky-relu:0.2`, …). @default the book's sigmoid, relu, tanh */
  activations?: readonly string[] | string;
  /** @default the book's `std:1, std:0.01, xavier, he` */
  inits?: readonly string[] | string;
  /** @default 5 */
  layers?: number | string;
  /** @default 100 */
  width?: number | string;
  /** @default 1000 */
  samples?: number | string;
  /** @default 30 */
  bins?: number | string;
  /** @default 42 */
  seed?: number | string;
  /** Run every configuration for seeds `seed … seed + seeds − 1` and add seed bands. @default 1 */
  seeds?: number | string;
  /** Histogram range `[lo, hi]` (or "lo,hi") for every layer; by default each activation's own. */
  range?: readonly [number, number] | string;
  /** Input features then each layer's width (or "784,100,10"); overrides `layers` and `width`. */
  widths?: readonly (number | string)[] | string;
  /** σ_b of biases b ~ N(0, σ_b²) added before the activation. @default 0 (no bias, as in the book) */
  biasStd?: number | string;
  /** Also run the backward pass and record per-layer gradient statistics. @default false */
  gradients?: boolean;
  /** Also compute mean-field predictions per layer and per run. @default false */
  theory?: boolean;
}

/** A sweep after defaults and validation, with its activations and initializers parsed. */
export interface ResolvedSweepConfig {
  /** Marks the output of `resolveSweepConfig`: `sweep()` takes it as it is. */
  resolved: true;
  /** The activations, parsed; each keeps its id as given (trimmed) for the results. */
  activations: ActivationSpec[];
  /** The initializers, parsed; each keeps its id as given (trimmed) for the results. */
  inits: Initializer[];
  layers: number;
  width: number;
  samples: number;
  bins: number;
  seed: number;
  /** Seeds per configuration: `seed … seed + seeds − 1` (1: one seed, no bands). */
  seeds: number;
  range?: [number, number];
  /** Input features then each layer's width: always `layers + 1` entries. */
  widths: number[];
  /** True when `widths` was given rather than derived from `layers` and `width`. */
  customWidths: boolean;
  biasStd: number;
  gradients: boolean;
  theory: boolean;
}

/** One (activation, initializer) run as callers give it. */
export interface RunOptions extends Omit<SweepOptions, 'activations' | 'inits'> {
  activation: string;
  init: string;
}

/** True for the output of `resolveSweepConfig`, false for options still to resolve. */
export function isResolved(
  config: SweepOptions | ResolvedSweepConfig,
): config is ResolvedSweepConfig {
  return (config as Partial<ResolvedSweepConfig>).resolved === true;
}

/**
 * Applies defaults, validates and parses a sweep once; throws ConfigError naming the field (as
 * `label` spells it) and the value. Also refuses a run that cannot fit in WebAssembly memory.
 */
export function resolveSweepConfig(
  options: SweepOptions = {},
  label: FieldLabel = plainLabel,
): ResolvedSweepConfig {
  const customWidths = options.widths !== undefined;
  const widths = customWidths ? widthsField(options.widths ?? [], label) : undefined;
  const layers = widths
    ? widths.length - 1
    : integerField('layers', options.layers, label, defaultLayers);
  const width = widths
    ? (widths[1] as number)
    : integerField('width', options.width, label, defaultWidth);
  if (layers > limits.layers) {
    throw new ConfigError(
      `Invalid ${label('widths')} ${shown(options.widths)}: at most ${limits.layers} layers.`,
      'widths',
      options.widths,
    );
  }
  const config: ResolvedSweepConfig = {
    resolved: true,
    activations: listField(
      'activations',
      options.activations ?? bookActivations,
      label,
      parseActivation,
    ),
    inits: listField('inits', options.inits ?? bookInits, label, parseInit),
    layers,
    width,
    samples: integerField('samples', options.samples, label, defaultSamples),
    bins: integerField('bins', options.bins, label, defaultBins),
    seed: integerField('seed', options.seed, label, defaultSeed),
    seeds: integerField('seeds', options.seeds, label, 1),
    widths: widths ?? Array.from({ length: layers + 1 }, () => width),
    customWidths,
    biasStd: biasField(options.biasStd, label),
    gradients: options.gradients === true,
    theory: options.theory === true,
  };
  if (config.seed + config.seeds - 1 > maxSeed) {
    throw new ConfigError(
      `Invalid ${label('seeds')} ${shown(options.seeds)}: seeds ${config.seed} … ${config.seed + config.seeds - 1} go past the largest seed ${maxSeed}; lower ${label('seed')} or ${label('seeds')}.`,
      'seeds',
      options.seeds,
    );
  }
  if (options.range !== undefined) config.range = rangeField(options.range, label);
  checkMemory(config, label);
  return config;
}

/** Resolves one (activation, initializer) run: a sweep of one pair. */
export function resolveRunConfig(
  options: RunOptions,
  label: FieldLabel = plainLabel,
): ResolvedSweepConfig {
  const { activation, init, ...rest } = options;
  return resolveSweepConfig({ ...rest, activations: [activation], inits: [init] }, label);
}
