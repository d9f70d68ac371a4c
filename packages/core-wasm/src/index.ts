// @initscope/core-wasm: the WASM kernels behind a checked wrapper (`loadCore` → `Core`), the
// activation registry, and the plain-TS references (`reference`, erf/Φ).

export type { ActivationDef, ActivationKernel } from './activations.js';
export {
  activationAlphas,
  activationKernels,
  activationRegistry,
  defaultEluAlpha,
  defaultLeakyReluAlpha,
  seluAlpha,
  seluLambda,
} from './activations.js';
export type { F32Block } from './block.js';
export { Core } from './core.js';
export { allocAlign } from './heap.js';
export { defaultNormalScale, defaultUniformRange } from './kernels/random.js';
export { adamStepSize, optimizerDefaults } from './kernels/train.js';
export { maxBins, maxBlockLength } from './limits.js';
export type { LoadOptions } from './load.js';
export { loadCore } from './load.js';
export type { ActivationOptions, DerivativeOptions, PassOptions } from './options.js';
export { defaultScale } from './options.js';
export { reference } from './reference/index.js';
export {
  erf,
  erfc,
  erfSeriesLimit,
  normalCdf,
  normalMass,
  normalPdf,
} from './reference/normal.js';
export { Xoshiro128 } from './reference/rng.js';
export type {
  HistogramCounts,
  HistogramPass,
  HistogramRange,
  LayerPass,
  Moments,
  SaturationBounds,
  StatsRequest,
} from './stats.js';
export { passSumTolerance, saturationMargin, saturationThresholds } from './stats.js';
export type { ThreadedOptions } from './threaded.js';
export {
  createThreadedCore,
  defaultMaximumMemory,
  defaultThreads,
  maxThreads,
  ThreadedCore,
} from './threaded.js';
export { helperScratchBytes, packedWeightsBytes } from './threaded-memory.js';
export type { WasmBytes, WasmInstance, WasmMemory, WasmModule } from './wasm-types.js';
