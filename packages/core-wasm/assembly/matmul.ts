// Blocked SIMD matmul in the Goto/BLIS loop order (Goto & van de Geijn, "Anatomy of
// High-Performance Matrix Multiplication", TOMS 2008).
// Dimension legend: a is (m, k), b is (k, n); out is (m, n); all row-major f32.
//   A KC × NC block of b is packed into NR-wide column panels bp[panel][p][NR] (≈ L2).
//   MR rows of a are packed into ap[p][MR] (≈ L1) and multiplied against every panel.
// Each out[i][j] is accumulated as ((0 + a[i][0]·b[0][j]) + a[i][1]·b[1][j]) + … in f32, in
// p order across KC blocks too, so results equal the i-k-j reference bit for bit.
// Shapes that do not tile: panels and row packs are zero-padded, and edge tiles go through a
// small MR × NR scratch tile of which only the valid part is copied back.
// The transposed products only pack differently: aᵀ·b packs columns of a (rows of aᵀ), a·bᵀ packs
// rows of b as panel columns; the micro-kernel and the summation order are the same.

import { activate, CHUNK, LINEAR } from './activations';
import { NONE, passMode } from './pass';

// Register tile MR × NR; a KC × NC block of b (512 KiB) stays in L2, one KC × NR panel of b
// (8 KiB) and the KC × MR pack of a (5 KiB) in L1. Sizes were tuned on Zen 4 (KC 128–384 and
// NC 256–1024 are all within a few percent).
const MR: i32 = 5;
const NR: i32 = 8;
const KC: i32 = 256;
const NC: i32 = 512;

const PACKED_B_BYTES: usize = (<usize>(KC * NC)) << 2;
const PACKED_A_BYTES: usize = (<usize>(KC * MR)) << 2;
const TILE_BYTES: usize = (<usize>(MR * NR)) << 2;

/** Bytes of scratch `dense`/`matmul` need: packed b block, packed a rows, one edge tile. */
export function matmulScratchBytes(): usize {
  return PACKED_B_BYTES + PACKED_A_BYTES + TILE_BYTES;
}

/** out = a · b. a is (m, k), b is (k, n); out is (m, n); scratch holds matmulScratchBytes(). */
export function matmul(
  a: usize,
  b: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
): void {
  gemm(a, b, out, m, k, n, false, false, LINEAR, 1, 0, scratch);
}

/** out = a · bᵀ. a is (m, k), b is (n, k); out is (m, n). */
export function matmulTransB(
  a: usize,
  b: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
): void {
  gemm(a, b, out, m, k, n, false, true, LINEAR, 1, 0, scratch);
}

/** out = aᵀ · b. a is (m, k), b is (m, n); out is (k, n) (the sum runs over the m rows). */
export function matmulTransA(
  a: usize,
  b: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
): void {
  gemm(a, b, out, k, m, n, true, false, LINEAR, 1, 0, scratch);
}

/**
 * out = act(f32(scale·(a · b))), the activation (and the statistics of an open pass, pass.ts)
 * applied to each finished row strip while it is in L1. alpha is α of leaky-relu and elu.
 */
export function dense(
  a: usize,
  b: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  kind: i32,
  scale: f32,
  alpha: f32,
  scratch: usize,
): void {
  gemm(a, b, out, m, k, n, false, false, kind, scale, alpha, scratch);
}

