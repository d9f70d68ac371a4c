// Moving f32x4 lanes to and from f64x2: the f64 halves of four f32 lanes, and back.

/** The lanes of f32x4 values as f64x2 halves, and f64x2 halves joined back into f32x4. */
export class Lanes {
  /** Lanes 0–1 of x promoted to f64x2. */
  @inline static promoteLow(x: v128): v128 {
    return f64x2.promote_low_f32x4(x);
  }

  /** Lanes 2–3 of x promoted to f64x2. */
  @inline static promoteHigh(x: v128): v128 {
    return f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 2, 3));
  }

  /** Two f64x2 halves (lanes 0–1 of each, demoted to f32) joined into one f32x4. */
  @inline static join(lo: v128, hi: v128): v128 {
    return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
  }
}
