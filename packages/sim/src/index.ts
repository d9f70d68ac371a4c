export type { Activation, ActivationInfo } from './activations.js';
export { activationInfo, activations, histogramRange, isActivation } from './activations.js';
export { closest, unknownChoiceMessage } from './choices.js';
export type {
  FieldLabel,
  ResolvedSweepConfig,
  RunOptions,
  SweepOptions,
} from './config.js';
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
  wasmAddressableBytes,
} from './config.js';
export type {
  Distribution,
  FanMode,
  Initializer,
  InitPreset,
  VarianceScalingOptions,
} from './initializers.js';
export {
  bookInits,
  fixedNormal,
  InitError,
  initForms,
  initPresets,
  parseInit,
  varianceScaling,
} from './initializers.js';
export type {
  Histogram,
  LayerStats,
  Results,
  ResultsConfig,
  RunResult,
  RunState,
} from './results.js';
export type { SimulateHooks } from './simulate.js';
export { getCore, inputStream, simulate, sweep } from './simulate.js';
export { histogramEdges, layerStats } from './stats.js';
export { version } from './version.js';
