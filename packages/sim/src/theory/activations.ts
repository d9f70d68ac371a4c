/**
 * Activations for the mean-field theory, in f64: φ, φ' and, for expected histograms, the set of
 * pre-activations x where φ(x) lies below a value. Keyed by the same names as the simulation's.
 */
import { seluAlpha, seluLambda } from '@initscope/core-wasm';
import {
  type Activation,
  type ActivationSpec,
  activationInfo,
  activations,
  parseActivation,
} from '../activations.js';
import { normalCdf, normalPdf } from './normal.js';

/** Every activation the theory knows: the simulation's. */
export const theoryActivations = activations;

/** An activation the theory knows. */
export type TheoryActivation = Activation;

/** Default slope of leaky-relu for x < 0 (`leaky-relu:<α>` sets another): the simulation's. */
export const leakyReluSlope = activationInfo['leaky-relu'].alpha as number;
/** Default α of ELU (`elu:<α>` sets another): the simulation's. */
export const eluAlpha = activationInfo.elu.alpha as number;
/** SELU's λ and α (Klambauer et al. 2017), as the kernels use them. */
export { seluAlpha, seluLambda };

/** An open interval of pre-activations (either end may be infinite). */
export type Interval = readonly [number, number];

/** φ, φ' and sublevel sets of one activation. */
export interface TheoryActivationInfo {
  /** φ(x). */
  phi(x: number): number;
  /** φ'(x) (at a kink, either one-sided value: the kink has probability zero). */
  dphi(x: number): number;
  /**
   * The pre-activations where φ(x) < y (or ≤ y when `inclusive`), as disjoint intervals; the ends
   * matter only up to sets of probability zero, except for a constant piece (ReLU's x ≤ 0 ↦ 0).
   */
  sublevel(y: number, inclusive: boolean): Interval[];
  /** φ(λx) = λ·φ(x) for λ > 0: the theory is the same at every scale q. */
  homogeneous: boolean;
}

const inf = Number.POSITIVE_INFINITY;

/** Sublevel sets of a strictly increasing φ from its inverse on the open range (lo, hi). */
function increasing(
  inverse: (y: number) => number,
  lo: number,
  hi: number,
): TheoryActivationInfo['sublevel'] {
  return (y) => {
    if (!(y > lo)) return [];
    if (y >= hi) return [[-inf, inf]];
    return [[-inf, inverse(y)]];
  };
}

