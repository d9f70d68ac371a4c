import { type ActivationKernel, activationKernels, activationRegistry } from '@initscope/core-wasm';
import { unknownChoiceMessage } from './choices.js';

/** Activation functions initscope can put between layers: core-wasm's kernels. */
export type Activation = ActivationKernel;

/** The activations a sweep runs when none are named: the book's, in the book's order. */
export const bookActivations = ['sigmoid', 'relu', 'tanh'] as const satisfies readonly Activation[];

/** Every activation: the book's three first, then the rest of core-wasm's registry in its order. */
export const activations: readonly Activation[] = [
  ...bookActivations,
  ...activationKernels.filter((name) => !(bookActivations as readonly string[]).includes(name)),
];

/** An activation as a run uses it: its name, its α when it takes one, and the id as typed. */
export interface ActivationSpec {
  id: string;
  name: Activation;
  alpha?: number;
}

/** An activation id (`tanh`, `leaky-relu:0.2`) or a parsed one. */
export type ActivationLike = string | ActivationSpec;

/** True when `name` is a known activation name (without a parameter). */
export function isActivation(name: string): name is Activation {
  return (activations as readonly string[]).includes(name);
}

/** Parses `relu`, `leaky-relu`, `leaky-relu:0.2`, `elu:0.5`…; throws an Error naming the valid forms. */
export function parseActivation(id: string): ActivationSpec {
  const colon = id.indexOf(':');
  const name = colon < 0 ? id : id.slice(0, colon);
  if (!isActivation(name)) throw new Error(unknownChoiceMessage('activation', id, activations));
  const defaultAlpha = activationRegistry[name].alpha;
  if (colon < 0)
    return defaultAlpha === undefined ? { id, name } : { id, name, alpha: defaultAlpha };
  const text = id.slice(colon + 1).trim();
  const alpha = text === '' ? Number.NaN : Number(text);
  if (defaultAlpha === undefined) {
    throw new Error(`Invalid activation "${id}": ${name} takes no parameter.`);
  }
  if (!Number.isFinite(alpha) || alpha < 0) {
    throw new Error(`Invalid activation "${id}": α in ${name}:<α> must be a finite number ≥ 0.`);
  }
  return { id, name, alpha };
}

/** The parsed form of an activation id, or the parsed activation itself. */
export function specOf(activation: ActivationLike): ActivationSpec {
  return typeof activation === 'string' ? parseActivation(activation) : activation;
}
