// Dimension legend: a is (m, k), b is (k, n), out is (m, n), all row-major Float32Arrays.

/**
 * out = a·b in the i-k-j order, what one writes without a library: a row of b streamed per a[i, p],
 * the products in f64, each partial sum rounded to f32 as it is stored in `out`.
 */
export function naiveMatmul(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      const bRow = p * n;
      for (let j = 0; j < n; j++)
        out[row + j] = (out[row + j] as number) + aip * (b[bRow + j] as number);
    }
  }
  return out;
}

/** a·b into a new array: a is (m, k), b is (k, n); the result (m, n). */
export function product(a: Float32Array, b: Float32Array, m: number, k: number, n: number) {
  return naiveMatmul(a, b, new Float32Array(m * n), m, k, n);
}

/** aᵀ: a is (rows, cols), the result (cols, rows). */
export function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j] as number;
  }
  return out;
}
