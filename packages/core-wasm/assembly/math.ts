// Vectorized elementary functions: f32x4 (four lanes) and f64x2 (two lanes), no table lookups,
// NaN and ±Inf propagate. The activations and their derivatives (activations.ts) are built on these.

// 1.5·2^23 and 1.5·2^52: adding one rounds to an integer held in the low mantissa bits
const ROUND_F32: f32 = 12582912.0;
const ROUND_F64: f64 = 6755399441055744.0;

/** f32x4 elementary functions. */
export class F32x4 {
  /** e^x: Cody–Waite reduction x = n·ln2 + r, Cephes expf polynomial (Estrin) on |r| ≤ ln2/2, 2^n applied in two halves (gradual underflow, overflow to +Inf). */
  @inline static exp(x: v128): v128 {
    // pmin/pmax keep a NaN x (it is the first operand); the clamp keeps both halves of n normal.
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    // adding 1.5·2^23 rounds x·log2(e) to an integer held in the low mantissa bits
    const t = f32x4.add(f32x4.mul(x, f32x4.splat(<f32>Math.LOG2E)), f32x4.splat(ROUND_F32));
    const nf = f32x4.sub(t, f32x4.splat(ROUND_F32));
    const ni = i32x4.sub(t, i32x4.splat(0x4b400000));
    let r = f32x4.sub(x, f32x4.mul(nf, f32x4.splat(0.693359375)));
    r = f32x4.sub(r, f32x4.mul(nf, f32x4.splat(-2.1219444e-4)));
    // Estrin's scheme (shorter dependency chain than Horner): 1 + r + r²·(q0 + q1·r² + q2·r⁴)
    const r2 = f32x4.mul(r, r);
    const q0 = f32x4.add(f32x4.mul(f32x4.splat(1.6666665459e-1), r), f32x4.splat(5.0000001201e-1));
    const q1 = f32x4.add(f32x4.mul(f32x4.splat(8.3334519073e-3), r), f32x4.splat(4.1665795894e-2));
    const q2 = f32x4.add(f32x4.mul(f32x4.splat(1.98756915e-4), r), f32x4.splat(1.3981999507e-3));
    const q = f32x4.add(f32x4.add(q0, f32x4.mul(q1, r2)), f32x4.mul(q2, f32x4.mul(r2, r2)));
    const p = f32x4.add(f32x4.add(f32x4.mul(q, r2), r), f32x4.splat(1.0));
    const n1 = i32x4.shr_s(ni, 1);
    const n2 = i32x4.sub(ni, n1);
    const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
    const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
    return f32x4.mul(f32x4.mul(p, s1), s2);
  }

  /** m·e^x with m applied before the 2^n scaling, so a result that is subnormal is rounded once (m = 2^24 keeps e^x exact where e^x alone would be subnormal). Same polynomial as `exp`. */
  @inline static expMul(x: v128, m: v128): v128 {
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    const t = f32x4.add(f32x4.mul(x, f32x4.splat(<f32>Math.LOG2E)), f32x4.splat(ROUND_F32));
    const nf = f32x4.sub(t, f32x4.splat(ROUND_F32));
    const ni = i32x4.sub(t, i32x4.splat(0x4b400000));
    let r = f32x4.sub(x, f32x4.mul(nf, f32x4.splat(0.693359375)));
    r = f32x4.sub(r, f32x4.mul(nf, f32x4.splat(-2.1219444e-4)));
    const r2 = f32x4.mul(r, r);
    const q0 = f32x4.add(f32x4.mul(f32x4.splat(1.6666665459e-1), r), f32x4.splat(5.0000001201e-1));
    const q1 = f32x4.add(f32x4.mul(f32x4.splat(8.3334519073e-3), r), f32x4.splat(4.1665795894e-2));
    const q2 = f32x4.add(f32x4.mul(f32x4.splat(1.98756915e-4), r), f32x4.splat(1.3981999507e-3));
    const q = f32x4.add(f32x4.add(q0, f32x4.mul(q1, r2)), f32x4.mul(q2, f32x4.mul(r2, r2)));
    const p = f32x4.add(f32x4.add(f32x4.mul(q, r2), r), f32x4.splat(1.0));
    const n1 = i32x4.shr_s(ni, 1);
    const n2 = i32x4.sub(ni, n1);
    const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
    const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
    return f32x4.mul(f32x4.mul(f32x4.mul(p, m), s1), s2);
  }