// out (m, n) = act(scale·(A · B)) where A(i, p) is a[i][p] (a is (m, k)) or, transA, a[p][i] (a is
// (k, m)), and B(p, j) is b[p][j] (b is (k, n)) or, transB, b[j][p] (b is (n, k)).
function gemm(
  a: usize,
  b: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  transA: bool,
  transB: bool,
  kind: i32,
  scale: f32,
  alpha: f32,
  scratch: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const epilogue = kind != LINEAR || scale != 1 || passMode() != NONE;
  if (k <= 0) {
    memory.fill(out, 0, (<usize>m * <usize>n) << 2);
    if (epilogue) activate(kind, out, out, m * n, scale, alpha);
    return;
  }
  const bp = scratch;
  const ap = bp + PACKED_B_BYTES;
  const tile = ap + PACKED_A_BYTES;
  const ldc = (<usize>n) << 2;
  // whole-width finished strips are contiguous: the epilogue takes consecutive strips together,
  // up to CHUNK values (fewer calls, and a measured chunk rarely ends in a partial vector)
  let pending: usize = 0;
  let pendingLen = 0;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const first = pc == 0;
      const last = pc + kc == k;
      if (transB) packBT(b + ((<usize>jc * <usize>k + <usize>pc) << 2), bp, kc, nc, k);
      else packB(b + ((<usize>pc * <usize>n + <usize>jc) << 2), bp, kc, nc, n);
      for (let ic = 0; ic < m; ic += MR) {
        const mr = min(MR, m - ic);
        // short rows of a (k ≤ KC) are read in place (MR rows of ≤ 1 KiB stay in L1 across the
        // panels; measured 3–5% faster at k = 100); long rows, edge blocks and aᵀ are packed
        const direct = !transA && mr == MR && k <= KC;
        // a[r][p] at rows + r·lda + p·step: packed rows interleave (lda 4, step 4·MR)
        let rows = ap;
        let lda: usize = 4;
        let step: usize = MR << 2;
        if (direct) {
          rows = a + ((<usize>ic * <usize>k + <usize>pc) << 2);
          lda = (<usize>k) << 2;
          step = 4;
        } else if (transA) packAT(a + ((<usize>pc * <usize>m + <usize>ic) << 2), ap, mr, kc, m);
        else packA(a + ((<usize>ic * <usize>k + <usize>pc) << 2), ap, mr, kc, k);
        const strip = out + <usize>ic * ldc + ((<usize>jc) << 2);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const panel = bp + ((<usize>jr * <usize>kc) << 2);
          const c = strip + ((<usize>jr) << 2);
          if (nr <= NR / 2) {
            // a half-width last panel: the 5 × 4 kernel (half the work of a zero-padded 5 × 8)
            if (mr == MR && nr == NR / 2) micro4(rows, lda, step, panel, c, kc, ldc, first);
            else {
              if (!first) copyTile(c, ldc, tile, NR << 2, mr, nr);
              micro4(rows, lda, step, panel, tile, kc, NR << 2, first);
              copyTile(tile, NR << 2, c, ldc, mr, nr);
            }
          } else if (mr == MR && nr == NR) {
            if (direct) microDirect(rows, lda, panel, c, kc, ldc, first);
            else micro(ap, panel, c, kc, ldc, first);
          } else {
            if (!first) copyTile(c, ldc, tile, NR << 2, mr, nr);
            if (direct) microDirect(rows, lda, panel, tile, kc, NR << 2, first);
            else micro(ap, panel, tile, kc, NR << 2, first);
            copyTile(tile, NR << 2, c, ldc, mr, nr);
          }
        }
        if (last && epilogue) {
          // a whole-width strip joins the pending run; otherwise row by row
          if (nc == n) {
            const len = mr * n;
            if (pendingLen > 0 && pendingLen + len > CHUNK) {
              activate(kind, pending, pending, pendingLen, scale, alpha);
              pendingLen = 0;
            }
            if (pendingLen == 0) pending = strip;
            pendingLen += len;
          } else {
            for (let r = 0; r < mr; r++) {
              const row = strip + <usize>r * ldc;
              activate(kind, row, row, nc, scale, alpha);
            }
          }
        }
      }
      if (pendingLen > 0) {
        activate(kind, pending, pending, pendingLen, scale, alpha);
        pendingLen = 0;
      }
    }
  }
}

// bp[panel][p][NR] = b[p][panel·NR + j], zero-padded to NR columns. b is (kc, nc) with row stride ldb.
function packB(b: usize, bp: usize, kc: i32, nc: i32, ldb: i32): void {
  const ldbb = (<usize>ldb) << 2;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    let src = b + ((<usize>jr) << 2);
    const end = bp + ((<usize>kc * NR) << 2);
    if (nr == NR) {
      while (bp < end) {
        v128.store(bp, v128.load(src));
        v128.store(bp, v128.load(src, 16), 16);
        src += ldbb;
        bp += NR << 2;
      }
    } else {
      while (bp < end) {
        v128.store(bp, i32x4.splat(0));
        v128.store(bp, i32x4.splat(0), 16);
        for (let j = 0; j < nr; j++)
          store<f32>(bp + ((<usize>j) << 2), load<f32>(src + ((<usize>j) << 2)));
        src += ldbb;
        bp += NR << 2;
      }
    }
  }
}

