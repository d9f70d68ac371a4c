import * as v from 'valibot';
import { type Activation, activations, isActivation } from './activations.js';
import { unknownChoiceMessage } from './choices.js';
import { bookInits, parseInit } from './initializers.js';

/** Hidden layers, as in the book. */
export const defaultLayers = 5;
/** Nodes per hidden layer (and input features), as in the book. */
export const defaultWidth = 100;
/** Input rows drawn from N(0, 1), as in the book. */
export const defaultSamples = 1000;
/** Histogram bins, as in the book's `plt.hist(a, 30)`. */
export const defaultBins = 30;
/** The seed used when none is given, so that the default report is reproducible. */
export const defaultSeed = 42;
/** Largest seed: seeds are unsigned 32-bit integers. */
export const maxSeed = 2 ** 32 - 1;
/** Bytes WebAssembly (wasm32) can address. */
export const wasmAddressableBytes = 2 ** 32;

/** Upper bounds that keep a typo from asking for absurd work; memory is checked separately. */
export const limits = { layers: 10_000, width: 65_536, samples: 10_000_000, bins: 10_000 } as const;

/** A sweep as callers give it: numbers or the strings a user typed. Omitted fields take the defaults. */
export interface SweepOptions {
  /** @default all activations */
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
  /** Histogram range `[lo, hi]` (or "lo,hi") for every layer; by default each activation's own. */
  range?: readonly [number, number] | string;
}

/** A sweep after defaults and validation. */
export interface ResolvedSweepConfig {
  activations: Activation[];
  inits: string[];
  layers: number;
  width: number;
  samples: number;
  bins: number;
  seed: number;
  range?: [number, number];
}

/** One (activation, initializer) run as callers give it. */
export interface RunOptions extends Omit<SweepOptions, 'activations' | 'inits'> {
  activation: string;
  init: string;
}

/** A configuration value is not valid. `field` is the option's name, `value` what was given. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly field: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** Turns an option name into what the user typed it as, e.g. `layers` → `--layers`. */
export type FieldLabel = (field: string) => string;

const numberLike = v.union([
  v.number(),
  v.pipe(v.string(), v.trim(), v.nonEmpty(), v.transform(Number)),
]);

function integerIn(lo: number, hi: number) {
  return v.pipe(numberLike, v.number(), v.finite(), v.integer(), v.minValue(lo), v.maxValue(hi));
}

const fieldSchemas = {
  layers: integerIn(1, limits.layers),
  width: integerIn(1, limits.width),
  samples: integerIn(1, limits.samples),
  bins: integerIn(1, limits.bins),
  seed: integerIn(0, maxSeed),
} as const;

const fieldExpectations: Record<keyof typeof fieldSchemas, string> = {
  layers: `an integer from 1 to ${limits.layers}`,
  width: `an integer from 1 to ${limits.width}`,
  samples: `an integer from 1 to ${limits.samples}`,
  bins: `an integer from 1 to ${limits.bins}`,
  seed: `an integer from 0 to ${maxSeed}`,
};

const defaults = {
  layers: defaultLayers,
  width: defaultWidth,
  samples: defaultSamples,
  bins: defaultBins,
  seed: defaultSeed,
};

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `"${value.join(',')}"`;
  return String(value);
}

function numberField(field: keyof typeof fieldSchemas, value: unknown, label: FieldLabel): number {
  if (value === undefined) return defaults[field];
  const result = v.safeParse(fieldSchemas[field], value);
  if (result.success) return result.output;
  throw new ConfigError(
    `Invalid ${label(field)} ${shown(value)}: expected ${fieldExpectations[field]}.`,
    field,
    value,
  );
}

function listField(
  field: string,
  value: readonly string[] | string,
  label: FieldLabel,
  check: (item: string) => void,
): string[] {
  const items = typeof value === 'string' ? value.split(',') : [...value];
  const trimmed = items.map((item) => String(item).trim());
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid ${label(field)} ${shown(value)}: ${why}`, field, value);
  };
  if (trimmed.length === 0 || trimmed.every((item) => item === '')) fail('the list is empty.');
  if (trimmed.includes('')) fail('the list has an empty entry.');
  const seen = new Set<string>();
  for (const item of trimmed) {
    if (seen.has(item)) fail(`"${item}" is listed twice.`);
    seen.add(item);
    try {
      check(item);
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return trimmed;
}

function rangeField(
  value: readonly [number, number] | string,
  label: FieldLabel,
): [number, number] {
  const parts = typeof value === 'string' ? value.split(',') : [...value];
  const numbers = parts.map((part) => (typeof part === 'string' ? part.trim() : part));
  const bounds = numbers.map((part) => (part === '' ? Number.NaN : Number(part)));
  const [lo, hi] = bounds;
  if (
    bounds.length !== 2 ||
    lo === undefined ||
    hi === undefined ||
    !Number.isFinite(lo) ||
    !Number.isFinite(hi) ||
    !(lo < hi)
  ) {
    throw new ConfigError(
      `Invalid ${label('range')} ${shown(value)}: expected two finite numbers lo,hi with lo < hi, e.g. 0,1.`,
      'range',
      value,
    );
  }
  return [lo, hi];
}

function checkActivation(name: string): void {
  if (!isActivation(name)) throw new Error(unknownChoiceMessage('activation', name, activations));
}

/** Bytes of WASM memory one run needs: the input, two layer buffers and one weight matrix (f32). */
export function estimateRunBytes(config: Pick<ResolvedSweepConfig, 'samples' | 'width'>): number {
  const activationsBytes = 3 * config.samples * config.width * 4;
  const weightBytes = config.width * config.width * 4;
  return activationsBytes + weightBytes;
}

function formatBytes(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Checks that a run fits in WebAssembly's address space, with the needed and available amounts. */
export function checkMemory(
  config: Pick<ResolvedSweepConfig, 'samples' | 'width'>,
  label: FieldLabel = (f) => f,
): void {
  const needed = estimateRunBytes(config);
  // Leave room for the module's own data and the matmul packing buffer.
  const available = wasmAddressableBytes - 64 * 2 ** 20;
  if (needed > available) {
    throw new ConfigError(
      `Run too large: ${label('samples')} ${config.samples} × ${label('width')} ${config.width} needs ${formatBytes(needed)} of WebAssembly memory; at most ${formatBytes(available)} is addressable. Reduce ${label('samples')} or ${label('width')}.`,
      'samples',
      config.samples,
    );
  }
}

/** Applies defaults and validates a sweep; throws ConfigError naming the field and the value. */
export function resolveSweepConfig(
  options: SweepOptions = {},
  label: FieldLabel = (field) => field,
): ResolvedSweepConfig {
  const config: ResolvedSweepConfig = {
    activations: listField(
      'activations',
      options.activations ?? activations,
      label,
      checkActivation,
    ) as Activation[],
    inits: listField('inits', options.inits ?? bookInits, label, (id) => void parseInit(id)),
    layers: numberField('layers', options.layers, label),
    width: numberField('width', options.width, label),
    samples: numberField('samples', options.samples, label),
    bins: numberField('bins', options.bins, label),
    seed: numberField('seed', options.seed, label),
  };
  if (options.range !== undefined) config.range = rangeField(options.range, label);
  checkMemory(config, label);
  return config;
}
