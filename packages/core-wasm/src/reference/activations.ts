import { type ActivationKernel, activationAlphas, seluAlpha, seluLambda } from '../activations.js';
import { checkKind } from '../checks.js';
import { type ActivationOptions, type DerivativeOptions, defaultScale } from '../options.js';

// Φ and erfc in f64 to ~1e-14 relative (the WASM kernel uses a 1.2e-7 fit; this is what it is checked against).
const sqrtPi = Math.sqrt(Math.PI);

// erfc(z)·e^{z²} for z ≥ 2: the continued fraction 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …))))/√π,
// evaluated from depth 80 up (converged to f64 at z = 2; deeper terms matter less as z grows).
function erfcScaled(z: number): number {
  let f = z;
  for (let n = z < 4 ? 80 : z < 8 ? 40 : 16; n >= 1; n--) f = z + n / 2 / f;
  return 1 / (f * sqrtPi);
}

// erf(z) for 0 ≤ z < 2 by its Maclaurin series Σ (−1)^n z^{2n+1} / (n!·(2n + 1)), times 2/√π.
function erfSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= -z2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / sqrtPi) * sum;
}

/** Φ(x), the standard normal CDF, in f64 (relative error ~1e-14, also deep in the lower tail). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return x;
  // beyond 40 standard deviations Φ is 0 or 1 in f64
  if (Math.abs(x) > 40) return x < 0 ? 0 : 1;
  const z = Math.abs(x) / Math.SQRT2;
  // erfc(z)/2: the upper tail beyond |x|
  const tail = z < 2 ? (1 - erfSeries(z)) / 2 : (Math.exp(-(x * x) / 2) * erfcScaled(z)) / 2;
  return x < 0 ? tail : 1 - tail;
}

/** φ(x), the standard normal density. */
function normalPdf(x: number): number {
  return Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
}

type Formula = (x: number, alpha: number) => number;

/** Each activation in f64 with Math (limits spelled out where the formula would give NaN). */
export const activationFormulas: Readonly<Record<ActivationKernel, Formula>> = {
  linear: (x) => x,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => Math.tanh(x),
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
  'leaky-relu': (x, a) => (x > 0 ? x : a * x),
  elu: (x, a) => (x > 0 ? x : a * Math.expm1(x)),
  selu: (x) => (x > 0 ? seluLambda * x : seluLambda * seluAlpha * Math.expm1(x)),
  gelu: (x) => (x === Number.NEGATIVE_INFINITY ? -0 : x * normalCdf(x)),
  silu: (x) => (x === Number.NEGATIVE_INFINITY ? -0 : x / (1 + Math.exp(-x))),
  softplus: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  softsign: (x) => (Number.isFinite(x) || Number.isNaN(x) ? x / (1 + Math.abs(x)) : Math.sign(x)),
};

/** Each activation's derivative at the pre-activation x, in f64 (written without cancellation where the textbook form has it). */
export const derivativeFormulas: Readonly<Record<ActivationKernel, Formula>> = {
  linear: (x) => (Number.isNaN(x) ? x : 1),
  sigmoid: (x) => {
    const e = Math.exp(-Math.abs(x));
    return e / (1 + e) ** 2;
  },
  tanh: (x) => {
    const e = Math.exp(-2 * Math.abs(x));
    return (4 * e) / (1 + e) ** 2;
  },
  relu: (x) => (Number.isNaN(x) ? x : x > 0 ? 1 : 0),
  'leaky-relu': (x, a) => (Number.isNaN(x) ? x : x > 0 ? 1 : a),
  elu: (x, a) => (x > 0 ? 1 : a * Math.exp(x)),
  selu: (x) => (x > 0 ? seluLambda : seluLambda * seluAlpha * Math.exp(x)),
  gelu: (x) => {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? x : x > 0 ? 1 : 0;
    return normalCdf(x) + x * normalPdf(x);
  },
  silu: (x) => {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? x : x > 0 ? 1 : 0;
    const e = Math.exp(-Math.abs(x));
    return (x >= 0 ? 1 + e + x * e : e * (1 + e + x)) / (1 + e) ** 2;
  },
  softplus: (x) => 1 / (1 + Math.exp(-x)),
  softsign: (x) => 1 / (1 + Math.abs(x)) ** 2,
};

// scale and α after defaults (the wrapper checks them; the reference trusts them)
function resolve(kind: ActivationKernel, options: number | ActivationOptions | undefined) {
  const o = typeof options === 'number' ? { scale: options } : (options ?? {});
  return { scale: o.scale ?? defaultScale, alpha: o.alpha ?? activationAlphas[kind] ?? 0 };
}

/**
 * kind(f32(scale·x)) elementwise: the f32 product (scale rounded to f32, as the kernel), then the
 * activation in f64 with Math, rounded to f32. `options` may be the scale.
 */
export function activate(
  kind: ActivationKernel,
  x: Float32Array,
  options?: number | ActivationOptions,
): Float32Array {
  const f = activationFormulas[checkKind(kind)];
  const { scale, alpha } = resolve(kind, options);
  const s = Math.fround(scale);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(Math.fround(s * (x[i] as number)), alpha);
  return out;
}

/** kind′(a) elementwise in f64, rounded to f32. */
export function derivative(
  kind: ActivationKernel,
  a: Float32Array,
  options?: DerivativeOptions,
): Float32Array {
  const f = derivativeFormulas[checkKind(kind)];
  const { alpha } = resolve(kind, options);
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i] as number, alpha);
  return out;
}

/** kind′(a)·g elementwise: the derivative rounded to f32, times g in f32 (as the kernel). */
export function backward(
  kind: ActivationKernel,
  a: Float32Array,
  g: Float32Array,
  options?: DerivativeOptions,
): Float32Array {
  const d = derivative(kind, a, options);
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (d[i] as number) * (g[i] as number);
  return out;
}
