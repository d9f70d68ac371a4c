// Products of a first layer whose input is mostly exact zeros (80.9% of MNIST pixels): rows of x
// are walked and a zero x[i][p] contributes nothing. x is (m, k), w is (k, n), d is (m, n).
// Every output is accumulated in f32 in the same order as the dense reference (p ascending for
// x·w, i ascending for xᵀ·d), starting from +0; a skipped term is ±0 and adding it to the running
// sum changes no bit — unless w (or d) holds ±Inf or NaN where x is zero (0·Inf = NaN in the dense
// product, skipped here). NaN and ±Inf in x itself propagate as in the dense product.

/** out (m, n) = x (m, k) · w (k, n), skipping x[i][p] == 0. */
export function matmulSkipZeros(x: usize, w: usize, out: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = (<usize>n) << 2;
  for (let i = 0; i < m; i++) {
    const o = out + <usize>i * rowBytes;
    memory.fill(o, 0, rowBytes);
    const xi = x + ((<usize>i * <usize>k) << 2);
    for (let p = 0; p < k; p++) {
      const xv = load<f32>(xi + ((<usize>p) << 2));
      if (xv == 0) continue;
      const s = f32x4.splat(xv);
      const wp = w + <usize>p * rowBytes;
      let j = 0;
      for (; j + 4 <= n; j += 4) {
        const b = (<usize>j) << 2;
        v128.store(o + b, f32x4.add(v128.load(o + b), f32x4.mul(s, v128.load(wp + b))));
      }
      for (; j < n; j++) {
        const b = (<usize>j) << 2;
        store<f32>(o + b, load<f32>(o + b) + xv * load<f32>(wp + b));
      }
    }
  }
}

/** out (k, n) = xᵀ · d with x (m, k), d (m, n), skipping x[i][p] == 0 (the first layer's ∂L/∂W). */
export function matmulTransASkipZeros(
  x: usize,
  d: usize,
  out: usize,
  m: i32,
  k: i32,
  n: i32,
): void {
  const rowBytes = (<usize>n) << 2;
  memory.fill(out, 0, <usize>k * rowBytes);
  for (let i = 0; i < m; i++) {
    const xi = x + ((<usize>i * <usize>k) << 2);
    const di = d + <usize>i * rowBytes;
    for (let p = 0; p < k; p++) {
      const xv = load<f32>(xi + ((<usize>p) << 2));
      if (xv == 0) continue;
      const s = f32x4.splat(xv);
      const o = out + <usize>p * rowBytes;
      let j = 0;
      for (; j + 4 <= n; j += 4) {
        const b = (<usize>j) << 2;
        v128.store(o + b, f32x4.add(v128.load(o + b), f32x4.mul(s, v128.load(di + b))));
      }
      for (; j < n; j++) {
        const b = (<usize>j) << 2;
        store<f32>(o + b, load<f32>(o + b) + xv * load<f32>(di + b));
      }
    }
  }
}
