// The contract between the AssemblyScript module (assembly/index.ts) and the TS wrapper.
// Pointers and sizes are byte addresses / element counts; kernels validate nothing.

import type { WasmMemory } from './wasm-types.js';
/** Pass modes of `passBegin`, as in `assembly/pass.ts`. */
export const passModes = { moments: 1, histogram: 2 } as const;

/** The f64 values `moments` writes, in order. */
export const momentsResult = [
  'count',
  'finite',
  'sum',
  'min',
  'max',
  'zeros',
  'nonFinite',
] as const;

/** The f64 values `passEnd` writes, in order (below and above are 0 without a histogram). */
export const passResult = [...momentsResult, 'sumSqDev', 'below', 'above', 'saturated'] as const;

/** The f64 values `histogram` writes, in order. */
export const histogramResult = ['below', 'above', 'sumSqDev'] as const;

/** The f64 values `histogramCounts` writes, in order. */
export const countsResult = ['below', 'above'] as const;

/** The longest result a kernel writes, in f64 values. */
export const maxResultLength = passResult.length;

/** What `build/release.wasm` exports. */
export interface CoreExports {
  readonly memory: WasmMemory;
  /** Run once after instantiation (asc `exportStart`). */
  readonly _initialize?: () => void;
  /** First free byte above static data. */
  heapBase(): number;
  /** Bytes of scratch the matmul kernels need. */
  matmulScratchBytes(): number;
  /**
   * out (m, n) = act(f32(scale·(A · B))), statistics into an open pass: A is a (m, k) or, transA = 1,
   * aᵀ with a (k, m), a's row stride lda (k, or m with transA; larger for a slice of a wider a);
   * B is b (k, n) or, transB = 1, bᵀ with b (n, k). kind LINEAR, scale 1: A · B. packed: 0, or
   * all of B packed ahead by packBlocks (gemm then reads B there).
   */
  gemm(
    a: number,
    b: number,
    out: number,
    m: number,
    k: number,
    n: number,
    transA: number,
    transB: number,
    kind: number,
    scale: number,
    alpha: number,
    scratch: number,
    lda: number,
    packed: number,
  ): void;
  /** Bytes of all of B (k, n) packed ahead for gemm (packBlocks). */
  packedBBytes(k: number, n: number): number;
  /** Packs all of B (b (k, n), or bᵀ with b (n, k) when transB = 1) into packed, gemm's blocks in its order. */
  packBlocks(b: number, packed: number, k: number, n: number, transB: number): void;
  /**
   * Measures gemm's finished out (m, n), contraction length k, into the open pass in the order
   * gemm's fused epilogue does (the same f64 sums), writing nothing.
   */
  measureStrips(out: number, m: number, k: number, n: number): void;
  /** out[i] = act(f32(scale·x[i])), i < n, statistics into an open pass. */
  activate(kind: number, x: number, out: number, n: number, scale: number, alpha: number): void;
  /** out[i] = act′(a[i]), i < n. */
  derivative(kind: number, a: number, out: number, n: number, alpha: number): void;
  /** out[i] = act′(a[i])·g[i], i < n. */
  backward(kind: number, a: number, g: number, out: number, n: number, alpha: number): void;
  /** Opens a statistics pass (mode 1 moments, 2 histogram on [lo, hi] with bins into counts). */
  passBegin(mode: number, lo: number, hi: number, bins: number, counts: number): void;
  /** Counts, in the open pass, the finite outputs x ≤ lo or x ≥ hi (f32 thresholds; NaN counts none). */
  passSaturation(lo: number, hi: number): void;
  /** Closes the pass: out is `passResultLength` f64; the counts area's first `bins` u32 are the histogram. */
  passEnd(out: number): void;
  /** out is (n) f32 normals for (seed, stream), times scale. */
  normal(out: number, n: number, seed: number, stream: number, scale: number): void;
  /** `normal` one pair at a time in scalar f64 (the specification its vector path is tested against, bit for bit). */
  normalScalar(out: number, n: number, seed: number, stream: number, scale: number): void;
  /** out is (n) f32 normals with |z| ≤ 2 for (seed, stream), times scale. */
  truncatedNormal(out: number, n: number, seed: number, stream: number, scale: number): void;
  /** out is (n) f32 uniforms f32(lo + (hi − lo)·u) for (seed, stream). */
  uniform(out: number, n: number, seed: number, stream: number, lo: number, hi: number): void;
  /** out is (n) raw u32 xoshiro128** outputs for (seed, stream). */
  uniformBits(out: number, n: number, seed: number, stream: number): void;
  /** out is 7 f64: count, finite, sum, min, max, zeros, nonFinite. */
  moments(x: number, n: number, out: number): void;
  /** Bytes of `counts` scratch a histogram of `bins` bins needs. */
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
  /** histogram without the sums: counts as histogram's; out is 2 f64: below, above. */
  histogramCounts(
    x: number,
    n: number,
    lo: number,
    hi: number,
    bins: number,
    counts: number,
    out: number,
  ): void;
  /** Σ x² over n f32 values, f64. */
  sumSquares(x: number, n: number): number;
  /** z (m, n) += bias (n) on every row, in place. */
  addBias(z: number, bias: number, m: number, n: number): void;
  /** sums (n) = column sums of d (m, n), f32 in row order. */
  columnSums(d: number, sums: number, m: number, n: number): void;
  /** Mean softmax cross-entropy of z (m, n) against labels (m f32 class indices); d (m, n) = (softmax − onehot)/m. */
  softmaxCrossEntropy(z: number, labels: number, d: number, m: number, n: number): number;
  /** w −= lr·g over len values. */
  sgd(w: number, g: number, len: number, lr: number): void;
  /** v = momentum·v − lr·g; w += v. */
  momentum(w: number, g: number, v: number, len: number, lr: number, momentum: number): void;
  /** h += g²; w −= lr·g/(√h + 1e-7). */
  adagrad(w: number, g: number, h: number, len: number, lr: number): void;
  /** m += (1 − β₁)(g − m); v += (1 − β₂)(g² − v); w −= lrT·m/(√v + 1e-7). */
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    len: number,
    lrT: number,
    beta1: number,
    beta2: number,
  ): void;
  /** out (m, n) = x (m, k) · w (k, n), skipping zero x values; list: scratch for k i32. */
  matmulSkipZeros(
    x: number,
    w: number,
    out: number,
    m: number,
    k: number,
    n: number,
    list: number,
  ): void;
  /** out (k, n) = xᵀ · d, x (m, k), d (m, n), skipping zero x values; list: scratch for m i32. */
  matmulTransASkipZeros(
    x: number,
    d: number,
    out: number,
    m: number,
    k: number,
    n: number,
    list: number,
  ): void;
}
