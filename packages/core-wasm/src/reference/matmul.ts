import { checkLength } from '../checks.js';

/**
 * Naive f32 matmul in i-k-j order: out[i][j] = fround(out[i][j] + fround(a[i][p]·b[p][j])) for
 * p = 0, 1, …, starting from +0. The WASM kernel sums in the same order, so results are bit-equal.
 */
export function matmul(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  // a is (m, k), b is (k, n); out is (m, n)
  checkLength('reference.matmul', 'a', a.length, m * k, `m·k = ${m}·${k}`);
  checkLength('reference.matmul', 'b', b.length, k * n, `k·n = ${k}·${n}`);
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      const brow = p * n;
      for (let j = 0; j < n; j++) {
        out[row + j] = (out[row + j] as number) + Math.fround(aip * (b[brow + j] as number));
      }
    }
  }
  return out;
}
