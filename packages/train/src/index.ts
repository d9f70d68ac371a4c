// @initscope/train: MNIST-layout IDX data for training initscope's networks.

export { kaiser, smoothCurve } from '@initscope/results';
export type { BandedTrainRun, CurveBand, EvalBand, TrainBand, TrainSeedSummary } from './bands.js';
export { curveBand, trainBand, withTrainBands } from './bands.js';
export type { ResolvedTrainConfig, TrainInput } from './config.js';
export { maxTrainSeeds, resolveTrainConfig, TrainConfigError } from './config.js';
export type { Dataset, Split } from './dataset.js';
export { defaultClasses, splitFromIdx } from './dataset.js';
export type { ActivationDiagnosis, GradientDiagnosis, TrainDiagnosis } from './diagnosis.js';
export { diagnose } from './diagnosis.js';
export type { TrainDocument, TrainDocumentRun } from './document.js';
export { trainDocument } from './document.js';
export { bundledMnistDir, idxFileNames, type LoadOptions, loadIdxSet } from './files.js';
export type { IdxArray } from './idx.js';
export { DataError, idxUnsignedByte, parseIdx } from './idx.js';
export type { Outcome } from './outcome.js';
export { learnedAccuracy, notLearnedAccuracy, outcomeOf, outcomeThresholds } from './outcome.js';
export type { TrainEvalTask, TrainTask, TrainTaskHooks, TrainUnit } from './task.js';
export { sharedDataset, trainEvalTask, trainTask, trainUnits, unitConfig } from './task.js';
export type {
  CheckpointLayer,
  DeferredTrainRun,
  Optimizer,
  Snapshot,
  TrainConfig,
  TrainEval,
  TrainProgress,
  TrainRun,
  ValueStats,
} from './train.js';
export {
  batchIndices,
  batchStream,
  bookTrainConfig,
  evalChunk,
  evaluateSnapshots,
  initContext,
  optimizers,
  snapshotBytes,
  train,
  trainAccuracySubset,
  trainDeferred,
  withEvals,
} from './train.js';
