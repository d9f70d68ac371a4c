export type { BookSweep, SweepCounts, SweepWork } from './book.js';
export {
  bookSweep,
  independentSweepCounts,
  peerSweepCounts,
  sharedSweepCounts,
  sweepWork,
} from './book.js';
export type { IntervalOptions } from './bootstrap.js';
export {
  bootstrapMedians,
  defaultReplicates,
  intervalConfidence,
  intervalOfReplicates,
  medianOfSorted,
  quantileOfSorted,
  ratioInterval,
  seedOf,
} from './bootstrap.js';
export type {
  EngineName,
  HistogramInputs,
  MatmulDelivery,
  MatmulInputs,
  Prepared,
} from './engine.js';
export { baselineEngine, engineNames, peerEngines } from './engine.js';
export type { Machine } from './machine.js';
export { checkedRows, checkMatmul, F32_UNIT_ROUNDOFF, matmulTolerance } from './matmul-check.js';
export type { FirstRun, Timing } from './measure.js';
export { runOnce, timeRuns } from './measure.js';
export type { BlasFacts, NumpyFacts } from './numpy-facts.js';
export { describeNumpy, parseBlasFacts } from './numpy-facts.js';
export { renderBenchPage, writeBenchPage } from './page.js';
export type { Ratio } from './ratios.js';
export {
  formatInterval,
  formatSpeedup,
  headlineRatio,
  intervalNote,
  minIntervalSamples,
  ratioLabel,
  ratios,
} from './ratios.js';
export {
  performanceEnd,
  performanceSection,
  performanceStart,
  replacePerformanceSection,
} from './readme-section.js';
export type {
  BenchCase,
  BenchResult,
  MatmulSuite,
  Peers,
  ResultsDocument,
  Skip,
  SuiteName,
} from './results.js';
export {
  defaultResultsDir,
  erroredResult,
  isMatmulSuite,
  matmulSuites,
  suiteNames,
  timedResult,
  writeResults,
} from './results.js';
export type { RunOptions } from './run.js';
export { runBenchmarks, suites } from './run.js';
export type { BenchMode, BenchSettings } from './settings.js';
export { benchSeed, benchSettings, fullSettings, naiveMaxFlop, quickSettings } from './settings.js';
export type { Log, SuiteContext, SuiteOutput } from './suite.js';
export { checkSweep, checkSweepShape, histogramDistance } from './sweep-check.js';
export { formatTable } from './table.js';
export { keepSamples, samplesOf } from './timing-samples.js';
export { ValidationError } from './validation-error.js';
