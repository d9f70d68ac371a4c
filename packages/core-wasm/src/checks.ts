// Argument checks for the wrapper: each throws one line naming the method, argument and bad value.

import { type ActivationKernel, activationKernels } from './activations.js';
import { show, unknownValue } from './errors.js';
import { maxBins, maxBlockLength } from './limits.js';

/** Largest u32, the top of the seed and stream ranges. */
export const maxU32 = 0xffff_ffff;

/** `value` is an integer in [0, max]. */
export function checkCount(fn: string, name: string, value: unknown, max = maxBlockLength): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${fn}: ${name} must be an integer in [0, ${max}], got ${show(value)}`);
  }
  return value;
}

/** `value` is an integer in [0, 2^32 − 1] (seeds and streams). */
export function checkU32(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxU32) {
    throw new Error(`${fn}: ${name} must be an integer in [0, 2^32-1], got ${show(value)}`);
  }
  return value;
}

/** `value` is a finite number. */
export function checkFinite(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${fn}: ${name} must be a finite number, got ${show(value)}`);
  }
  return value;
}

/** `kind` is one of `activationKernels`. */
export function checkKind(kind: unknown): ActivationKernel {
  if (!activationKernels.includes(kind as ActivationKernel)) {
    throw unknownValue('activation', kind, activationKernels);
  }
  return kind as ActivationKernel;
}

/** `value` is a Float32Array. */
export function checkF32Array(fn: string, name: string, value: unknown): Float32Array {
  if (!(value instanceof Float32Array)) {
    throw new Error(`${fn}: ${name} must be a Float32Array, got ${show(value)}`);
  }
  return value;
}

/** A Float32Array holds exactly `expected` values (`what` says where the number comes from). */
export function checkLength(
  fn: string,
  name: string,
  actual: number,
  expected: number,
  what: string,
) {
  if (actual !== expected) {
    throw new Error(`${fn}: ${name} has ${actual} values, expected ${what} = ${expected}`);
  }
}

/** m, k, n are integers ≥ 0 whose products fit one block. */
export function checkShape(fn: string, m: number, k: number, n: number): void {
  checkCount(fn, 'm', m);
  checkCount(fn, 'k', k);
  checkCount(fn, 'n', n);
  for (const [name, size] of [
    ['m·k', m * k],
    ['k·n', k * n],
    ['m·n', m * n],
  ] as const) {
    if (size > maxBlockLength) {
      throw new Error(`${fn}: ${name} = ${size} exceeds the ${maxBlockLength}-value block limit`);
    }
  }
}

/** lo < hi, both finite, and bins an integer in [1, maxBins]; `prefix` names the option object ('stats.'). */
export function checkRange(
  fn: string,
  prefix: string,
  lo: unknown,
  hi: unknown,
  bins: unknown,
): void {
  checkFinite(fn, `${prefix}lo`, lo);
  checkFinite(fn, `${prefix}hi`, hi);
  if (!((lo as number) < (hi as number))) {
    throw new Error(`${fn}: ${prefix}lo must be less than ${prefix}hi, got lo = ${lo}, hi = ${hi}`);
  }
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > maxBins) {
    throw new Error(
      `${fn}: ${prefix}bins must be an integer in [1, ${maxBins}], got ${show(bins)}`,
    );
  }
}

/** A block holds at least `needed` values (it may be longer: the leading values are used); `what` says where the number comes from. */
export function checkHolds(
  fn: string,
  name: string,
  block: { length: number },
  needed: number,
  what: string,
): void {
  if (block.length < needed) {
    throw new Error(`${fn}: ${name} has ${block.length} values, needs ${what} = ${needed}`);
  }
}

/** Whether the `n` f32 at byte address p and the `m` f32 at q share a byte. */
export function overlaps(p: number, n: number, q: number, m: number): boolean {
  return n > 0 && m > 0 && p < q + m * 4 && q < p + n * 4;
}
