/**
 * Every engine a suite can time: initscope and its peers. `numpy` is the book's own code where the
 * book has one (the sweep: float64, `np.histogram`); `numpy-f32` is NumPy as an expert writes it
 * for speed (float32, buffers allocated once, `out=` ufuncs, `np.matmul(..., out=)`, a bincount
 * histogram). `tfjs-wasm-customgrad` is the train suite's second tf.js variant: its products' gradients
 * are a `tf.customGrad` with explicit transposes (see engines/tfjs-train.ts).
 */
export const engineNames = [
  'initscope',
  'naive-js',
  'tfjs-cpu',
  'tfjs-wasm',
  'tfjs-wasm-customgrad',
  'numpy',
  'numpy-f32',
] as const;

/** An engine's name as it appears in results. */
export type EngineName = (typeof engineNames)[number];

/** The engine every ratio is computed against. */
export const baselineEngine: EngineName = 'initscope';

/** The peers: every engine but initscope. */
export const peerEngines = engineNames.filter((e) => e !== baselineEngine);

/**
 * One operation with its inputs already in place (WASM memory, tensors, typed arrays), ready to
 * be run: once for validation, then many times under the timer.
 */
export interface Prepared<T> {
  /** Does the work once; this call is what gets timed. */
  run(): void | Promise<void>;
  /** What the last run produced, copied out where needed, for validation. */
  output(): T;
  /** Frees what preparing allocated. */
  dispose(): void;
}

/** A matmul case's inputs: a is (m, k), b is (k, n), row-major f32. */
export interface MatmulInputs {
  a: Float32Array;
  b: Float32Array;
  m: number;
  k: number;
  n: number;
}

/**
 * What a timed matmul run includes. `kernel`: the product, left in the engine's own memory.
 * `readback`: the product and its values in a JavaScript Float32Array, obtained the way the
 * engine's API offers (initscope copies into a caller's array; tfjs' dataSync returns a new one;
 * naive-js computes in one already).
 */
export type MatmulDelivery = 'kernel' | 'readback';

/** A histogram case's inputs: `bins` equal bins on [lo, hi]. */
export interface HistogramInputs {
  values: Float32Array;
  lo: number;
  hi: number;
  bins: number;
}
