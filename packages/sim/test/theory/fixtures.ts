import { expect } from 'vitest';
import { type BoundActivation, bindActivation } from '../../src/activation-registry.js';

/** Tolerance for results that should be exact to rounding (f64). */
export const EPS_F64 = 1e-14;
/** Tolerance for Gaussian expectations against 30-digit mpmath references. */
export const EPS_QUAD = 1e-12;

/** |actual − expected| ≤ tol·|expected|. */
export function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** `expectRelative` for every entry of two lists of the same length. */
export function expectAllRelative(
  actual: readonly number[],
  expected: readonly number[],
  tol: number,
): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectRelative(actual[i] as number, expected[i] as number, tol);
  }
}

/** x ↦ f(x)². */
export const square = (f: (x: number) => number) => (x: number) => f(x) * f(x);

/** An activation's f64 φ, φ′ and traits at its default α. */
export function act(name: string): BoundActivation {
  return bindActivation(name);
}

// mpmath (30 digits) references from this script, run with python3:
//   E(f, q) = quad(lambda z: f(√q·z)·npdf(z), split at 0, ±14 and x ∈ {±0.5, ±1, …, ±32}/√q)
// with φ and φ' in closed form (sigmoid' = σ(1 − σ), tanh' = sech², gelu = x·ncdf(x), …).
export const reference = {
  'tanh_d2_1e-6': 0.999998000007,
  'tanh2_1e-6': 9.999980000056665e-7,
  'sig2_1e-6': 0.25000006249996876,
  'sig_d2_1e-6': 0.06249996875002734,
  tanh_d2_1: 0.46440290244826826,
  tanh2_1: 0.39429449039784115,
  sig2_1: 0.29337903585809294,
  sig_d2_1: 0.04483624135019437,
  tanh_d2_100: 0.053106787748115836,
  tanh2_100: 0.9205368634305167,
  sig2_100: 0.4607404398906359,
  sig_d2_100: 0.006606645503534153,
  tanh_d2_1e4: 0.0053191446440146225,
  tanh2_1e4: 0.992021482480513,
  sig2_1e4: 0.4960112332031644,
  sig_d2_1e4: 0.0006648609237265197,
  gelu2_1: 0.4252214825702987,
  gelu_1: 0.28209479177387814,
  silu_1: 0.20662096414190703,
  softplus2_1: 0.9212459088593002,
  softsign_d2_1: 0.2276713404221825,
  selu2_1: 1.0,
  gelu2_100: 49.98148273002282,
  gelu_100: 3.969624057466072,
  silu_100: 3.9259560109364076,
  softplus2_100: 50.09361702725157,
  softsign_d2_100: 0.026487841935953767,
  selu2_100: 56.561363160460665,
  selu_100: 3.38209750159134,
  // E[tanh(√q z)·z] at q = 1e4: a step of width 0.01 in z.
  ztanh_1e4: 0.7978517519486956,
} as const;
