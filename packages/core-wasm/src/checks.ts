// Argument checks for the wrapper: each throws one line naming the method, argument and bad value.

import { type ActivationKernel, activationKernels } from './activations.js';
import { show, unknownValue } from './errors.js';

/** Largest u32, the top of the seed and stream ranges. */
export const maxU32 = 0xffff_ffff;

/** `value` is an integer in [0, max]. */
export function checkCount(fn: string, name: string, value: unknown, max = 2 ** 31 - 1): number {
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