// ap[p][r] = a[r][p], zero-padded to MR rows. a is (mr, kc) with row stride lda.
function packA(a: usize, ap: usize, mr: i32, kc: i32, lda: i32): void {
  const ldab = (<usize>lda) << 2;
  if (mr < MR) memory.fill(ap, 0, (<usize>kc * MR) << 2);
  for (let r = 0; r < mr; r++) {
    let src = a + <usize>r * ldab;
    let dst = ap + ((<usize>r) << 2);
    const end = src + ((<usize>kc) << 2);
    for (; src < end; src += 4, dst += MR << 2) store<f32>(dst, load<f32>(src));
  }
}

// bp[panel][p][NR] = bᵀ[p][panel·NR + j] = b[panel·NR + j][p], zero-padded to NR columns.
// b holds nc rows of kc values with row stride ldb (the rows of b are the columns of bᵀ).
function packBT(b: usize, bp: usize, kc: i32, nc: i32, ldb: i32): void {
  const ldbb = (<usize>ldb) << 2;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    if (nr < NR) memory.fill(bp, 0, (<usize>kc * NR) << 2);
    for (let j = 0; j < nr; j++) {
      let src = b + <usize>(jr + j) * ldbb;
      let dst = bp + ((<usize>j) << 2);
      const end = src + ((<usize>kc) << 2);
      for (; src < end; src += 4, dst += NR << 2) store<f32>(dst, load<f32>(src));
    }
    bp += (<usize>kc * NR) << 2;
  }
}

// ap[p][r] = aᵀ[r][p] = a[p][r], zero-padded to MR rows. a holds kc rows with row stride lda; the
// mr wanted values of each are contiguous.
function packAT(a: usize, ap: usize, mr: i32, kc: i32, lda: i32): void {
  const ldab = (<usize>lda) << 2;
  const end = ap + ((<usize>kc * MR) << 2);
  if (mr == MR) {
    for (; ap < end; ap += MR << 2, a += ldab) {
      v128.store(ap, v128.load(a));
      store<f32>(ap, load<f32>(a, 16), 16);
    }
  } else {
    memory.fill(ap, 0, (<usize>kc * MR) << 2);
    for (; ap < end; ap += MR << 2, a += ldab) {
      for (let r = 0; r < mr; r++)
        store<f32>(ap + ((<usize>r) << 2), load<f32>(a + ((<usize>r) << 2)));
    }
  }
}

// rows × cols floats from src (row stride srcStride bytes) to dst (row stride dstStride bytes)
function copyTile(
  src: usize,
  srcStride: usize,
  dst: usize,
  dstStride: usize,
  rows: i32,
  cols: i32,
): void {
  const bytes = (<usize>cols) << 2;
  for (let r = 0; r < rows; r++) {
    memory.copy(dst + <usize>r * dstStride, src + <usize>r * srcStride, bytes);
  }
}

// The MR × NR = 5 × 8 register tile: c[r][j] (+)= Σ_p ap[p][r] · bp[p][j] in 10 f32x4 accumulators
// (5 × 8 measured fastest on V8: 4 × 8 leaves the FP pipes idle, 6 × 8 and wider tiles spill).
// c has row stride ldc bytes; first = true starts from zero instead of loading c.
function micro(ap: usize, bp: usize, c: usize, kc: i32, ldc: usize, first: bool): void {
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
  const end = ap + <usize>kc * (MR << 2);
  while (ap < end) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let av = v128.load32_splat(ap);
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = v128.load32_splat(ap, 4);
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = v128.load32_splat(ap, 8);
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = v128.load32_splat(ap, 12);
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
    av = v128.load32_splat(ap, 16);
    c40 = f32x4.add(c40, f32x4.mul(av, b0));
    c41 = f32x4.add(c41, f32x4.mul(av, b1));
    ap += MR << 2;
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

// The same 5 × 8 tile with a read in place: a[r][p] at a + r·lda + 4p (lda in bytes).
function microDirect(
  a: usize,
  lda: usize,
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
  const end = a + ((<usize>kc) << 2);
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
    a += 4;
    a1 += 4;
    a2 += 4;
    a3 += 4;
    a4 += 4;
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

// A 5 × 4 tile for a half-width last panel: c[r][j] (+)= Σ_p a[r][p]·bp[p][j], j < 4, a[r][p] at
// a + r·lda + p·step (packed: lda 4, step 20; in place: lda the row stride, step 4).
function micro4(
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
