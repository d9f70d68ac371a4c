import * as v from 'valibot';
import { limits, maxSeed } from './defaults.js';

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

/** Labels every field by its option name. */
export const plainLabel: FieldLabel = (field) => field;

const numberLike = v.union([
  v.number(),
  v.pipe(v.string(), v.trim(), v.nonEmpty(), v.transform(Number)),
]);

function integerIn(lo: number, hi: number) {
  return v.pipe(numberLike, v.number(), v.finite(), v.integer(), v.minValue(lo), v.maxValue(hi));
}

const integerSchemas = {
  layers: integerIn(1, limits.layers),
  width: integerIn(1, limits.width),
  samples: integerIn(1, limits.samples),
  bins: integerIn(1, limits.bins),
  seed: integerIn(0, maxSeed),
  seeds: integerIn(1, limits.seeds),
} as const;

/** The integer options, each with its own range. */
export type IntegerField = keyof typeof integerSchemas;

const integerExpectations: Record<IntegerField, string> = {
  layers: `an integer from 1 to ${limits.layers}`,
  width: `an integer from 1 to ${limits.width}`,
  samples: `an integer from 1 to ${limits.samples}`,
  bins: `an integer from 1 to ${limits.bins}`,
  seed: `an integer from 0 to ${maxSeed}`,
  seeds: `an integer from 1 to ${limits.seeds}`,
};

/** A value as the user typed it, for messages: strings and lists in quotes. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `"${value.join(',')}"`;
  return String(value);
}

/** An integer option (a number or the string a user typed), or `fallback` when it is not given. */
export function integerField(
  field: IntegerField,
  value: unknown,
  label: FieldLabel,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const result = v.safeParse(integerSchemas[field], value);
  if (result.success) return result.output;
  throw new ConfigError(
    `Invalid ${label(field)} ${shown(value)}: expected ${integerExpectations[field]}.`,
    field,
    value,
  );
}

/**
 * A non-empty list without duplicates (an array, or a comma-separated string), each item trimmed and
 * turned into a value by `parse`, whose Error message follows the field's name and the list.
 */
export function listField<T>(
  field: string,
  value: readonly string[] | string,
  label: FieldLabel,
  parse: (item: string) => T,
): T[] {
  const items = typeof value === 'string' ? value.split(',') : [...value];
  const trimmed = items.map((item) => String(item).trim());
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid ${label(field)} ${shown(value)}: ${why}`, field, value);
  };
  if (trimmed.length === 0 || trimmed.every((item) => item === '')) fail('the list is empty.');
  if (trimmed.includes('')) fail('the list has an empty entry.');
  const seen = new Set<string>();
  const parsed: T[] = [];
  for (const item of trimmed) {
    if (seen.has(item)) fail(`"${item}" is listed twice.`);
    seen.add(item);
    try {
      parsed.push(parse(item));
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return parsed;
}

/** One item given as a list field (`"tanh"`, not `"tanh,relu"`), parsed by `parse`. */
export function singleField<T>(
  field: string,
  value: string,
  label: FieldLabel,
  parse: (item: string) => T,
): T {
  const items = listField(field, value, label, parse);
  if (items.length !== 1) {
    throw new ConfigError(
      `Invalid ${label(field)} ${shown(value)}: give one ${field}.`,
      field,
      value,
    );
  }
  return items[0] as T;
}

/** A histogram range `[lo, hi]` (or "lo,hi") with finite lo < hi. */
export function rangeField(
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

/** Input features then each layer's width (or "784,100,10"): at least two widths. */
export function widthsField(
  value: readonly (number | string)[] | string,
  label: FieldLabel,
): number[] {
  const items = typeof value === 'string' ? value.split(',') : [...value];
  const widths = items.map((item) => v.safeParse(integerSchemas.width, item));
  if (widths.length < 2 || widths.some((width) => !width.success)) {
    throw new ConfigError(
      `Invalid ${label('widths')} ${shown(value)}: expected at least two comma-separated integers from 1 to ${limits.width} (input features, then each layer's width).`,
      'widths',
      value,
    );
  }
  return widths.map((width) => width.output as number);
}

/** σ_b of the biases: a finite number ≥ 0, 0 when not given. */
export function biasField(value: number | string | undefined, label: FieldLabel): number {
  if (value === undefined) return 0;
  const result = v.safeParse(v.pipe(numberLike, v.number(), v.finite(), v.minValue(0)), value);
  if (result.success) return result.output;
  throw new ConfigError(
    `Invalid ${label('biasStd')} ${shown(value)}: expected a finite number ≥ 0.`,
    'biasStd',
    value,
  );
}
