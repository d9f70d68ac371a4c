/**
 * The standard normal distribution in f64: density, CDF Φ and the error functions behind them.
 * erf by its Taylor series with positive terms (|x| < erfSeriesLimit), erfc beyond that by the
 * even part of Laplace's continued fraction. Relative error ≲ 1e-14 for erf, erfc and Φ, erfc and
 * the lower tail of Φ included (erfc(x) = 1 − erf(x) below the limit costs at most 1/erfc(1.5) ulps).
 */

/** Below this |x|, erf uses its series; at and above it, erfc uses its continued fraction. */
export const erfSeriesLimit = 1.5;

const twoOverSqrtPi = 2 / Math.sqrt(Math.PI);
const invSqrt2 = Math.SQRT1_2;
const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);

// erf(x) = 2/√π · e^(−x²) · Σ_n (2x²)^n · x / (1·3·…·(2n+1)): every term has the sign of x.
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return twoOverSqrtPi * Math.exp(-x2) * sum;
}

// e^(−x²) without the rounding error of x² (relative 2x²·ε, 6e-14 at x = 25): x = s + t with s on a
// 2⁻¹⁶ grid so that s² is exact, and −x² = −s² − t·(x + s). Once e^(−s²) underflows (x > 27.3) the
// result is 0: the second factor, at most e^(x·2⁻¹⁶), would overflow for x > 4.6·10⁷ (0·∞ = NaN).
function expMinusSquare(x: number): number {
  const s = Math.round(x * 65536) / 65536;
  const head = Math.exp(-s * s);
  return head === 0 ? 0 : head * Math.exp(-(x - s) * (x + s));
}

// erfc(x) = 2x·e^(−x²)/√π / (2x² + 1 − 1·2/(2x² + 5 − 3·4/(2x² + 9 − …))), the even part of Laplace's
// continued fraction, evaluated bottom-up from a depth that reaches full precision for this x > 0.
function erfcContinuedFraction(x: number): number {
  const a = 2 * x * x;
  const depth = Math.ceil(110 / (x * x) + 6);
  let t = 0;
  for (let k = depth; k >= 1; k--) t = ((2 * k - 1) * (2 * k)) / (a + 4 * k + 1 - t);
  return (twoOverSqrtPi * x * expMinusSquare(x)) / (a + 1 - t);
}

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < erfSeriesLimit) return erfSeries(x);
  const tail = Number.isFinite(x) ? erfcContinuedFraction(Math.abs(x)) : 0;
  return x > 0 ? 1 - tail : tail - 1;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate relative to itself for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= erfSeriesLimit) return x === Number.POSITIVE_INFINITY ? 0 : erfcContinuedFraction(x);
  if (x <= -erfSeriesLimit) {
    return x === Number.NEGATIVE_INFINITY ? 2 : 2 - erfcContinuedFraction(-x);
  }
  return 1 - erfSeries(x);
}

/** The standard normal density e^(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return invSqrt2Pi * Math.exp(-0.5 * x * x);
}

/** The standard normal CDF Φ(x) = P(Z ≤ x), accurate relative to itself in the lower tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * invSqrt2);
}

/** P(a < Z < b) for a standard normal Z, from whichever tail keeps the difference accurate. */
export function normalMass(a: number, b: number): number {
  if (!(b > a)) return 0;
  // Both bounds in the upper half: subtract upper-tail probabilities, which are small and exact there.
  if (a > 0) return 0.5 * (erfc(a * invSqrt2) - erfc(b * invSqrt2));
  return normalCdf(b) - normalCdf(a);
}
