/**
 * Gaussian expectations E[f(x)], x ~ N(mean, q), as ∫ f(mean + √q·z) φ(z) dz over |z| ≤ zMax by
 * adaptive quadrature, with the z-domain split where f changes regime. For q ≫ 1 the integrand of
 * f = φ'(x)² is a spike of width ~1/√q around z = 0; the breakpoints put nodes right on it.
 */
import { normalPdf } from '@initscope/core-wasm';
import { defaultRelTol, type IntegrateOptions, integrate, type Quadrature } from './quadrature.js';

/** The z-range integrated: the normal mass beyond ±12 is 3.6e-33, below any f64 result's last bit. */
export const zMax = 12;

/** Where the integrand may change regime in z: the body and the tails of the normal density. */
const zPoints = [-8, -4, -2, -1, 0, 1, 2, 4, 8];

/**
 * Pre-activation values (x) where every registered activation changes regime — kinks at 0, the
 * saturation of sigmoid, tanh, softplus, GELU, … over |x| ≲ 32 — mapped to z = (x − mean)/√q.
 */
export const activationBreakpoints: readonly number[] = [
  -32, -16, -8, -4, -2, -1, -0.5, 0, 0.5, 1, 2, 4, 8, 16, 32,
];

/** Options of `gaussianExpectation`. */
export interface GaussianOptions extends IntegrateOptions {
  /** Mean of x. @default 0 */
  mean?: number;
  /** Values of x where f has kinks, steps or fast transitions. @default activationBreakpoints */
  breakpoints?: readonly number[];
}

/** The sorted, deduplicated z-points for f's x-breakpoints, inside [−zMax, zMax]. */
function zBreakpoints(mean: number, sd: number, breakpoints: readonly number[]): number[] {
  const points = [-zMax, zMax, ...zPoints];
  for (const x of breakpoints) {
    const z = (x - mean) / sd;
    if (z > -zMax && z < zMax) points.push(z);
  }
  points.sort((a, b) => a - b);
  return points.filter((z, i) => i === 0 || z > (points[i - 1] as number));
}

/** E[f(x)] for x ~ N(mean, q), with its estimated error; q = 0 gives f(mean). */
export function gaussianQuadrature(
  f: (x: number) => number,
  q: number,
  options: GaussianOptions = {},
): Quadrature {
  const { mean = 0, breakpoints = activationBreakpoints, relTol = defaultRelTol, absTol } = options;
  if (!(q >= 0) || !Number.isFinite(q)) {
    throw new RangeError(`The variance q must be a finite number ≥ 0, got ${q}.`);
  }
  if (q === 0) return { value: f(mean), error: 0, intervals: 0 };
  const sd = Math.sqrt(q);
  const integrand = (z: number) => {
    const density = normalPdf(z);
    return density === 0 ? 0 : f(mean + sd * z) * density;
  };
  return integrate(integrand, zBreakpoints(mean, sd, breakpoints), { relTol, absTol });
}

/** E[f(x)] for x ~ N(mean, q) (by default mean 0: E_z[f(√q·z)]), to a relative 1e-12. */
export function gaussianExpectation(
  f: (x: number) => number,
  q: number,
  options: GaussianOptions = {},
): number {
  return gaussianQuadrature(f, q, options).value;
}

/**
 * E[f(u₁)·g(u₂)] for (u₁, u₂) jointly normal with mean 0, variance q each and correlation c:
 * u₁ = √q·z₁, u₂ = √q·(c·z₁ + √(1 − c²)·z₂), the inner z₂ expectation done for every outer node.
 */
export function bivariateExpectation(
  f: (x: number) => number,
  g: (x: number) => number,
  q: number,
  c: number,
  options: GaussianOptions = {},
): number {
  if (!(c >= -1 && c <= 1)) throw new RangeError(`The correlation c must be in [−1, 1], got ${c}.`);
  const { breakpoints = activationBreakpoints, relTol = 1e-10 } = options;
  const s2 = Math.max(0, 1 - c * c);
  const inner = (x1: number) =>
    gaussianExpectation(g, q * s2, { mean: c * x1, breakpoints, relTol: relTol * 0.01 });
  return gaussianExpectation((x1) => f(x1) * inner(x1), q, {
    breakpoints: [...breakpoints, ...(c === 0 ? [] : breakpoints.map((x) => x / c))],
    relTol,
  });
}