/** The x in [a, b] where a monotone φ crosses y (φ(a) and φ(b) on either side), by bisection. */
function crossing(phi: (x: number) => number, y: number, a: number, b: number): number {
  const rising = phi(b) > phi(a);
  let lo = a;
  let hi = b;
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (phi(mid) < y === rising) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The x where φ' changes sign between a and b (the minimum of GELU or SiLU), by bisection on φ'. */
function minimumOf(dphi: (x: number) => number, a: number, b: number): number {
  return crossing(dphi, 0, a, b);
}

/**
 * Sublevel sets of φ that falls from 0 (x → −∞) to its minimum at xMin, then rises to ∞:
 * GELU and SiLU.
 */
function dipping(phi: (x: number) => number, xMin: number): TheoryActivationInfo['sublevel'] {
  const yMin = phi(xMin);
  return (y) => {
    if (!(y > yMin)) return [];
    // The right branch: from xMin up to where φ reaches y.
    let b = Math.max(1, xMin);
    while (phi(b) < y && b < 1e300) b *= 2;
    const right = crossing(phi, y, xMin, b);
    if (y >= 0) return [[-inf, right]];
    // The left branch: from where φ (coming up from yMin towards 0⁻) passes y, down to xMin.
    let a = Math.min(-1, xMin);
    while (phi(a) < y && a > -1e300) a *= 2;
    return [[crossing(phi, y, a, xMin), right]];
  };
}

/** 1/(1 + e^−x) without overflow. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** e^−|x|/(1 + e^−|x|)²: σ'(x) = σ(x)(1 − σ(x)) without the cancellation of 1 − σ(x) for large x. */
function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

function gelu(x: number): number {
  return x * normalCdf(x);
}
function geluDerivative(x: number): number {
  return normalCdf(x) + x * normalPdf(x);
}
function silu(x: number): number {
  return x * sigmoid(x);
}
function siluDerivative(x: number): number {
  return sigmoid(x) + x * sigmoid(x) * sigmoid(-x);
}

/** Leaky ReLU with slope α for x < 0. */
function leakyRelu(alpha: number): TheoryActivationInfo {
  return {
    phi: (x) => (x > 0 ? x : alpha * x),
    dphi: (x) => (x > 0 ? 1 : alpha),
    // α = 0 is ReLU, with its point mass at 0.
    sublevel:
      alpha > 0
        ? increasing((y) => (y > 0 ? y : y / alpha), -inf, inf)
        : (y, inclusive) => (y > 0 || (inclusive && y === 0) ? [[-inf, y]] : []),
    homogeneous: true,
  };
}

/** ELU: x for x > 0, α(eˣ − 1) below. */
function elu(alpha: number): TheoryActivationInfo {
  return {
    phi: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    dphi: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
    sublevel:
      alpha > 0
        ? increasing((y) => (y > 0 ? y : Math.log1p(y / alpha)), -alpha, inf)
        : (y, inclusive) => (y > 0 || (inclusive && y === 0) ? [[-inf, y]] : []),
    homogeneous: alpha === 0,
  };
}

const geluMin = minimumOf(geluDerivative, -2, 0);
const siluMin = minimumOf(siluDerivative, -3, 0);

/** The theory's activation registry. */
export const theoryActivationInfo: Readonly<Record<TheoryActivation, TheoryActivationInfo>> = {
  linear: {
    phi: (x) => x,
    dphi: () => 1,
    sublevel: increasing((y) => y, -inf, inf),
    homogeneous: true,
  },
  sigmoid: {
    phi: sigmoid,
    dphi: sigmoidDerivative,
    sublevel: increasing((y) => Math.log(y) - Math.log1p(-y), 0, 1),
    homogeneous: false,
  },
  tanh: {
    phi: Math.tanh,
    // 4e/(1 + e)² with e = e^−2|x|: 1 − tanh² without the cancellation.
    dphi: (x) => {
      const e = Math.exp(-2 * Math.abs(x));
      return (4 * e) / ((1 + e) * (1 + e));
    },
    sublevel: increasing(Math.atanh, -1, 1),
    homogeneous: false,
  },
  relu: {
    phi: (x) => Math.max(x, 0),
    dphi: (x) => (x > 0 ? 1 : 0),
    // x ≤ 0 all map to exactly 0: a point mass of 1/2.
    sublevel: (y, inclusive) => (y > 0 || (inclusive && y === 0) ? [[-inf, y]] : []),
    homogeneous: true,
  },
  'leaky-relu': leakyRelu(leakyReluSlope),
  elu: elu(eluAlpha),
  selu: {
    phi: (x) => seluLambda * (x > 0 ? x : seluAlpha * Math.expm1(x)),
    dphi: (x) => seluLambda * (x > 0 ? 1 : seluAlpha * Math.exp(x)),
    sublevel: increasing(
      (y) => (y > 0 ? y / seluLambda : Math.log1p(y / (seluLambda * seluAlpha))),
      -seluLambda * seluAlpha,
      inf,
    ),
    homogeneous: false,
  },
  gelu: {
    phi: gelu,
    dphi: geluDerivative,
    sublevel: dipping(gelu, geluMin),
    homogeneous: false,
  },
  silu: {
    phi: silu,
    dphi: siluDerivative,
    sublevel: dipping(silu, siluMin),
    homogeneous: false,
  },
  softplus: {
    // log(1 + e^x) = max(x, 0) + log1p(e^−|x|); its inverse log(e^y − 1) = y + log(−expm1(−y)).
    phi: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    dphi: sigmoid,
    sublevel: increasing((y) => y + Math.log(-Math.expm1(-y)), 0, inf),
    homogeneous: false,
  },
  softsign: {
    phi: (x) => x / (1 + Math.abs(x)),
    dphi: (x) => 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))),
    sublevel: increasing((y) => y / (1 - Math.abs(y)), -1, 1),
    homogeneous: false,
  },
};

/** True when `name` is an activation the theory knows (without a parameter). */
export function isTheoryActivation(name: string): name is TheoryActivation {
  return (theoryActivations as readonly string[]).includes(name);
}

/** Activations that take a parameter α, as `leaky-relu:0.2` or `elu:0.5`. */
const withAlpha: Partial<Record<Activation, (alpha: number) => TheoryActivationInfo>> = {
  'leaky-relu': leakyRelu,
  elu,
};

const bound = new Map<string, TheoryActivationInfo>();

/** An activation as the theory takes it: an id (`tanh`, `leaky-relu:0.2`) or a parsed one. */
export type ActivationLike = string | ActivationSpec;

/**
 * The φ, φ' and sublevel sets of an activation — an id, parsed as the simulation parses it
 * (`parseActivation`, with its messages), or an already parsed `ActivationSpec`.
 */
export function theoryActivation(activation: ActivationLike): TheoryActivationInfo {
  const { name, alpha } = typeof activation === 'string' ? parseActivation(activation) : activation;
  const key = `${name}:${alpha}`;
  const cached = bound.get(key);
  if (cached) return cached;
  const make = withAlpha[name];
  const info =
    make && alpha !== undefined && alpha !== activationInfo[name].alpha
      ? make(alpha)
      : theoryActivationInfo[name];
  bound.set(key, info);
  return info;
}
