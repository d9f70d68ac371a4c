export type { Histogram } from './histogram.js';
export type { LayerGradients } from './layer-gradients.js';
export type { LayerStats } from './layer-stats.js';
export type { LayerTheory } from './layer-theory.js';
export type { Phase } from './phase.js';
export { phases } from './phase.js';
export type { PhaseDiagram } from './phase-diagram.js';
export { phaseDiagramSchema } from './phase-diagram.js';
export { quantileBins, quantileLevels } from './quantile-levels.js';
export type { Results } from './results.js';
export { resultsSchema } from './results.js';
export type { ResultsConfig } from './results-config.js';
export type { CompletedRun, ErroredRun, RunResult, RunState } from './run-result.js';
export { runStates } from './run-result.js';
export type { RunTheory } from './run-theory.js';
export type { SeedBand, SeedSummary } from './seed-band.js';
export { kaiser, smoothCurve } from './smooth-curve.js';
export type { TrainBand, Training, TrainOutcome } from './training.js';
export {
  outcomeThresholdsSchema,
  trainBandSchema,
  trainingSchema,
  trainOutcomeSchema,
  trainOutcomes,
} from './training.js';
export type { ValidateOptions, Validation } from './validate.js';
export {
  maxErrors,
  validatePhaseDiagram,
  validateResults,
  validateTraining,
} from './validate.js';
export type {
  ActivationVerdict,
  ActivationVerdictCode,
  GradientVerdict,
  GradientVerdictCode,
  RunVerdict,
  VerdictThresholds,
} from './verdict.js';
export { activationVerdicts, gradientSources, gradientVerdicts } from './verdict.js';
