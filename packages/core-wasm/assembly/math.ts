// Vectorized elementary functions: f32x4 (four lanes) and f64x2 (two lanes), NaN and ±Inf
// propagate. The activations and their derivatives (activations.ts) are built on these. The f64x2
// log and sin/cos kernels repeat AssemblyScript's NativeMath (musl) operation for operation, so each
// lane gives the scalar function's bits (rng.ts relies on it); only log looks up a table.

import { LOG_TABLE_C, LOG_TABLE_INV } from './logtable';

// 1.5·2^52: adding it rounds an f64 to an integer held in the low mantissa bits
const ROUND_F64: f64 = 6755399441055744.0;

// The f32 exponentials share one argument reduction (as musl's expf): n = round(x·log2 e) and
// r = x − n·ln2, |r| ≤ ln2/2, with ln2 = LN2_HI + LN2_LO (Cody–Waite; n·LN2_HI is exact for
// |n| < 2^9, and both parts are positive so r keeps the sign of a zero x).
// t = x·log2 e + ROUND_BIASED rounds to an integer held in the low mantissa bits: t's bits are
// ROUND_BIASED_BITS + n, so t << 23 is the bit pattern of 2^n for n in [−127, 128] (0 at −127, +Inf at 128).
const LOG2E_F32: f32 = <f32>Math.LOG2E;
const ROUND_BIASED: f32 = 12583039.0; // 1.5·2^23 + 127
const ROUND_BIASED_BITS: i32 = 0x4b40007f;
const LN2_HI: f32 = 0.693145751953125; // 0x3f317200
const LN2_LO: f32 = 1.42860677e-6; // 0x35bfbe8e
// e^r ≈ 1 + r + r²·(E2 + E3·r + E4·r² + E5·r³) on |r| ≤ ln2/2: minimax relative error 1.04e-7
// (Remez/LP fit for this form; a degree-5 polynomial in place of Cephes' degree 7)
const E2: f32 = 0.4999923;
const E3: f32 = 0.16667114;
const E4: f32 = 0.041890398;
const E5: f32 = 0.008312662;
// e^r − 1 ≈ r·(1 + r·(M2 + M3·r + M4·r² + M5·r³ + M6·r⁴)) on |r| ≤ ln2/2: minimax relative error < 1e-9
const M2: f32 = 0.5;
const M3: f32 = 0.16666503;
const M4: f32 = 0.04166678;
const M5: f32 = 0.008370763;
const M6: f32 = 0.0013916369;

