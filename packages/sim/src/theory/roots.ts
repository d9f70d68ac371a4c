/**
 * Brent's method for a root of a continuous function in a sign-changing bracket: inverse quadratic
 * interpolation or the secant step when they stay inside the bracket, bisection otherwise
 * (R. P. Brent, Algorithms for Minimization without Derivatives, 1973, ch. 4).
 */

/** Default tolerance of `brent` on the root, relative to its magnitude. */
export const defaultRootRelTol = 1e-13;

/**
 * A root of f in [a, b], where f(a) and f(b) differ in sign (or one is zero), to
 * |x − root| ≤ relTol·|x| + absTol. Throws a RangeError when the bracket does not change sign.
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  relTol = defaultRootRelTol,
  absTol = 1e-300,
): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) {
    throw new RangeError(`No sign change in [${a}, ${b}]: f(a) = ${fa}, f(b) = ${fb}.`);
  }
  // b is the best estimate, a the previous one, c the other end of the bracket [b, c].
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * (relTol * Math.abs(b) + absTol);
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when a = c, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
