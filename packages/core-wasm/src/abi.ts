// The contract between the AssemblyScript module (assembly/index.ts) and the TS wrapper.
// Pointers and sizes are byte addresses / element counts; kernels validate nothing.

import type { ActivationKernel } from './activations.js';

/** Kernel code of each activation, as in `assembly/activations.ts`. */
export const activationCodes: Readonly<Record<ActivationKernel, number>> = {
  linear: 0,
  sigmoid: 1,
  tanh: 2,
  relu: 3,
};

/** What `build/release.wasm` exports. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  /** Run once after instantiation (asc `exportStart`). */
  readonly _initialize?: () => void;
  /** First free byte above static data. */
  heapBase(): number;
  /** Bytes of scratch `matmul`/`dense` need. */
  matmulScratchBytes(): number;
  /** out = a · b; a is (m, k), b is (k, n); out is (m, n). */
  matmul(a: number, b: number, out: number, m: number, k: number, n: number, scratch: number): void;
  /** out = act(a · b). */
  dense(
    a: number,
    b: number,
    out: number,
    m: number,
    k: number,
    n: number,
    kind: number,
    scratch: number,
  ): void;
  /** out[i] = act(x[i]), i < n. */
  activate(kind: number, x: number, out: number, n: number): void;
  /** out is (n) f32 normals for (seed, stream), times scale. */
  normal(out: number, n: number, seed: number, stream: number, scale: number): void;
  /** out is (n) raw u32 xoshiro128** outputs for (seed, stream). */
  uniformBits(out: number, n: number, seed: number, stream: number): void;
  /** out is 7 f64: count, finite, sum, min, max, zeros, nonFinite. */
  moments(x: number, n: number, out: number): void;
  /** Bytes of `counts` scratch `histogram` needs for `bins` bins. */
  histogramScratchBytes(bins: number): number;
  /** counts holds histogramScratchBytes(bins), its first `bins` u32 are the counts; out is 3 f64: below, above, sumSqDev. */
  histogram(
    x: number,
    n: number,
    lo: number,
    hi: number,
    bins: number,
    center: number,
    counts: number,
    out: number,
  ): void;
}
