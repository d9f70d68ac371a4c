// The f32x4 exponentials (four lanes; NaN and ±Inf propagate): e^x, m·e^x, e^x − 1 and e^−x, on
// musl's expf argument reduction with short minimax polynomials. The activations and their
// derivatives (activations.ts) are built on these.

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

/** f32x4 exponentials. */
export class Exp32 {
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
    const t = Exp32.expRound(x);
    return Exp32.scaleHalves(Exp32.expPoly(Exp32.expReduce(x, Exp32.expN(t))), t);
  }

  /** m·e^x with m applied before the 2^n scaling, so a result that is subnormal is rounded once (m = 2^24 keeps e^x exact where e^x alone would be subnormal). */
  @inline static expMul(x: v128, m: v128): v128 {
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    const t = Exp32.expRound(x);
    return Exp32.scaleHalves(f32x4.mul(Exp32.expPoly(Exp32.expReduce(x, Exp32.expN(t))), m), t);
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
    const t = Exp32.expRound(x);
    const s = Exp32.pow2(t);
    const p = Exp32.expm1Poly(Exp32.expReduce(x, Exp32.expN(t)));
    return f32x4.sub(f32x4.mul(s, p), f32x4.sub(f32x4.splat(1.0), s));
  }

  /**
   * e^-x for x in [−89, 88.3]: exp's steps with the negation folded into the constants (bit-equal to
   * expPoly(expReduce(−x, n))·2^n, n = round(−x·log2 e) in [−127, 128], one operation fewer).
   */
  @inline static expNeg(x: v128): v128 {
    const t = f32x4.add(f32x4.mul(x, f32x4.splat(-LOG2E_F32)), f32x4.splat(ROUND_BIASED));
    const n = Exp32.expN(t);
    // s = −r = x + n·ln2; e^r = 1 − s + s²·(E2 − E3·s + E4·s² − E5·s³)
    let s = f32x4.add(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
    s = f32x4.add(s, f32x4.mul(n, f32x4.splat(LN2_LO)));
    const s2 = f32x4.mul(s, s);
    const lo = f32x4.add(f32x4.mul(f32x4.splat(-E3), s), f32x4.splat(E2));
    const hi = f32x4.add(f32x4.mul(f32x4.splat(-E5), s), f32x4.splat(E4));
    const q = f32x4.add(f32x4.mul(hi, s2), lo);
    const p = f32x4.add(f32x4.sub(f32x4.mul(s2, q), s), f32x4.splat(1.0));
    return f32x4.mul(p, Exp32.pow2(t));
  }
}
