// Constant splats the statistics loops read from memory where they use them: one v128.load, where V8
// would otherwise rebuild a v128.const from a general-purpose register at each use inside a busy loop.

// 0.5, 2^23 (f32 bits), the largest finite f32, +Inf, −Inf, the |x| mask; four lanes each
const SPLATS: usize = memory.data<u32>(
  [
    0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x4b000000, 0x4b000000, 0x4b000000, 0x4b000000,
    0x7f7fffff, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff, 0x7f800000, 0x7f800000, 0x7f800000, 0x7f800000,
    0xff800000, 0xff800000, 0xff800000, 0xff800000, 0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff,
  ],
  16,
);

/** Constant f32x4 splats read from SPLATS. */
export class Splat {
  /** 0.5 in every lane. */
  @inline static half(): v128 {
    return v128.load(SPLATS);
  }
  /** 2^23 in every lane (added to an integral f32 < 2^23, its integer sits in the mantissa). */
  @inline static two23(): v128 {
    return v128.load(SPLATS, 16);
  }
  /** The largest finite f32: |x| ≤ it ⇔ x is finite. */
  @inline static maxF32(): v128 {
    return v128.load(SPLATS, 32);
  }
  /** +Inf in every lane. */
  @inline static inf(): v128 {
    return v128.load(SPLATS, 48);
  }
  /** −Inf in every lane. */
  @inline static negInf(): v128 {
    return v128.load(SPLATS, 64);
  }
  /** |x| (clears the sign bits with a mask from memory: V8 builds f32x4.abs's mask in three operations). */
  @inline static abs(x: v128): v128 {
    return v128.and(x, v128.load(SPLATS, 80));
  }
}
