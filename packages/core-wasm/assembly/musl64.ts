// musl's sin/cos kernels and log (as AssemblyScript's NativeMath has them) in f64x2 lanes, operation
// for operation, so each lane gives the scalar function's bits: rng.ts's Box–Muller relies on it.
// Only log looks up a table (logtable.ts).

import { LOG_TABLE_C, LOG_TABLE_INV } from './logtable';

// 1.5·2^52: adding it rounds an f64 to an integer held in the low mantissa bits
const ROUND_F64: f64 = 6755399441055744.0;

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

/** f64x2 transcriptions of musl's sin/cos kernels and log. */
export class Musl64 {
  /** musl __sin(x, y, 1): sin(x + y) for a reduced argument x with tail y, |x + y| ≤ π/4 (NativeMath's sin_kern, operation for operation). */
  @inline static sinKernel(x: v128, y: v128): v128 {
    const z = f64x2.mul(x, x);
    const r = Musl64.sinPoly(z);
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
    return f64x2.add(x, f64x2.mul(v, f64x2.add(f64x2.splat(S1), f64x2.mul(z, Musl64.sinPoly(z)))));
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
    return v128.bitselect(Musl64.logNear1(x), far, near);
  }

  /** musl log_lut's path for x near 1 (|x − 1| < 0.07): a degree-11 polynomial in r = x − 1 with r² split exactly. */
  @inline static logNear1(x: v128): v128 {
    const r = f64x2.sub(x, f64x2.splat(1.0));
    const r2 = f64x2.mul(r, r);
    const r3 = f64x2.mul(r2, r);
    // r3·(B1 + r·B2 + r2·B3 + r3·(B4 + r·B5 + r2·B6 + r3·(B7 + r·B8 + r2·B9 + r3·B10)))
    let p = Musl64.logTerm(B7, B8, B9, r, r2, f64x2.mul(r3, f64x2.splat(B10)));
    p = Musl64.logTerm(B4, B5, B6, r, r2, f64x2.mul(r3, p));
    p = Musl64.logTerm(B1, B2, B3, r, r2, f64x2.mul(r3, p));
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
