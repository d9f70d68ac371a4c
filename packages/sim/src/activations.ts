import type { ActivationKernel } from '@initscope/core-wasm';
import { unknownChoiceMessage } from './choices.js';

/** Every activation: the book's three first, in the book's order, then the rest of the zoo. */
export const activations = [
  'sigmoid',
  'relu',
  'tanh',
  'linear',
  'leaky-relu',
  'elu',
  'selu',
  'gelu',
  'silu',
  'softplus',
  'softsign',
] as const satisfies readonly ActivationKernel[];

/** Activation functions initscope can put between layers. */
export type Activation = (typeof activations)[number];

/** The activations a sweep runs when none are named: the book's. */
export const bookActivations = ['sigmoid', 'relu', 'tanh'] as const satisfies readonly Activation[];

/** A histogram bound: a number, or the layer's smallest / largest finite value. */
export type RangeBound = number | 'min' | 'max';

/** What a reader of the results may need to know about an activation's outputs. */
export interface ActivationFacts {
  /** The output range `[lo, hi]` when φ is bounded on both sides (sigmoid, tanh, softsign), else null. */
  bounds: readonly [number, number] | null;
  /** φ is odd, φ(−x) = −φ(x): a saturation zone at one bound mirrors the other. */
  symmetric: boolean;
  /** φ maps a set of positive probability to exactly 0 (ReLU's dead units). */
  exactZeros: boolean;
}

/** How an activation is computed and where its histogram is drawn by default. */
export interface ActivationInfo {
  /** The core-wasm kernel that applies it elementwise. */
  kernel: ActivationKernel;
  /** Default histogram range `[lo, hi]`. */
  range: readonly [RangeBound, RangeBound];
  /** Its facts at an α (ignored by activations that take none). */
  facts: (alpha: number) => ActivationFacts;
  /** Default α for activations that take one (`leaky-relu:0.2`, `elu:0.5`). */
  alpha?: number;
  /** PyTorch's `calculate_gain(nonlinearity)`; 1 where PyTorch defines none. */
  gain: (alpha: number) => number;
}

const one = () => 1;

function bounded(bounds: readonly [number, number], symmetric: boolean) {
  const facts: ActivationFacts = { bounds, symmetric, exactZeros: false };
  return () => facts;
}

function unbounded(symmetric: boolean, exactZeros: boolean) {
  const facts: ActivationFacts = { bounds: null, symmetric, exactZeros };
  return () => facts;
}

/** The activation registry. */
export const activationInfo: Readonly<Record<Activation, ActivationInfo>> = {
  sigmoid: { kernel: 'sigmoid', range: [0, 1], facts: bounded([0, 1], false), gain: one },
  relu: {
    kernel: 'relu',
    range: [0, 'max'],
    facts: unbounded(false, true),
    gain: () => Math.SQRT2,
  },
  tanh: { kernel: 'tanh', range: [-1, 1], facts: bounded([-1, 1], true), gain: () => 5 / 3 },
  linear: { kernel: 'linear', range: ['min', 'max'], facts: unbounded(true, false), gain: one },
  'leaky-relu': {
    kernel: 'leaky-relu',
    range: ['min', 'max'],
    facts: (alpha) => ({ bounds: null, symmetric: alpha === 1, exactZeros: alpha === 0 }),
    alpha: 0.01,
    gain: (alpha) => Math.sqrt(2 / (1 + alpha * alpha)),
  },
  elu: {
    kernel: 'elu',
    range: ['min', 'max'],
    facts: (alpha) => ({ bounds: null, symmetric: false, exactZeros: alpha === 0 }),
    alpha: 1,
    gain: one,
  },
  selu: {
    kernel: 'selu',
    range: ['min', 'max'],
    facts: unbounded(false, false),
    gain: () => 3 / 4,
  },
  gelu: { kernel: 'gelu', range: ['min', 'max'], facts: unbounded(false, false), gain: one },
  silu: { kernel: 'silu', range: ['min', 'max'], facts: unbounded(false, false), gain: one },
  softplus: { kernel: 'softplus', range: [0, 'max'], facts: unbounded(false, false), gain: one },
  softsign: { kernel: 'softsign', range: [-1, 1], facts: bounded([-1, 1], true), gain: one },
};

/** An activation as a run uses it: its name, its α when it takes one, and the id as typed. */
export interface ActivationSpec {
  id: string;
  name: Activation;
  alpha?: number;
}

/** True when `name` is a known activation name (without a parameter). */
export function isActivation(name: string): name is Activation {
  return (activations as readonly string[]).includes(name);
}

/** Parses `relu`, `leaky-relu`, `leaky-relu:0.2`, `elu:0.5`…; throws an Error naming the valid forms. */
export function parseActivation(id: string): ActivationSpec {
  const colon = id.indexOf(':');
  const name = colon < 0 ? id : id.slice(0, colon);
  if (!isActivation(name)) throw new Error(unknownChoiceMessage('activation', id, activations));
  const info = activationInfo[name];
  if (colon < 0) return info.alpha === undefined ? { id, name } : { id, name, alpha: info.alpha };
  const text = id.slice(colon + 1).trim();
  const alpha = text === '' ? Number.NaN : Number(text);
  if (info.alpha === undefined) {
    throw new Error(`Invalid activation "${id}": ${name} takes no parameter.`);
  }
  if (!Number.isFinite(alpha) || alpha < 0) {
    throw new Error(`Invalid activation "${id}": α in ${name}:<α> must be a finite number ≥ 0.`);
  }
  return { id, name, alpha };
}

/**
 * The histogram range for one layer: the override when given, else the activation's default with
 * 'min'/'max' taken from the layer's finite values. A range that would be empty (all values equal, or
 * none finite) is widened upwards by max(1, |lo|·2⁻²⁰) (downwards when the upper bound is fixed).
 */
export function histogramRange(
  activation: Activation,
  layerMin: number,
  layerMax: number,
  override?: readonly [number, number],
): [number, number] {
  if (override) return [override[0], override[1]];
  const [loBound, hiBound] = activationInfo[activation].range;
  const finite = Number.isFinite(layerMin) && Number.isFinite(layerMax);
  const pick = (bound: RangeBound, fallback: number) => {
    if (typeof bound === 'number') return bound;
    if (!finite) return fallback;
    return bound === 'min' ? layerMin : layerMax;
  };
  const lo = pick(loBound, 0);
  const hi = pick(hiBound, lo + 1);
  if (hi > lo) return [lo, hi];
  // All values equal: a range around them wide enough to exist at their magnitude.
  if (typeof hiBound === 'number') return [hi - Math.max(1, Math.abs(hi) * 2 ** -20), hi];
  return [lo, lo + Math.max(1, Math.abs(lo) * 2 ** -20)];
}

/** The histogram range when it does not depend on the layer's values (an override, or fixed bounds). */
export function fixedRange(
  activation: Activation,
  override?: readonly [number, number],
): [number, number] | undefined {
  if (override) return [override[0], override[1]];
  const [lo, hi] = activationInfo[activation].range;
  return typeof lo === 'number' && typeof hi === 'number' ? [lo, hi] : undefined;
}

/**
 * The facts of an activation (an id such as `leaky-relu:0.2`, or a parsed one): its output bounds,
 * odd symmetry and exact zeros (`leaky-relu:0` is ReLU: it has them). Throws as `parseActivation`.
 */
export function activationFacts(activation: string | ActivationSpec): ActivationFacts {
  const { name, alpha } = typeof activation === 'string' ? parseActivation(activation) : activation;
  return activationInfo[name].facts(alpha ?? 0);
}
