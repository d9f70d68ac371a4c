// GELU and its derivative in f64x2 lanes (x·Φ(x) needs erfc's relative accuracy for x < 0): e^y
// for y ≤ 0, erfc by the Numerical Recipes Chebyshev fit, Φ, GELU and GELU′.

// 1.5·2^52: adding it rounds an f64 to an integer held in the low mantissa bits
const ROUND_F64: f64 = 6755399441055744.0;

/** f64x2 GELU and the functions behind it. */
export class Gelu64 {
  /** e^y for y ≤ 0 (clamped to [−700, 0]; e^-700 stands in for 0): Cody–Waite reduction, Taylor polynomial of degree 8 (relative error < 3e-10). */
  @inline static expNeg(y: v128): v128 {
    y = f64x2.pmax(f64x2.pmin(y, f64x2.splat(0.0)), f64x2.splat(-700.0));
    const t = f64x2.add(f64x2.mul(y, f64x2.splat(Math.LOG2E)), f64x2.splat(ROUND_F64));
    const n = f64x2.sub(t, f64x2.splat(ROUND_F64));
    const ni = i64x2.sub(t, i64x2.splat(0x4338000000000000));
    // ln 2 split as in fdlibm: n·LN2_HI is exact for |n| < 2^20
    let r = f64x2.sub(y, f64x2.mul(n, f64x2.splat(6.9314718036912381649e-1)));
    r = f64x2.sub(r, f64x2.mul(n, f64x2.splat(1.90821492927058770002e-10)));
    let p = f64x2.add(f64x2.mul(f64x2.splat(1.0 / 40320.0), r), f64x2.splat(1.0 / 5040.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
    p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
    return f64x2.mul(p, i64x2.shl(i64x2.add(ni, i64x2.splat(1023)), 52));
  }

  /**
   * erfc(z) as t·exp(−z² + P(t)), t = 1/(1 + z/2), for z ≥ 0: the Chebyshev fit of
   * Numerical Recipes (Press et al., §6.2, "erfcc"), fractional error < 1.2e-7 for every z ≥ 0.
   * z2 = z² must be exact (x²/2 of an f32 x is).
   */
  @inline static erfc(z: v128, z2: v128): v128 {
    const t = f64x2.div(
      f64x2.splat(1.0),
      f64x2.add(f64x2.splat(1.0), f64x2.mul(z, f64x2.splat(0.5))),
    );
    let p = f64x2.add(f64x2.mul(f64x2.splat(0.17087277), t), f64x2.splat(-0.82215223));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(1.48851587));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(-1.13520398));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(0.27886807));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(-0.18628806));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(0.09678418));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(0.37409196));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(1.00002368));
    p = f64x2.add(f64x2.mul(p, t), f64x2.splat(-1.26551223));
    return f64x2.mul(t, Gelu64.expNeg(f64x2.sub(p, z2)));
  }

  /** Φ(x), the standard normal CDF, as erfc(|x|/√2)/2 or 1 − erfc(|x|/√2)/2. */
  @inline static phi(x: v128): v128 {
    const z = f64x2.mul(f64x2.abs(x), f64x2.splat(Math.SQRT1_2));
    const z2 = f64x2.mul(f64x2.mul(x, x), f64x2.splat(0.5));
    const half = f64x2.mul(Gelu64.erfc(z, z2), f64x2.splat(0.5));
    return v128.bitselect(half, f64x2.sub(f64x2.splat(1.0), half), f64x2.lt(x, f64x2.splat(0.0)));
  }

  /** GELU x·Φ(x) (exact form, with erf; PyTorch's and Keras's default). */
  @inline static gelu(x: v128): v128 {
    return f64x2.mul(x, Gelu64.phi(x));
  }

  /** GELU′ = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π). */
  @inline static geluGrad(x: v128): v128 {
    const density = f64x2.mul(
      Gelu64.expNeg(f64x2.mul(f64x2.mul(x, x), f64x2.splat(-0.5))),
      f64x2.splat(0.3989422804014327),
    );
    return f64x2.add(Gelu64.phi(x), f64x2.mul(x, density));
  }
}
