import type { ActivationKernel } from '../activations.js';
import { checkLength } from '../checks.js';
import type { ActivationOptions } from '../options.js';
import { activate } from './activations.js';

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

/** a · bᵀ: a is (m, k), b is (n, k); out (m, n), each out[i][j] summed over p = 0, 1, … in f32 (bit-equal to the kernel). */
export function matmulTransB(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  checkLength('reference.matmulTransB', 'a', a.length, m * k, `m·k = ${m}·${k}`);
  checkLength('reference.matmulTransB', 'b', b.length, n * k, `n·k = ${n}·${k}`);
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) {
        acc = Math.fround(acc + Math.fround((a[i * k + p] as number) * (b[j * k + p] as number)));
      }
      out[i * n + j] = acc;
    }
  }
  return out;
}

/** aᵀ · b: a is (m, k), b is (m, n); out (k, n), each out[i][j] summed over the rows p = 0, 1, … of a and b in f32 (bit-equal to the kernel). */
export function matmulTransA(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float32Array {
  checkLength('reference.matmulTransA', 'a', a.length, m * k, `m·k = ${m}·${k}`);
  checkLength('reference.matmulTransA', 'b', b.length, m * n, `m·n = ${m}·${n}`);
  const out = new Float32Array(k * n);
  for (let p = 0; p < m; p++) {
    for (let i = 0; i < k; i++) {
      const api = a[p * k + i] as number;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        out[row + j] = (out[row + j] as number) + Math.fround(api * (b[p * n + j] as number));
      }
    }
  }
  return out;
}

/** activation(f32(scale·(x · w))): `matmul` then `activate` (bit-equal matmul; activation within EPS_F32). */
export function dense(
  x: Float32Array,
  w: Float32Array,
  m: number,
  k: number,
  n: number,
  activation: ActivationKernel,
  options?: number | ActivationOptions,
): Float32Array {
  return activate(activation, matmul(x, w, m, k, n), options);
}
