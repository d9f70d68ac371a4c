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
  initPresets,
  parseInit,
  varianceScaling,
  weightSecondMoment,
} from './initializers.js';
export { runMemory } from './memory.js';
export type { PhaseTask } from './phase-diagram.js';
export { phaseDiagramDocument, phaseGridOf, phaseTask } from './phase-diagram.js';
export type { PhaseOptions, ResolvedPhaseOptions } from './phase-options.js';
export { resolvePhaseOptions } from './phase-options.js';
export { layerQuantiles, quantilesFromCounts } from './quantiles.js';
export { layerBand, quantileSorted, seedSummary, withSeedBands } from './seed-bands.js';
export type { SimulateHooks } from './simulate.js';
export {
  getCore,
  simulate,
  sweep,
  sweepResults,
  sweepRunCount,
  sweepRuns,
  sweepUnitCount,
  sweepUnits,
} from './simulate.js';
export { weightStream } from './streams.js';
export type { SweepTask } from './sweep-task.js';
export { productThreadsFor, sweepTask, threadedProductMinMacs } from './sweep-task.js';
export { meanField, sigmaW2For } from './theory/meanfield.js';
export type { MeanFieldPhase, PhaseRow } from './theory/phase.js';
export { criticalTolerance, phase } from './theory/phase.js';
export {
  activationVerdict,
  collapseGrowth,
  collapseSpread,
  deadZeroFraction,
  driftFactor,
  explodingGrowth,
  explodingRatio,
  gradientVerdict,
  runVerdict,
  saturationThreshold,
  vanishingRatio,
  verdictThresholds,
} from './verdict.js';
export { version } from './version.js';
export { drawWeights } from './weights.js';