  /** e^x − 1: Taylor polynomial of degree 8 for |x| < 0.5 (no cancellation), else exp(x) − 1. */
  @inline static expm1(x: v128): v128 {
    let q = f32x4.add(
      f32x4.mul(f32x4.splat(<f32>(1.0 / 40320.0)), x),
      f32x4.splat(<f32>(1.0 / 5040.0)),
    );
    q = f32x4.add(f32x4.mul(q, x), f32x4.splat(<f32>(1.0 / 720.0)));
    q = f32x4.add(f32x4.mul(q, x), f32x4.splat(<f32>(1.0 / 120.0)));
    q = f32x4.add(f32x4.mul(q, x), f32x4.splat(<f32>(1.0 / 24.0)));
    q = f32x4.add(f32x4.mul(q, x), f32x4.splat(<f32>(1.0 / 6.0)));
    q = f32x4.add(f32x4.mul(q, x), f32x4.splat(0.5));
    const small = f32x4.add(x, f32x4.mul(f32x4.mul(x, x), q));
    const large = f32x4.sub(F32x4.exp(x), f32x4.splat(1.0));
    return v128.bitselect(small, large, f32x4.lt(f32x4.abs(x), f32x4.splat(0.5)));
  }

  /** ln w for positive normal w: w = m·2^e with m in [√½, √2), Cephes logf polynomial in m − 1. */
  @inline static log(w: v128): v128 {
    let e = i32x4.sub(i32x4.shr_u(w, 23), i32x4.splat(126));
    const m = v128.or(v128.and(w, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
    const small = f32x4.lt(m, f32x4.splat(0.707106781186547524));
    e = i32x4.add(e, small); // the mask is −1 where m < √½
    const x = f32x4.sub(f32x4.add(m, v128.and(m, small)), f32x4.splat(1.0));
    const z = f32x4.mul(x, x);
    let y = f32x4.add(f32x4.mul(f32x4.splat(7.0376836292e-2), x), f32x4.splat(-1.151461031e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.167699874e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-1.2420140846e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.4249322787e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-1.6668057665e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(2.0000714765e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-2.4999993993e-1));
    y = f32x4.add(f32x4.mul(y, x), f32x4.splat(3.3333331174e-1));
    y = f32x4.mul(f32x4.mul(y, x), z);
    const fe = f32x4.convert_i32x4_s(e);
    y = f32x4.add(y, f32x4.mul(fe, f32x4.splat(-2.1219444e-4)));
    y = f32x4.add(y, f32x4.mul(z, f32x4.splat(-0.5)));
    return f32x4.add(f32x4.add(x, y), f32x4.mul(fe, f32x4.splat(0.693359375)));
  }

  /** ln(1 + u) for u in [0, 1]: w = 1 + u, ln w − ((w − 1) − u)/w (the rounding error of 1 + u, corrected to first order). */
  @inline static log1p(u: v128): v128 {
    const w = f32x4.add(u, f32x4.splat(1.0));
    const err = f32x4.sub(f32x4.sub(w, f32x4.splat(1.0)), u);
    return f32x4.sub(F32x4.log(w), f32x4.div(err, w));
  }

  /** 1 / (1 + e^-x) as e/(1 + e) or 1/(1 + e) with e = e^-|x| ≤ 1: never overflows, exact limits. */
  @inline static sigmoid(x: v128): v128 {
    const e = F32x4.exp(v128.or(x, f32x4.splat(-0.0)));
    const num = v128.bitselect(e, f32x4.splat(1.0), f32x4.lt(x, f32x4.splat(0.0)));
    return f32x4.div(num, f32x4.add(f32x4.splat(1.0), e));
  }

  /** tanh: Cephes tanhf odd polynomial for |x| < 0.625, else (1 − e)/(1 + e) with e = e^-2|x|; sign copied from x (keeps −0). A vector whose lanes all take one branch computes only that one (same bits). */
  @inline static tanh(x: v128): v128 {
    const sign = v128.and(x, f32x4.splat(-0.0));
    const ax = v128.andnot(x, f32x4.splat(-0.0));
    const small = f32x4.lt(ax, f32x4.splat(0.625));
    let mag: v128;
    if (!v128.any_true(small)) mag = F32x4.tanhLarge(ax);
    else if (i32x4.all_true(small)) mag = F32x4.tanhSmall(ax);
    else mag = v128.bitselect(F32x4.tanhSmall(ax), F32x4.tanhLarge(ax), small);
    return v128.or(mag, sign);
  }

  /** tanh(ax) for 0 ≤ ax < 0.625: Cephes tanhf odd polynomial. */
  @inline static tanhSmall(ax: v128): v128 {
    const z = f32x4.mul(ax, ax);
    let p = f32x4.add(f32x4.mul(f32x4.splat(-5.70498872745e-3), z), f32x4.splat(2.06390887954e-2));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
    return f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
  }

  /** tanh(ax) for ax ≥ 0.625 (or NaN): (1 − e)/(1 + e), e = e^-2·ax. */
  @inline static tanhLarge(ax: v128): v128 {
    const e = F32x4.exp(f32x4.mul(ax, f32x4.splat(-2.0)));
    return f32x4.div(f32x4.sub(f32x4.splat(1.0), e), f32x4.add(f32x4.splat(1.0), e));
  }

  /** max(x, 0) with NaN propagated and −0 → +0 (pmax keeps a NaN first operand; + 0 turns −0 into +0). */
  @inline static relu(x: v128): v128 {
    return f32x4.add(f32x4.pmax(x, f32x4.splat(0.0)), f32x4.splat(0.0));
  }

  /** All-ones (a NaN) in the lanes where x is NaN, else x's lanes of `r` unchanged. */
  @inline static keepNaN(r: v128, x: v128): v128 {
    return v128.or(r, f32x4.ne(x, x));
  }

  /** Two f64x2 halves (lanes 0–1 of each, demoted to f32) joined into one f32x4. */
  @inline static join(lo: v128, hi: v128): v128 {
    return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
  }

  /** Lanes 2–3 of x promoted to f64x2. */
  @inline static promoteHigh(x: v128): v128 {
    return f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 2, 3));
  }
}

/** f64x2 elementary functions (for the activations whose f32 result needs f64 intermediates). */
export class F64x2 {
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
    return f64x2.mul(t, F64x2.expNeg(f64x2.sub(p, z2)));
  }

  /** Φ(x), the standard normal CDF, as erfc(|x|/√2)/2 or 1 − erfc(|x|/√2)/2. */
  @inline static phi(x: v128): v128 {
    const z = f64x2.mul(f64x2.abs(x), f64x2.splat(Math.SQRT1_2));
    const z2 = f64x2.mul(f64x2.mul(x, x), f64x2.splat(0.5));
    const half = f64x2.mul(F64x2.erfc(z, z2), f64x2.splat(0.5));
    return v128.bitselect(half, f64x2.sub(f64x2.splat(1.0), half), f64x2.lt(x, f64x2.splat(0.0)));
  }

  /** GELU x·Φ(x) (exact form, with erf; PyTorch's and Keras's default). */
  @inline static gelu(x: v128): v128 {
    return f64x2.mul(x, F64x2.phi(x));
  }

  /** GELU′ = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π). */
  @inline static geluGrad(x: v128): v128 {
    const density = f64x2.mul(
      F64x2.expNeg(f64x2.mul(f64x2.mul(x, x), f64x2.splat(-0.5))),
      f64x2.splat(0.3989422804014327),
    );
    return f64x2.add(F64x2.phi(x), f64x2.mul(x, density));
  }
}
