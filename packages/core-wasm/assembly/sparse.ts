// Products of a first layer whose input is mostly exact zeros (80.9% of MNIST pixels): a zero
// x[i][p] contributes nothing. x is (m, k), w is (k, n), d is (m, n).
// Every output is accumulated in f32 in the same order as the dense reference (p ascending for
// x·w, i ascending for xᵀ·d), starting from +0; a skipped term is ±0 and adding it to the running
// sum changes no bit — unless w (or d) holds ±Inf or NaN where x is zero (0·Inf = NaN in the dense
// product, skipped here). NaN and ±Inf in x itself propagate as in the dense product (NaN != 0).
//
// Both kernels first list the non-zero terms of one output row (branch-free: every index is
// written, the count advances only past a non-zero), then sum them into 32 columns at a time held
// in eight f32x4 registers (then 4 at a time, then one): each output value is loaded and stored
// once instead of once per non-zero term. `list` is scratch for max(m, k) i32 indices.

/** The summing loop shared by both kernels, inlined into each (a decorated static, as micro.ts). */
class Sparse {
  /**
   * out[j] = Σ_q s_q · src[r_q][j] for j < n, q ascending from +0 in f32, where r_q = list[q] and
   * s_q = x at xbase + r_q·xstride (bytes); src rows are n floats apart.
   */
  @inline static combine(
    list: usize,
    count: i32,
    xbase: usize,
    xstride: usize,
    src: usize,
    out: usize,
    n: i32,
  ): void {
    const rowBytes = (<usize>n) << 2;
    const end = list + ((<usize>count) << 2);
    let j = 0;
    for (; j + 32 <= n; j += 32) {
      const col = (<usize>j) << 2;
      let a0 = f32x4.splat(0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      let a4 = a0;
      let a5 = a0;
      let a6 = a0;
      let a7 = a0;
      for (let q = list; q < end; q += 4) {
        const r = <usize>load<i32>(q);
        const s = f32x4.splat(load<f32>(xbase + r * xstride));
        const row = src + r * rowBytes + col;
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(row)));
        a1 = f32x4.add(a1, f32x4.mul(s, v128.load(row, 16)));
        a2 = f32x4.add(a2, f32x4.mul(s, v128.load(row, 32)));
        a3 = f32x4.add(a3, f32x4.mul(s, v128.load(row, 48)));
        a4 = f32x4.add(a4, f32x4.mul(s, v128.load(row, 64)));
        a5 = f32x4.add(a5, f32x4.mul(s, v128.load(row, 80)));
        a6 = f32x4.add(a6, f32x4.mul(s, v128.load(row, 96)));
        a7 = f32x4.add(a7, f32x4.mul(s, v128.load(row, 112)));
      }
      const o = out + col;
      v128.store(o, a0);
      v128.store(o, a1, 16);
      v128.store(o, a2, 32);
      v128.store(o, a3, 48);
      v128.store(o, a4, 64);
      v128.store(o, a5, 80);
      v128.store(o, a6, 96);
      v128.store(o, a7, 112);
    }
    for (; j + 4 <= n; j += 4) {
      const col = (<usize>j) << 2;
      let a0 = f32x4.splat(0);
      for (let q = list; q < end; q += 4) {
        const r = <usize>load<i32>(q);
        const s = f32x4.splat(load<f32>(xbase + r * xstride));
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(src + r * rowBytes + col)));
      }
      v128.store(out + col, a0);
    }
    for (; j < n; j++) {
      const col = (<usize>j) << 2;
      let a: f32 = 0;
      for (let q = list; q < end; q += 4) {
        const r = <usize>load<i32>(q);
        a += load<f32>(xbase + r * xstride) * load<f32>(src + r * rowBytes + col);
      }
      store<f32>(out + col, a);
    }
  }
}

/** out (m, n) = x (m, k) · w (k, n), skipping x[i][p] == 0; list holds k i32. */
export function matmulSkipZeros(
  x: usize,
  w: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  list: usize,
): void {
  for (let i = 0; i < m; i++) {
    const xi = x + ((<usize>i * <usize>k) << 2);
    let count = 0;
    for (let p = 0; p < k; p++) {
      store<i32>(list + ((<usize>count) << 2), p);
      count += i32(load<f32>(xi + ((<usize>p) << 2)) != 0);
    }
    Sparse.combine(list, count, xi, 4, w, out + ((<usize>i * <usize>n) << 2), n);
  }
}

/**
 * out (k, n) = xᵀ · d with x (m, k), d (m, n), skipping x[i][p] == 0 (the first layer's ∂L/∂W);
 * list holds m i32.
 */
export function matmulTransASkipZeros(
  x: usize,
  d: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
  list: usize,
): void {
  const xstride = (<usize>k) << 2;
  for (let p = 0; p < k; p++) {
    const xp = x + ((<usize>p) << 2);
    let count = 0;
    for (let i = 0; i < m; i++) {
      store<i32>(list + ((<usize>count) << 2), i);
      count += i32(load<f32>(xp + <usize>i * xstride) != 0);
    }
    Sparse.combine(list, count, xp, xstride, d, out + ((<usize>p * <usize>n) << 2), n);
  }
}
