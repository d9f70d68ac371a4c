// The f32x4 natural logarithm (Cephes logf; four lanes) and ln(1 + u) on it: softplus's.

/** f32x4 logarithms. */
export class Log32 {
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
    return f32x4.sub(Log32.log(w), f32x4.div(err, w));
  }
}
