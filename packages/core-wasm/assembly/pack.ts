// Packing for the matmul (Goto/BLIS): a KC × NC block of b into NR-wide column panels
// bp[panel][p][NR], and MR rows of a into ap[p][MR], both zero-padded where a shape does not tile;
// the transposed forms pack rows of b as panel columns (a·bᵀ) and columns of a as rows (aᵀ·b).
// Sizes are in f32 values, strides (lda, ldb) in values; pointers are byte addresses.

import { MR, NR } from './micro';

// bp[panel][p][NR] = b[p][panel·NR + j], zero-padded to NR columns. b is (kc, nc) with row stride ldb.
export function packB(b: usize, bp: usize, kc: i32, nc: i32, ldb: i32): void {
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
export function packA(a: usize, ap: usize, mr: i32, kc: i32, lda: i32): void {
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
export function packBT(b: usize, bp: usize, kc: i32, nc: i32, ldb: i32): void {
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
export function packAT(a: usize, ap: usize, mr: i32, kc: i32, lda: i32): void {
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
