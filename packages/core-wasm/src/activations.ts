// The activation registry: each activation once — its name, its kernel code, its α default and
// its f64 φ and φ′. The kernels (assembly/activations.ts), the plain-TS reference and sim's
// mean-field theory all read it. x is a pre-activation (any f64); α is ignored where none is taken.

import { normalCdf, normalPdf } from './reference/normal.js';

/** Every activation the WASM core computes in f32 (with its derivative); the index of a name is its kernel code (`assembly/activations.ts`). */
export const activationKernels = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'elu',
  'selu',
  'gelu',
  'silu',
  'softplus',
  'softsign',
] as const;

/** An elementwise activation the WASM core computes in f32 (with its derivative). */
export type ActivationKernel = (typeof activationKernels)[number];

/** One activation: what the kernels, the reference and the theory need to know of it. */
export interface ActivationDef {
  /** Its name, as in `activationKernels`. */
  readonly name: ActivationKernel;
  /** Its kernel code: the index of `name` in `activationKernels`. */
  readonly code: number;
  /** Default α, for the activations that take one (leaky-relu's slope for x ≤ 0, elu's limit −α). */
  readonly alpha?: number;
  /** φ(x) in f64 (α used only where the activation takes one); limits at ±Inf, NaN propagates. */
  phi(x: number, alpha: number): number;
  /** φ′(x) in f64 at the pre-activation x, written without cancellation where the textbook form has it. */
  dphi(x: number, alpha: number): number;
}

/** SELU's λ (Klambauer et al. 2017; PyTorch `scale`). */
export const seluLambda = 1.0507009873554805;

/** SELU's α (Klambauer et al. 2017). */
export const seluAlpha = 1.6732632423543772;

/** 1/(1 + e^−x) without overflow: split at 0 so e never exceeds 1. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The value at ±Inf of a φ′ whose formula gives NaN there (0 below, 1 above); NaN stays NaN. */
function limitOne(x: number): number {
  return Number.isNaN(x) ? x : x > 0 ? 1 : 0;
}

type Entry = Pick<ActivationDef, 'alpha' | 'phi' | 'dphi'>;

// In the order of activationKernels. Finite x: the formulas of the mean-field theory, bit for bit.
const entries: Readonly<Record<ActivationKernel, Entry>> = {
  linear: {
    phi: (x) => x,
    dphi: (x) => (Number.isNaN(x) ? x : 1),
  },
  sigmoid: {
    phi: sigmoid,
    // σ(x)·σ(−x) = e/(1 + e)², e = e^−|x|: no cancellation of 1 − σ(x) for large x
    dphi: (x) => {
      const e = Math.exp(-Math.abs(x));
      return e / ((1 + e) * (1 + e));
    },
  },
  tanh: {
    phi: Math.tanh,
    // 1 − tanh² = 4e/(1 + e)², e = e^−2|x|
    dphi: (x) => {
      const e = Math.exp(-2 * Math.abs(x));
      return (4 * e) / ((1 + e) * (1 + e));
    },
  },
  relu: {
    phi: (x) => Math.max(x, 0),
    dphi: (x) => (Number.isNaN(x) ? x : x > 0 ? 1 : 0),
  },
  'leaky-relu': {
    alpha: 0.01,
    phi: (x, a) => (x > 0 ? x : a * x),
    dphi: (x, a) => (Number.isNaN(x) ? x : x > 0 ? 1 : a),
  },
  elu: {
    alpha: 1,
    phi: (x, a) => (x > 0 ? x : a * Math.expm1(x)),
    dphi: (x, a) => (x > 0 ? 1 : a * Math.exp(x)),
  },
  selu: {
    phi: (x) => seluLambda * (x > 0 ? x : seluAlpha * Math.expm1(x)),
    dphi: (x) => seluLambda * (x > 0 ? 1 : seluAlpha * Math.exp(x)),
  },
  gelu: {
    // x·Φ(x); gelu(−∞) = −0 (the limit; the product would be NaN)
    phi: (x) => (x === Number.NEGATIVE_INFINITY ? -0 : x * normalCdf(x)),
    dphi: (x) => (Number.isFinite(x) ? normalCdf(x) + x * normalPdf(x) : limitOne(x)),
  },
  silu: {
    // x·σ(x); silu(−∞) = −0
    phi: (x) => (x === Number.NEGATIVE_INFINITY ? -0 : x * sigmoid(x)),
    // σ(x) + x·σ(x)·σ(−x)
    dphi: (x) => (Number.isFinite(x) ? sigmoid(x) + x * sigmoid(x) * sigmoid(-x) : limitOne(x)),
  },
  softplus: {
    // ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|): never overflows
    phi: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    dphi: sigmoid,
  },
  softsign: {
    // x/(1 + |x|); ±1 at ±Inf
    phi: (x) => (Number.isFinite(x) || Number.isNaN(x) ? x / (1 + Math.abs(x)) : Math.sign(x)),
    dphi: (x) => 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))),
  },
};

/** The activation registry: every activation's name, kernel code, α default and f64 φ and φ′. */
export const activationRegistry: Readonly<Record<ActivationKernel, ActivationDef>> = Object.freeze(
  Object.fromEntries(
    activationKernels.map((name, code) => [name, Object.freeze({ name, code, ...entries[name] })]),
  ) as Record<ActivationKernel, ActivationDef>,
);

/** The activations that take an α, with its default; the others take none. */
export const activationAlphas: Readonly<Partial<Record<ActivationKernel, number>>> = Object.freeze(
  Object.fromEntries(
    activationKernels.flatMap((name) => {
      const alpha = activationRegistry[name].alpha;
      return alpha === undefined ? [] : [[name, alpha]];
    }),
  ),
);

/** Default α of leaky-relu, the slope for x ≤ 0 (PyTorch's `negative_slope` default). */
export const defaultLeakyReluAlpha = activationRegistry['leaky-relu'].alpha as number;

/** Default α of elu, the limit −α for x → −∞ (PyTorch and Keras). */
export const defaultEluAlpha = activationRegistry.elu.alpha as number;
