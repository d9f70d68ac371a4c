// Blocked SIMD matmul in the Goto/BLIS loop order (Goto & van de Geijn, "Anatomy of
// High-Performance Matrix Multiplication", TOMS 2008).
// Dimension legend: a is (m, k), b is (k, n); out is (m, n); all row-major f32.
//   A KC × NC block of b is packed into NR-wide column panels bp[panel][p][NR] (≈ L2).
//   MR rows of a are packed into ap[p][MR] (≈ L1) and multiplied against every panel.
// Each out[i][j] is accumulated as ((0 + a[i][0]·b[0][j]) + a[i][1]·b[1][j]) + … in f32, in
// p order across KC blocks too, so results equal the i-k-j reference bit for bit.
// Shapes that do not tile: panels and row packs are zero-padded (pack.ts), and edge tiles go
// through a small MR × NR scratch tile of which only the valid part is copied back.
// The transposed products only pack differently: aᵀ·b packs columns of a (rows of aᵀ), a·bᵀ packs
// rows of b as panel columns; the micro-kernels (micro.ts) and the summation order are the same.

import { activate, LINEAR } from './activations';
import { MR, micro4, microPacked, microRows, NR } from './micro';
import { packA, packAT, packB, packBT } from './pack';
import { CHUNK, NONE, passMode } from './pass';

// A KC × NC block of b (512 KiB) stays in L2, one KC × NR panel of b (8 KiB) and the KC × MR pack
// of a (5 KiB) in L1 (the MR × NR register tile is micro.ts's). Sizes were tuned on Zen 4 (KC
// 128–384 and NC 256–1024 are all within a few percent).
const KC: i32 = 256;
const NC: i32 = 512;

const PACKED_B_BYTES: usize = (<usize>(KC * NC)) << 2;
const PACKED_A_BYTES: usize = (<usize>(KC * MR)) << 2;
const TILE_BYTES: usize = (<usize>(MR * NR)) << 2;

/** Bytes of scratch `dense`/`matmul` need: packed b block, packed a rows, one edge tile. */
export function matmulScratchBytes(): usize {
  return PACKED_B_BYTES + PACKED_A_BYTES + TILE_BYTES;
}

// All of b packed ahead, for threads that share one product (each would otherwise repack all of b
// for every chunk of rows it takes): the blocks gemm packs, in its (jc, pc) order, each NC-column
// block's KC-row blocks contiguous. The block (jc, pc) of a block column nc wide, padded to whole
// NR panels (pw), starts at the block column's offset + pc·pw values.

/** Values of a block column nc wide, padded to whole panels, per row of b. */
function paddedWidth(nc: i32): usize {
  return <usize>(((nc + NR - 1) / NR) * NR);
}

/** Bytes of all of b (k, n) packed by `packBlocks`. */
export function packedBBytes(k: i32, n: i32): usize {
  let values: usize = 0;
  for (let jc = 0; jc < n; jc += NC) values += paddedWidth(min(NC, n - jc)) * <usize>k;
  return values << 2;
}

/**
 * Packs all of B (b (k, n) or, transB, bᵀ with b (n, k)) into `packed` (packedBBytes(k, n)), the
 * blocks gemm would pack, for gemm's `packed` argument.
 */
export function packBlocks(b: usize, packed: usize, k: i32, n: i32, transB: bool): void {
  let block = packed;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      if (transB) packBT(b + ((<usize>jc * <usize>k + <usize>pc) << 2), block, kc, nc, k);
      else packB(b + ((<usize>pc * <usize>n + <usize>jc) << 2), block, kc, nc, n);
      block += (paddedWidth(nc) * <usize>kc) << 2;
    }
  }
}

/**
 * out (m, n) = act(f32(scale·(A · B))) where A(i, p) is a[i·lda + p] (a is (m, k), row stride lda)
 * or, transA, a[p·lda + i] (a is (k, m), row stride lda), and B(p, j) is b[p][j] (b is (k, n)) or,
 * transB, b[j][p] (b is (n, k)). lda is k, or m with transA, unless the rows of out are a slice of
 * a larger product's (threads split aᵀ·b so). The activation `kind` (LINEAR with scale 1: the plain
 * product) and the statistics of an open pass (pass.ts) are applied to each finished row strip
 * while it is in L1; alpha is α of leaky-relu and elu. scratch holds matmulScratchBytes(). With
 * `packed` (not 0), B was packed ahead by packBlocks and gemm reads its blocks there instead of
 * packing them (same values, same order: the same bits).
 */
