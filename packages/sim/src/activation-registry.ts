/**
 * sim's side of the activation registry: core-wasm's `activationRegistry` owns each activation's
 * name, kernel code, α default and f64 φ/φ′; this adds, per activation and α, only what sim needs —
 * the default histogram range, the facts a reader needs (bounds, odd symmetry, exact zeros),
 * PyTorch's gain, and the mean-field theory's sublevel sets and homogeneity.
 */
import { activationRegistry, seluAlpha, seluLambda } from '@initscope/core-wasm';
import { type Activation, type ActivationLike, specOf } from './activations.js';
import { dipping, increasing, minimumOf, type Sublevel, zeroBelow } from './theory/sublevel.js';

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

/** What sim adds to core-wasm's definition of one activation at one α. */
export interface ActivationTraits extends ActivationFacts {
  /** Default histogram range `[lo, hi]`. */
  range: readonly [RangeBound, RangeBound];
  /** PyTorch's `calculate_gain(nonlinearity)`; 1 where PyTorch defines none. */
  gain: number;
  /** The theory's sets {x : φ(x) < y}. */
  sublevel: Sublevel;
  /** φ(λx) = λ·φ(x) for λ > 0: the theory is the same at every scale q. */
  homogeneous: boolean;
}

/** An activation bound to its α: core-wasm's φ and φ′ in f64 with sim's traits. */
export interface BoundActivation extends ActivationTraits {
  name: Activation;
  /** α, or 0 for activations that take none. */
  alpha: number;
  /** φ(x) in f64. */
  phi(x: number): number;
  /** φ′(x) in f64 (at a kink, either one-sided value: the kink has probability zero). */
  dphi(x: number): number;
}

/** φ and φ′ at the bound α, for the traits that depend on them. */
type Bound = Pick<BoundActivation, 'alpha' | 'phi' | 'dphi'>;

const inf = Number.POSITIVE_INFINITY;

/** Facts and histogram range of an activation bounded on both sides: drawn on its bounds. */
function bounded(
  bounds: readonly [number, number],
  symmetric: boolean,
): ActivationFacts & Pick<ActivationTraits, 'range'> {
  return { range: bounds, bounds, symmetric, exactZeros: false };
}

/** Facts of an unbounded activation. */
function unbounded(symmetric: boolean, exactZeros: boolean): ActivationFacts {
  return { bounds: null, symmetric, exactZeros };
}

/** Traits of a smooth φ that dips below 0 to a minimum in (from, 0), then rises like x (GELU, SiLU). */
function dips(from: number): (bound: Bound) => ActivationTraits {
  return ({ phi, dphi }) => ({
    range: ['min', 'max'],
    ...unbounded(false, false),
    gain: 1,
    sublevel: dipping(phi, minimumOf(dphi, from, 0)),
    homogeneous: false,
  });
}

/** Each activation's traits at a bound α. Adding an activation adds one entry here. */
const traits: Readonly<Record<Activation, (bound: Bound) => ActivationTraits>> = {
  linear: () => ({
    range: ['min', 'max'],
    ...unbounded(true, false),
    gain: 1,
    sublevel: increasing((y) => y, -inf, inf),
    homogeneous: true,
  }),
  sigmoid: () => ({
    ...bounded([0, 1], false),
    gain: 1,
    sublevel: increasing((y) => Math.log(y) - Math.log1p(-y), 0, 1),
    homogeneous: false,
  }),
  tanh: () => ({
    ...bounded([-1, 1], true),
    gain: 5 / 3,
    sublevel: increasing(Math.atanh, -1, 1),
    homogeneous: false,
  }),
  relu: () => ({
    range: [0, 'max'],
    ...unbounded(false, true),
    gain: Math.SQRT2,
    // x ≤ 0 all map to exactly 0: a point mass of 1/2.
    sublevel: zeroBelow,
    homogeneous: true,
  }),
  'leaky-relu': ({ alpha }) => ({
    range: ['min', 'max'],
    // α = 0 is ReLU (exact zeros), α = 1 the identity (odd).
    ...unbounded(alpha === 1, alpha === 0),
    gain: Math.sqrt(2 / (1 + alpha * alpha)),
    sublevel: alpha > 0 ? increasing((y) => (y > 0 ? y : y / alpha), -inf, inf) : zeroBelow,
    homogeneous: true,
  }),
  elu: ({ alpha }) => ({
    range: ['min', 'max'],
    ...unbounded(false, alpha === 0),
    gain: 1,
    sublevel:
      alpha > 0 ? increasing((y) => (y > 0 ? y : Math.log1p(y / alpha)), -alpha, inf) : zeroBelow,
    homogeneous: alpha === 0,
  }),
  selu: () => ({
    range: ['min', 'max'],
    ...unbounded(false, false),
    gain: 3 / 4,
    sublevel: increasing(
      (y) => (y > 0 ? y / seluLambda : Math.log1p(y / (seluLambda * seluAlpha))),
      -seluLambda * seluAlpha,
      inf,
    ),
    homogeneous: false,
  }),
  gelu: dips(-2),
  silu: dips(-3),
  softplus: () => ({
    range: [0, 'max'],
    ...unbounded(false, false),
    gain: 1,
    // The inverse of log(1 + eˣ): log(e^y − 1) = y + log(−expm1(−y)).
    sublevel: increasing((y) => y + Math.log(-Math.expm1(-y)), 0, inf),
    homogeneous: false,
  }),
  softsign: () => ({
    ...bounded([-1, 1], true),
    gain: 1,
    sublevel: increasing((y) => y / (1 - Math.abs(y)), -1, 1),
    homogeneous: false,
  }),
};

const bound = new Map<string, BoundActivation>();

/**
 * An activation (an id such as `leaky-relu:0.2`, or a parsed one) bound to its α: core-wasm's f64 φ
 * and φ′ with sim's traits. Throws as `parseActivation` for an unknown or malformed id.
 */
export function bindActivation(activation: ActivationLike): BoundActivation {
  const { name, alpha: given } = specOf(activation);
  const def = activationRegistry[name];
  const alpha = given ?? def.alpha ?? 0;
  const key = `${name}:${alpha}`;
  const cached = bound.get(key);
  if (cached) return cached;
  const phi = (x: number) => def.phi(x, alpha);
  const dphi = (x: number) => def.dphi(x, alpha);
  const result: BoundActivation = { name, alpha, phi, dphi, ...traits[name]({ alpha, phi, dphi }) };
  bound.set(key, result);
  return result;
}

/**
 * The facts of an activation (an id such as `leaky-relu:0.2`, or a parsed one): its output bounds,
 * odd symmetry and exact zeros (`leaky-relu:0` is ReLU: it has them). Throws as `parseActivation`.
 */
export function activationFacts(activation: ActivationLike): ActivationFacts {
  const { bounds, symmetric, exactZeros } = bindActivation(activation);
  return { bounds, symmetric, exactZeros };
}
