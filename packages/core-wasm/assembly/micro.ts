// The matmul's register tiles (Goto/BLIS micro-kernels): c[r][j] (+)= Σ_p a[r][p]·bp[p][j] over a
// kc-deep slice, in f32, p in order. bp is a packed NR-wide panel: bp[p][j] at bp + 4·(p·NR + j).
// a[r][p] is at a + r·lda + p·step (bytes): a packed row block (pack.ts) has lda 4, step 4·MR; rows
// of a read in place have lda = the row stride, step 4. c has row stride ldc bytes; first = true
// starts from zero instead of loading c.

/** Rows of the register tile. */
export const MR: i32 = 5;
/** Columns of the register tile (two f32x4). */
export const NR: i32 = 8;

/** The 5 × 8 tile on rows of a read in place: lda the row stride in bytes, step 4. */
export function microRows(
  a: usize,
  lda: usize,
  bp: usize,
  c: usize,
  kc: i32,
  ldc: usize,
  first: bool,
): void {
  Micro.tile(a, lda, 4, bp, c, kc, ldc, first);
}

/** The 5 × 8 tile on a packed row block (pack.ts's packA, packAT): lda 4, step 4·MR. */
export function microPacked(a: usize, bp: usize, c: usize, kc: i32, ldc: usize, first: bool): void {
  Micro.tile(a, 4, MR << 2, bp, c, kc, ldc, first);
}

/** The one 5 × 8 register tile, with its strides as parameters. */
class Micro {
  /**
   * The MR × NR = 5 × 8 tile in 10 f32x4 accumulators (5 × 8 measured fastest on V8: 4 × 8 leaves the
   * FP pipes idle, 6 × 8 and wider tiles spill). Inlined into microRows and microPacked, so each runs
   * with its strides as constants (one function with runtime strides measured 3% slower at k = 100).
   */
  @inline static tile(
    a: usize,
    lda: usize,
    step: usize,
    bp: usize,
    c: usize,
    kc: i32,
    ldc: usize,
    first: bool,
  ): void {
    const c1 = c + ldc;
    const c2 = c1 + ldc;
    const c3 = c2 + ldc;
    const c4 = c3 + ldc;
    let c00 = f32x4.splat(0.0);
    let c01 = c00;
    let c10 = c00;
    let c11 = c00;
    let c20 = c00;
    let c21 = c00;
    let c30 = c00;
    let c31 = c00;
    let c40 = c00;
    let c41 = c00;
    if (!first) {
      c00 = v128.load(c);
      c01 = v128.load(c, 16);
      c10 = v128.load(c1);
      c11 = v128.load(c1, 16);
      c20 = v128.load(c2);
      c21 = v128.load(c2, 16);
      c30 = v128.load(c3);
      c31 = v128.load(c3, 16);
      c40 = v128.load(c4);
      c41 = v128.load(c4, 16);
    }
    let a1 = a + lda;
    let a2 = a1 + lda;
    let a3 = a2 + lda;
    let a4 = a3 + lda;
    const end = a + <usize>kc * step;
    while (a < end) {
      const b0 = v128.load(bp);
      const b1 = v128.load(bp, 16);
      let av = v128.load32_splat(a);
      c00 = f32x4.add(c00, f32x4.mul(av, b0));
      c01 = f32x4.add(c01, f32x4.mul(av, b1));
      av = v128.load32_splat(a1);
      c10 = f32x4.add(c10, f32x4.mul(av, b0));
      c11 = f32x4.add(c11, f32x4.mul(av, b1));
      av = v128.load32_splat(a2);
      c20 = f32x4.add(c20, f32x4.mul(av, b0));
      c21 = f32x4.add(c21, f32x4.mul(av, b1));
      av = v128.load32_splat(a3);
      c30 = f32x4.add(c30, f32x4.mul(av, b0));
      c31 = f32x4.add(c31, f32x4.mul(av, b1));
      av = v128.load32_splat(a4);
      c40 = f32x4.add(c40, f32x4.mul(av, b0));
      c41 = f32x4.add(c41, f32x4.mul(av, b1));
      a += step;
      a1 += step;
      a2 += step;
      a3 += step;
      a4 += step;
      bp += NR << 2;
    }
    v128.store(c, c00);
    v128.store(c, c01, 16);
    v128.store(c1, c10);
    v128.store(c1, c11, 16);
    v128.store(c2, c20);
    v128.store(c2, c21, 16);
    v128.store(c3, c30);
    v128.store(c3, c31, 16);
    v128.store(c4, c40);
    v128.store(c4, c41, 16);
  }
}

/** The 5 × 4 tile for a half-width last panel (half the work of a zero-padded 5 × 8): columns j < 4 of bp. */
export function micro4(
  a: usize,
  lda: usize,
  step: usize,
  bp: usize,
  c: usize,
  kc: i32,
  ldc: usize,
  first: bool,
): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  const c4 = c3 + ldc;
  let c0v = f32x4.splat(0.0);
  let c1v = c0v;
  let c2v = c0v;
  let c3v = c0v;
  let c4v = c0v;
  if (!first) {
    c0v = v128.load(c);
    c1v = v128.load(c1);
    c2v = v128.load(c2);
    c3v = v128.load(c3);
    c4v = v128.load(c4);
  }
  const l2 = lda + lda;
  const l3 = l2 + lda;
  const l4 = l3 + lda;
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    c0v = f32x4.add(c0v, f32x4.mul(v128.load32_splat(a), b0));
    c1v = f32x4.add(c1v, f32x4.mul(v128.load32_splat(a + lda), b0));
    c2v = f32x4.add(c2v, f32x4.mul(v128.load32_splat(a + l2), b0));
    c3v = f32x4.add(c3v, f32x4.mul(v128.load32_splat(a + l3), b0));
    c4v = f32x4.add(c4v, f32x4.mul(v128.load32_splat(a + l4), b0));
    a += step;
    bp += NR << 2;
  }
  v128.store(c, c0v);
  v128.store(c1, c1v);
  v128.store(c2, c2v);
  v128.store(c3, c3v);
  v128.store(c4, c4v);
}