export function gemm(
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
  lda: i32,
  packed: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const epilogue = kind != LINEAR || scale != 1 || passMode() != NONE;
  if (k <= 0) {
    memory.fill(out, 0, (<usize>m * <usize>n) << 2);
    if (epilogue) activate(kind, out, out, m * n, scale, alpha);
    return;
  }
  const ap = scratch + PACKED_B_BYTES;
  const tile = ap + PACKED_A_BYTES;
  const ldc = (<usize>n) << 2;
  let ahead = packed;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const first = pc == 0;
      const last = pc + kc == k;
      let bp = scratch;
      if (packed) {
        bp = ahead;
        ahead += (paddedWidth(nc) * <usize>kc) << 2;
      } else if (transB) packBT(b + ((<usize>jc * <usize>k + <usize>pc) << 2), bp, kc, nc, k);
      else packB(b + ((<usize>pc * <usize>n + <usize>jc) << 2), bp, kc, nc, n);
      for (let ic = 0; ic < m; ic += MR) {
        const mr = min(MR, m - ic);
        // short rows of a (k ≤ KC) are read in place (MR rows of ≤ 1 KiB stay in L1 across the
        // panels; measured 3–5% faster at k = 100); long rows, edge blocks and aᵀ are packed
        const direct = !transA && mr == MR && k <= KC;
        // a[r][p] at rows + r·rowStep + p·step: packed rows interleave (rowStep 4, step 4·MR)
        let rows = ap;
        let rowStep: usize = 4;
        let step: usize = MR << 2;
        if (direct) {
          rows = a + ((<usize>ic * <usize>lda + <usize>pc) << 2);
          rowStep = (<usize>lda) << 2;
          step = 4;
        } else if (transA) packAT(a + ((<usize>pc * <usize>lda + <usize>ic) << 2), ap, mr, kc, lda);
        else packA(a + ((<usize>ic * <usize>lda + <usize>pc) << 2), ap, mr, kc, lda);
        const strip = out + <usize>ic * ldc + ((<usize>jc) << 2);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const panel = bp + ((<usize>jr * <usize>kc) << 2);
          const c = strip + ((<usize>jr) << 2);
          if (nr <= NR / 2) {
            // a half-width last panel: the 5 × 4 kernel (half the work of a zero-padded 5 × 8)
            if (mr == MR && nr == NR / 2) micro4(rows, rowStep, step, panel, c, kc, ldc, first);
            else {
              if (!first) copyTile(c, ldc, tile, NR << 2, mr, nr);
              micro4(rows, rowStep, step, panel, tile, kc, NR << 2, first);
              copyTile(tile, NR << 2, c, ldc, mr, nr);
            }
          } else if (mr == MR && nr == NR) {
            if (direct) microRows(rows, rowStep, panel, c, kc, ldc, first);
            else microPacked(ap, panel, c, kc, ldc, first);
          } else {
            if (!first) copyTile(c, ldc, tile, NR << 2, mr, nr);
            if (direct) microRows(rows, rowStep, panel, tile, kc, NR << 2, first);
            else microPacked(ap, panel, tile, kc, NR << 2, first);
            copyTile(tile, NR << 2, c, ldc, mr, nr);
          }
        }
        if (last && epilogue) stripDone(strip, mr, nc, n, kind, scale, alpha);
      }
      if (last && epilogue) stripsDone(kind, scale, alpha);
    }
  }
}

// The epilogue's order. Finished strips are activated (and measured, in an open pass) while in L1:
// whole-width strips (nc = n) are contiguous and join a pending run of up to CHUNK values (fewer
// calls, and a measured chunk rarely ends in a partial vector); a strip of a column block (n > NC)
// goes row by row. `measureStrips` replays this order, so its f64 sums equal the fused pass's.
let pending: usize = 0;
let pendingLen: i32 = 0;

// Strip (mr rows of out from `strip`, nc columns of a row of n) is finished.
function stripDone(
  strip: usize,
  mr: i32,
  nc: i32,
  n: i32,
  kind: i32,
  scale: f32,
  alpha: f32,
): void {
  if (nc == n) {
    const len = mr * n;
    if (pendingLen > 0 && pendingLen + len > CHUNK) stripsDone(kind, scale, alpha);
    if (pendingLen == 0) pending = strip;
    pendingLen += len;
    return;
  }
  const ldc = (<usize>n) << 2;
  for (let r = 0; r < mr; r++) {
    const row = strip + <usize>r * ldc;
    activate(kind, row, row, nc, scale, alpha);
  }
}

// The pending run of whole-width strips, if any, is activated.
function stripsDone(kind: i32, scale: f32, alpha: f32): void {
  if (pendingLen == 0) return;
  activate(kind, pending, pending, pendingLen, scale, alpha);
  pendingLen = 0;
}

/**
 * Measures out (m, n), the finished output of gemm with contraction length k, into the open pass in
 * the order gemm's epilogue measures it, writing nothing: gemm's product with its activation (e.g.
 * split across threads, no pass open) and then `measureStrips` give the same statistics, bit for
 * bit, as the fused pass.
 */
export function measureStrips(out: usize, m: i32, k: i32, n: i32): void {
  if (m <= 0 || n <= 0) return;
  // the linear kernel with scale 1 in place only measures (activations.ts `activate`)
  if (k <= 0) {
    activate(LINEAR, out, out, m * n, 1, 0);
    return;
  }
  const ldc = (<usize>n) << 2;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let ic = 0; ic < m; ic += MR) {
      stripDone(out + <usize>ic * ldc + ((<usize>jc) << 2), min(MR, m - ic), nc, n, LINEAR, 1, 0);
    }
    stripsDone(LINEAR, 1, 0);
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
