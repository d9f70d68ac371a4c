export type {
  Interval,
  TheoryActivation,
  TheoryActivationInfo,
} from './activations.js';
export {
  eluAlpha,
  isTheoryActivation,
  leakyReluSlope,
  seluAlpha,
  seluLambda,
  theoryActivation,
  theoryActivationInfo,
  theoryActivations,
} from './activations.js';
export type { GaussianOptions } from './gaussian.js';
export {
  activationBreakpoints,
  bivariateExpectation,
  gaussianExpectation,
  gaussianQuadrature,
  zMax,
} from './gaussian.js';
export type { ExpectedHistogram } from './histogram.js';
export { expectedHistogram } from './histogram.js';
export type {
  LayerPrediction,
  MeanFieldOptions,
  MeanFieldResult,
  PostActivation,
} from './meanfield.js';
export { defaultQ0, meanField, postActivation, sigmaW2For } from './meanfield.js';
export { erf, erfc, erfSeriesLimit, normalCdf, normalMass, normalPdf } from './normal.js';
export type {
  EdgePoint,
  MeanFieldPhase,
  PhaseDiagramResult,
  PhaseGrid,
  PhaseResult,
} from './phase.js';
export {
  chi1At,
  correlationTolerance,
  criticalTolerance,
  defaultGridSize,
  defaultPhaseGrid,
  defaultSigmaB2Range,
  defaultSigmaW2Ranges,
  edgeOfChaos,
  fixedPoint,
  linspace,
  phase,
  phaseDiagram,
  phaseOf,
  qInfinity,
  qZero,
} from './phase.js';
export type { IntegrateOptions, KronrodRule, Quadrature, QuadratureRule } from './quadrature.js';
export {
  cancellationTol,
  defaultRelTol,
  gaussKronrod,
  gaussLegendre,
  gaussPoints,
  integrate,
  maxIntervals,
} from './quadrature.js';
export { brent, defaultRootRelTol } from './roots.js';
