export type {
  LayerStats,
  PhaseDiagram,
  Results,
  RunResult,
} from '@initscope/results';
export type { ActivationFacts } from './activation-registry.js';
export { activationFacts } from './activation-registry.js';
export type { Activation, ActivationSpec } from './activations.js';
export { activations, bookActivations, parseActivation } from './activations.js';
export { unknownChoiceMessage } from './choices.js';
export type { ResolvedSweepConfig, RunOptions, SweepOptions } from './config.js';
export { resolveSweepConfig } from './config.js';
export {
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultSeed,
  defaultWidth,
} from './defaults.js';
export { ConfigError } from './fields.js';
export { histogramRange } from './histogram-range.js';
export type { Initializer } from './initializers.js';
export {
  bookInits,
  initForms,
  parseInit,
  varianceScaling,
  weightSecondMoment,
} from './initializers.js';
export { runMemory } from './memory.js';
export { phaseDiagramDocument } from './phase-diagram.js';
export type { PhaseOptions, ResolvedPhaseOptions } from './phase-options.js';
export { resolvePhaseOptions } from './phase-options.js';
export type { SimulateHooks } from './simulate.js';
export { getCore, simulate, sweep } from './simulate.js';
export { weightStream } from './streams.js';
export { meanField, sigmaW2For } from './theory/meanfield.js';
export { version } from './version.js';
export { drawWeights } from './weights.js';