/** f32x4 elementary functions. */
export class F32x4 {
  /** t = x·log2 e + 1.5·2^23 + 127: its bits are ROUND_BIASED_BITS + n, n = round(x·log2 e) (for |x| < 2^21). */
  @inline static expRound(x: v128): v128 {
    return f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E_F32)), f32x4.splat(ROUND_BIASED));
  }

  /** n = round(x·log2 e) as f32, from t = expRound(x). */
  @inline static expN(t: v128): v128 {
    return f32x4.sub(t, f32x4.splat(ROUND_BIASED));
  }

  /** r = x − n·ln2 (Cody–Waite, two positive parts: a zero x gives r = x, sign included). */
  @inline static expReduce(x: v128, n: v128): v128 {
    const r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
    return f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  }

  /** 2^n from t = expRound(x), for n in [−127, 128]: 0 at −127, +Inf at 128. */
  @inline static pow2(t: v128): v128 {
    return i32x4.shl(t, 23);
  }

  /** e^r for |r| ≤ ln2/2: 1 + r + r²·(E2 + E3·r + E4·r² + E5·r³). */
  @inline static expPoly(r: v128): v128 {
    // Estrin's scheme (a shorter dependency chain than Horner, same operation count)
    const r2 = f32x4.mul(r, r);
    const lo = f32x4.add(f32x4.mul(f32x4.splat(E3), r), f32x4.splat(E2));
    const hi = f32x4.add(f32x4.mul(f32x4.splat(E5), r), f32x4.splat(E4));
    const q = f32x4.add(f32x4.mul(hi, r2), lo);
    return f32x4.add(f32x4.add(f32x4.mul(r2, q), r), f32x4.splat(1.0));
  }

  /** e^r − 1 for |r| ≤ ln2/2: r·(1 + r·(M2 + … + M6·r⁴)) (relative to e^r − 1, no cancellation; ±0 kept). */
  @inline static expm1Poly(r: v128): v128 {
    // Estrin's scheme: (M2 + M3·r) + r²·((M4 + M5·r) + r²·M6)
    const r2 = f32x4.mul(r, r);
    const lo = f32x4.add(f32x4.mul(f32x4.splat(M3), r), f32x4.splat(M2));
    const mid = f32x4.add(f32x4.mul(f32x4.splat(M5), r), f32x4.splat(M4));
    const q = f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(f32x4.splat(M6), r2), mid), r2), lo);
    return f32x4.mul(r, f32x4.add(f32x4.mul(q, r), f32x4.splat(1.0)));
  }

  /** e^x over the whole f32 range: 2^n·e^r with 2^n applied in two halves (gradual underflow, overflow to +Inf). */
  @inline static exp(x: v128): v128 {
    // pmin/pmax keep a NaN x (it is the first operand); the clamp keeps n in [−159, 145], both halves normal
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    const t = F32x4.expRound(x);
    return F32x4.scaleHalves(F32x4.expPoly(F32x4.expReduce(x, F32x4.expN(t))), t);
  }

  /** m·e^x with m applied before the 2^n scaling, so a result that is subnormal is rounded once (m = 2^24 keeps e^x exact where e^x alone would be subnormal). */
  @inline static expMul(x: v128, m: v128): v128 {
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    const t = F32x4.expRound(x);
    return F32x4.scaleHalves(f32x4.mul(F32x4.expPoly(F32x4.expReduce(x, F32x4.expN(t))), m), t);
  }

  /** p·2^n for t = expRound(x), n in [−159, 145]: times 2^(n >> 1), then times 2^(n − (n >> 1)), both normal. */
  @inline static scaleHalves(p: v128, t: v128): v128 {
    const n = i32x4.sub(t, i32x4.splat(ROUND_BIASED_BITS));
    const n1 = i32x4.shr_s(n, 1);
    const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
    const s2 = i32x4.shl(i32x4.add(i32x4.sub(n, n1), i32x4.splat(127)), 23);
    return f32x4.mul(f32x4.mul(p, s1), s2);
  }

  /** e^x − 1 for −88 ≤ x ≤ 88 (callers clamp; NaN propagates): 2^n·(e^r − 1) − (1 − 2^n), accurate near 0, −0 kept. */
  @inline static expm1(x: v128): v128 {
    const t = F32x4.expRound(x);
    const s = F32x4.pow2(t);
    const p = F32x4.expm1Poly(F32x4.expReduce(x, F32x4.expN(t)));
    return f32x4.sub(f32x4.mul(s, p), f32x4.sub(f32x4.splat(1.0), s));
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

  /**
   * e^-x for x in [−89, 88.3]: exp's steps with the negation folded into the constants (bit-equal to
   * expPoly(expReduce(−x, n))·2^n, n = round(−x·log2 e) in [−127, 128], one operation fewer).
   */
  @inline static expNeg(x: v128): v128 {
    const t = f32x4.add(f32x4.mul(x, f32x4.splat(-LOG2E_F32)), f32x4.splat(ROUND_BIASED));
    const n = F32x4.expN(t);
    // s = −r = x + n·ln2; e^r = 1 − s + s²·(E2 − E3·s + E4·s² − E5·s³)
    let s = f32x4.add(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
    s = f32x4.add(s, f32x4.mul(n, f32x4.splat(LN2_LO)));
    const s2 = f32x4.mul(s, s);
    const lo = f32x4.add(f32x4.mul(f32x4.splat(-E3), s), f32x4.splat(E2));
    const hi = f32x4.add(f32x4.mul(f32x4.splat(-E5), s), f32x4.splat(E4));
    const q = f32x4.add(f32x4.mul(hi, s2), lo);
    const p = f32x4.add(f32x4.sub(f32x4.mul(s2, q), s), f32x4.splat(1.0));
    return f32x4.mul(p, F32x4.pow2(t));
  }

  /**
   * 1/(1 + e^-x): x is clamped to [−89, 88.3], so e^-x = 2^n·e^r has n in [−127, 128] and 2^n is 0
   * (σ = 1), normal, or +Inf (σ = 0 for x below −88.37, where σ < 4e-39 would be subnormal). Well
   * conditioned everywhere: the relative error of e^-x reaches σ damped by e/(1 + e) ≤ 1.
   */
  @inline static sigmoid(x: v128): v128 {
    const e = F32x4.expNeg(f32x4.pmax(f32x4.pmin(x, f32x4.splat(88.3)), f32x4.splat(-89.0)));
    return f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), e));
  }

  /**
   * tanh x = em/(em + 2), em = e^{2x} − 1 by expm1 (no cancellation near 0, no branch): x clamped to
   * [−10, 10] (tanh is ±1 in f32 beyond 9.01); ±0 and NaN propagate through em.
   */
  @inline static tanh(x: v128): v128 {
    const c = f32x4.pmax(f32x4.pmin(x, f32x4.splat(10.0)), f32x4.splat(-10.0));
    const em = F32x4.expm1(f32x4.add(c, c));
    return f32x4.div(em, f32x4.add(em, f32x4.splat(2.0)));
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

// musl's __sin and __cos kernels (FreeBSD msun k_sin.c, k_cos.c), as AssemblyScript's NativeMath has them
const S1: f64 = reinterpret<f64>(0xbfc5555555555549); // -1.66666666666666324348e-01
const S2: f64 = reinterpret<f64>(0x3f8111111110f8a6); //  8.33333333332248946124e-03
const S3: f64 = reinterpret<f64>(0xbf2a01a019c161d5); // -1.98412698298579493134e-04
const S4: f64 = reinterpret<f64>(0x3ec71de357b1fe7d); //  2.75573137070700676789e-06
const S5: f64 = reinterpret<f64>(0xbe5ae5e68a2b9ceb); // -2.50507602534068634195e-08
const S6: f64 = reinterpret<f64>(0x3de5d93a5acfd57c); //  1.58969099521155010221e-10
const C1: f64 = reinterpret<f64>(0x3fa555555555554c); //  4.16666666666666019037e-02
const C2: f64 = reinterpret<f64>(0xbf56c16c16c15177); // -1.38888888888741095749e-03
const C3: f64 = reinterpret<f64>(0x3efa01a019cb1590); //  2.48015872894767294178e-05
const C4: f64 = reinterpret<f64>(0xbe927e4f809c52ad); // -2.75573143513906633035e-07
const C5: f64 = reinterpret<f64>(0x3e21ee9ebdb4b1c4); //  2.08757232129817482790e-09
const C6: f64 = reinterpret<f64>(0xbda8fae9be8838d4); // -1.13596475577881948265e-11

// musl's log (ARM optimized-routines, as NativeMath.log: util/math.ts log_lut): near 1 (x in
// [LOG_NEAR_LO, LOG_NEAR_HI)) a polynomial in r = x − 1 (B0–B10), elsewhere x = 2^k·z, ln x =
// k·ln2 + ln c + log1p(z/c − 1) with c from a 128-entry table and log1p by A0–A4.
const B0: f64 = reinterpret<f64>(0xbfe0000000000000);
const B1: f64 = reinterpret<f64>(0x3fd5555555555577);
const B2: f64 = reinterpret<f64>(0xbfcffffffffffdcb);
const B3: f64 = reinterpret<f64>(0x3fc999999995dd0c);
const B4: f64 = reinterpret<f64>(0xbfc55555556745a7);
const B5: f64 = reinterpret<f64>(0x3fc24924a344de30);
const B6: f64 = reinterpret<f64>(0xbfbfffffa4423d65);
const B7: f64 = reinterpret<f64>(0x3fbc7184282ad6ca);
const B8: f64 = reinterpret<f64>(0xbfb999eb43b068ff);
const B9: f64 = reinterpret<f64>(0x3fb78182f7afd085);
const B10: f64 = reinterpret<f64>(0xbfb5521375d145cd);
const A0: f64 = reinterpret<f64>(0xbfe0000000000001);
const A1: f64 = reinterpret<f64>(0x3fd555555551305b);
const A2: f64 = reinterpret<f64>(0xbfcfffffffeb4590);
const A3: f64 = reinterpret<f64>(0x3fc999b324f10111);
const A4: f64 = reinterpret<f64>(0xbfc55575e506c89f);
const LN2_HI_F64: f64 = reinterpret<f64>(0x3fe62e42fefa3800);
const LN2_LO_F64: f64 = reinterpret<f64>(0x3d2ef35793c76730);
const LOG_NEAR_LO: f64 = reinterpret<f64>(0x3fee000000000000);
const LOG_NEAR_HI: f64 = reinterpret<f64>(0x3ff1090000000000);
const LOG_OFF: i64 = 0x3fe6000000000000;

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

  /** musl __sin(x, y, 1): sin(x + y) for a reduced argument x with tail y, |x + y| ≤ π/4 (NativeMath's sin_kern, operation for operation). */
  @inline static sinKernel(x: v128, y: v128): v128 {
    const z = f64x2.mul(x, x);
    const r = F64x2.sinPoly(z);
    const v = f64x2.mul(z, x);
    // x − ((z·(0.5·y − v·r) − y) − v·S1)
    const inner = f64x2.sub(f64x2.mul(f64x2.splat(0.5), y), f64x2.mul(v, r));
    const t = f64x2.sub(f64x2.sub(f64x2.mul(z, inner), y), f64x2.mul(v, f64x2.splat(S1)));
    return f64x2.sub(x, t);
  }

  /** musl __sin(x, 0, 0): sin x for |x| ≤ π/4 given exactly (no tail). */
  @inline static sinKernelExact(x: v128): v128 {
    const z = f64x2.mul(x, x);
    const v = f64x2.mul(z, x);
    // x + v·(S1 + z·r)
    return f64x2.add(x, f64x2.mul(v, f64x2.add(f64x2.splat(S1), f64x2.mul(z, F64x2.sinPoly(z)))));
  }

  /** S2 + z·(S3 + z·S4) + z·w·(S5 + z·S6), w = z², as in __sin. */
  @inline static sinPoly(z: v128): v128 {
    const w = f64x2.mul(z, z);
    const a = f64x2.add(
      f64x2.splat(S2),
      f64x2.mul(z, f64x2.add(f64x2.splat(S3), f64x2.mul(z, f64x2.splat(S4)))),
    );
    const b = f64x2.add(f64x2.splat(S5), f64x2.mul(z, f64x2.splat(S6)));
    return f64x2.add(a, f64x2.mul(f64x2.mul(z, w), b));
  }

  /** musl __cos(x, y): cos(x + y) for a reduced argument x with tail y, |x + y| ≤ π/4 (NativeMath's cos_kern). */
  @inline static cosKernel(x: v128, y: v128): v128 {
    const z = f64x2.mul(x, x);
    const w = f64x2.mul(z, z);
    // r = z·(C1 + z·(C2 + z·C3)) + w·w·(C4 + z·(C5 + z·C6))
    const a = f64x2.mul(
      z,
      f64x2.add(
        f64x2.splat(C1),
        f64x2.mul(z, f64x2.add(f64x2.splat(C2), f64x2.mul(z, f64x2.splat(C3)))),
      ),
    );
    const b = f64x2.add(
      f64x2.splat(C4),
      f64x2.mul(z, f64x2.add(f64x2.splat(C5), f64x2.mul(z, f64x2.splat(C6)))),
    );
    const r = f64x2.add(a, f64x2.mul(f64x2.mul(w, w), b));
    const hz = f64x2.mul(f64x2.splat(0.5), z);
    const one = f64x2.splat(1.0);
    const h = f64x2.sub(one, hz);
    // h + (((1 − h) − hz) + (z·r − x·y))
    const tail = f64x2.sub(f64x2.mul(z, r), f64x2.mul(x, y));
    return f64x2.add(h, f64x2.add(f64x2.sub(f64x2.sub(one, h), hz), tail));
  }

  /**
   * ln x for positive normal x, bit-equal to NativeMath.log (musl's log_lut): the table path in
   * both lanes, and the polynomial near 1 (computed only when a lane needs it) selected per lane.
   */
  @inline static log(x: v128): v128 {
    // x = 2^k·z, z in [0x1.6p-1, 0x1.6p0); i = the top 7 bits of z's mantissa
    const tmp = i64x2.sub(x, i64x2.splat(LOG_OFF));
    const i0 = (<usize>((i64x2.extract_lane(tmp, 0) >>> 45) & 127)) << 4;
    const i1 = (<usize>((i64x2.extract_lane(tmp, 1) >>> 45) & 127)) << 4;
    const z = i64x2.sub(x, v128.and(tmp, i64x2.splat(0xfff0000000000000)));
    // k = tmp >> 52 (arithmetic), as f64: the 12-bit field sign-extended, then through 1.5·2^52
    const k12 = v128.xor(i64x2.shr_u(tmp, 52), i64x2.splat(0x800));
    const kd = f64x2.sub(
      i64x2.add(i64x2.sub(k12, i64x2.splat(0x800)), i64x2.splat(0x4338000000000000)),
      f64x2.splat(ROUND_F64),
    );
    const inv0 = v128.load(LOG_TABLE_INV + i0);
    const inv1 = v128.load(LOG_TABLE_INV + i1);
    const c0 = v128.load(LOG_TABLE_C + i0);
    const c1 = v128.load(LOG_TABLE_C + i1);
    const invc = v128.shuffle<f64>(inv0, inv1, 0, 2);
    const logc = v128.shuffle<f64>(inv0, inv1, 1, 3);
    const chi = v128.shuffle<f64>(c0, c1, 0, 2);
    const clo = v128.shuffle<f64>(c0, c1, 1, 3);
    // r = (z − chi − clo)·invc; hi + lo = k·ln2 + ln c + r
    const r = f64x2.mul(f64x2.sub(f64x2.sub(z, chi), clo), invc);
    const w = f64x2.add(f64x2.mul(kd, f64x2.splat(LN2_HI_F64)), logc);
    const hi = f64x2.add(w, r);
    const lo = f64x2.add(f64x2.add(f64x2.sub(w, hi), r), f64x2.mul(kd, f64x2.splat(LN2_LO_F64)));
    // lo + r²·A0 + r·r²·(A1 + r·A2 + r²·(A3 + r·A4)) + hi
    const r2 = f64x2.mul(r, r);
    const a = f64x2.add(
      f64x2.add(f64x2.splat(A1), f64x2.mul(r, f64x2.splat(A2))),
      f64x2.mul(r2, f64x2.add(f64x2.splat(A3), f64x2.mul(r, f64x2.splat(A4)))),
    );
    const far = f64x2.add(
      f64x2.add(f64x2.add(lo, f64x2.mul(r2, f64x2.splat(A0))), f64x2.mul(f64x2.mul(r, r2), a)),
      hi,
    );
    const near = v128.and(
      f64x2.ge(x, f64x2.splat(LOG_NEAR_LO)),
      f64x2.lt(x, f64x2.splat(LOG_NEAR_HI)),
    );
    if (!v128.any_true(near)) return far;
    return v128.bitselect(F64x2.logNear1(x), far, near);
  }

  /** musl log_lut's path for x near 1 (|x − 1| < 0.07): a degree-11 polynomial in r = x − 1 with r² split exactly. */
  @inline static logNear1(x: v128): v128 {
    const r = f64x2.sub(x, f64x2.splat(1.0));
    const r2 = f64x2.mul(r, r);
    const r3 = f64x2.mul(r2, r);
    // r3·(B1 + r·B2 + r2·B3 + r3·(B4 + r·B5 + r2·B6 + r3·(B7 + r·B8 + r2·B9 + r3·B10)))
    let p = F64x2.logTerm(B7, B8, B9, r, r2, f64x2.mul(r3, f64x2.splat(B10)));
    p = F64x2.logTerm(B4, B5, B6, r, r2, f64x2.mul(r3, p));
    p = F64x2.logTerm(B1, B2, B3, r, r2, f64x2.mul(r3, p));
    const y = f64x2.mul(r3, p);
    // r = rhi + rlo with rhi·rhi exact; hi + lo = r + B0·r² (B0 = −0.5)
    const w = f64x2.mul(r, f64x2.splat(134217728.0)); // 2^27
    const rhi = f64x2.sub(f64x2.add(r, w), w);
    const rlo = f64x2.sub(r, rhi);
    const w2 = f64x2.mul(f64x2.mul(rhi, rhi), f64x2.splat(B0));
    const hi = f64x2.add(r, w2);
    let lo = f64x2.add(f64x2.sub(r, hi), w2);
    lo = f64x2.add(lo, f64x2.mul(f64x2.mul(f64x2.splat(B0), rlo), f64x2.add(rhi, r)));
    return f64x2.add(f64x2.add(y, lo), hi);
  }

  /** ((a + r·b) + r2·c) + tail, one level of logNear1's polynomial. */
  @inline static logTerm(a: f64, b: f64, c: f64, r: v128, r2: v128, tail: v128): v128 {
    const t = f64x2.add(f64x2.splat(a), f64x2.mul(r, f64x2.splat(b)));
    return f64x2.add(f64x2.add(t, f64x2.mul(r2, f64x2.splat(c))), tail);
  }
}
