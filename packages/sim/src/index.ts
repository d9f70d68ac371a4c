export type { Activation, ActivationInfo, ActivationSpec, RangeBound } from './activations.js';
export {
  activationInfo,
  activations,
  bookActivations,
  histogramRange,
  isActivation,
  parseActivation,
} from './activations.js';
export { closest, unknownChoiceMessage } from './choices.js';
export type { FieldLabel, ResolvedSweepConfig, RunOptions, SweepOptions } from './config.js';
export {
  ConfigError,
  checkMemory,
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultSeed,
  defaultWidth,
  estimateRunBytes,
  limits,
  maxSeed,
  resolveSweepConfig,
  runBuffers,
  wasmAddressableBytes,
  wasmUsableBytes,
} from './config.js';
export type {
  Distribution,
  FanMode,
  InitContext,
  Initializer,
  InitPreset,
  VarianceScalingOptions,
  WeightDraw,
} from './initializers.js';
export {
  bookInits,
  calculateGain,
  InitError,
  initForms,
  initPresets,
  parseInit,
  truncatedNormalStd,
  varianceScaling,
  weightSecondMoment,
} from './initializers.js';
export { orthogonalWeights, orthonormalColumns } from './orthogonal.js';
export type { PhaseDiagramOptions } from './phase-diagram.js';
export { phaseDiagramDocument } from './phase-diagram.js';
export type {
  Histogram,
  LayerGradients,
  LayerStats,
  LayerTheory,
  Phase,
  PhaseDiagram,
  Results,
  ResultsConfig,
  RunResult,
  RunState,
  RunTheory,
} from './results.js';
export { runTheory } from './run-theory.js';
export type { SimulateHooks } from './simulate.js';
export { getCore, simulate, sweep } from './simulate.js';
export type { RangeChooser } from './stats.js';
export { gradientRange, histogramEdges, layerStats } from './stats.js';
export {
  biasStream,
  biasStreamOffset,
  inputStream,
  topGradientStream,
  weightStream,
} from './streams.js';
export * from './theory/index.js';
export { version } from './version.js';
export { drawWeights, sampleWeights } from './weights.js';
export { prefix, sharedBudget, sharedLimit, Workspace } from './workspace.js';
