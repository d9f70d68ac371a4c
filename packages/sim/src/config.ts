import * as v from 'valibot';
import { bookActivations, parseActivation } from './activations.js';
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

/** A sweep after defaults and validation. */
export interface ResolvedSweepConfig {
  /** Activation ids as given (validated). */
  activations: string[];
  inits: string[];
  layers: number;
  width: number;
  samples: number;
  bins: number;
  seed: number;
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

function widthsField(value: readonly (number | string)[] | string, label: FieldLabel): number[] {
  const items = typeof value === 'string' ? value.split(',') : [...value];
  const widths = items.map((item) => v.safeParse(fieldSchemas.width, item));
  if (widths.length < 2 || widths.some((width) => !width.success)) {
    throw new ConfigError(
      `Invalid ${label('widths')} ${shown(value)}: expected at least two comma-separated integers from 1 to ${limits.width} (input features, then each layer's width).`,
      'widths',
      value,
    );
  }
  return widths.map((width) => width.output as number);
}

function biasField(value: number | string | undefined, label: FieldLabel): number {
  if (value === undefined) return 0;
  const result = v.safeParse(v.pipe(numberLike, v.number(), v.finite(), v.minValue(0)), value);
  if (result.success) return result.output;
  throw new ConfigError(
    `Invalid ${label('biasStd')} ${shown(value)}: expected a finite number ≥ 0.`,
    'biasStd',
    value,
  );
}

/** The f32 buffers one run holds at once, in values; everything else is statistics. */
export function runBuffers(config: Pick<ResolvedSweepConfig, 'samples' | 'widths' | 'gradients'>): {
  values: number;
  description: string;
} {
  const { samples, widths } = config;
  const widest = Math.max(...widths);
  const layerValues = samples * widest;
  let weights = 0;
  for (let l = 1; l < widths.length; l++) {
    weights = Math.max(weights, (widths[l - 1] as number) * (widths[l] as number));
  }
  if (!config.gradients) {
    // The input, two layer buffers (in, out) and one weight matrix.
    return { values: 3 * layerValues + weights, description: 'input + 2 layer buffers + weights' };
  }
  // The backward pass keeps every layer's pre-activations, plus δ, the back-propagated product,
  // the input, one activation buffer, one weight matrix and one weight-gradient matrix.
  const layers = widths.length - 1;
  return {
    values: (layers + 4) * layerValues + 2 * weights,
    description: `input + ${layers} pre-activation buffers + 3 work buffers + weights and their gradient`,
  };
}

/** Bytes of WASM memory one run needs (f32 buffers; see `runBuffers`). */
export function estimateRunBytes(
  config: Pick<ResolvedSweepConfig, 'samples' | 'widths' | 'gradients'>,
): number {
  return 4 * runBuffers(config).values;
}

function formatBytes(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Bytes of WebAssembly memory a run may plan on: 4 GiB less room for the module and scratch space. */
export const wasmUsableBytes = wasmAddressableBytes - 64 * 2 ** 20;

/** Checks that a run fits in WebAssembly's address space, with the needed and available amounts. */
export function checkMemory(
  config: Pick<ResolvedSweepConfig, 'samples' | 'widths' | 'gradients'>,
  label: FieldLabel = (f) => f,
): void {
  const needed = estimateRunBytes(config);
  if (needed > wasmUsableBytes) {
    const widest = Math.max(...config.widths);
    throw new ConfigError(
      `Run too large: ${label('samples')} ${config.samples} × width ${widest} needs ${formatBytes(needed)} of WebAssembly memory (${runBuffers(config).description}); at most ${formatBytes(wasmUsableBytes)} is addressable. Reduce ${label('samples')} or the width${config.gradients ? `, or drop ${label('gradients')}` : ''}.`,
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
  const customWidths = options.widths !== undefined;
  const widths = customWidths ? widthsField(options.widths ?? [], label) : undefined;
  const layers = widths ? widths.length - 1 : numberField('layers', options.layers, label);
  const width = widths ? (widths[1] as number) : numberField('width', options.width, label);
  if (layers > limits.layers) {
    throw new ConfigError(
      `Invalid ${label('widths')} ${shown(options.widths)}: at most ${limits.layers} layers.`,
      'widths',
      options.widths,
    );
  }
  const config: ResolvedSweepConfig = {
    activations: listField(
      'activations',
      options.activations ?? bookActivations,
      label,
      (id) => void parseActivation(id),
    ),
    inits: listField('inits', options.inits ?? bookInits, label, (id) => void parseInit(id)),
    layers,
    width,
    samples: numberField('samples', options.samples, label),
    bins: numberField('bins', options.bins, label),
    seed: numberField('seed', options.seed, label),
    widths: widths ?? Array.from({ length: layers + 1 }, () => width),
    customWidths,
    biasStd: biasField(options.biasStd, label),
    gradients: options.gradients === true,
    theory: options.theory === true,
  };
  if (options.range !== undefined) config.range = rangeField(options.range, label);
  checkMemory(config, label);
  return config;
}
