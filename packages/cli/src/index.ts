export { checkOutputPath, removePending, writeAtomic } from './files.js';
export type {
  CommandIO,
  Commands,
  PhaseFlags,
  ProgramOutput,
  RunFlags,
  SweepFlags,
} from './flags.js';
export { defaultOut, defaultPhaseOut, phaseFlagOf, runFlagOf } from './flags.js';
export { main } from './main.js';
export type { OutputContent, OutputIO, OutputKind, OutputTarget } from './output/index.js';
export {
  checkOutput,
  OutputError,
  outputErrorExitCode,
  outputKinds,
  writeOutputs,
  writesToStdout,
} from './output/index.js';
export { phaseCommand } from './phase.js';
export type { PoolHooks, WorkerPool } from './pool.js';
export { openPool, runPool } from './pool.js';
export { createProgram } from './program.js';
export { runCommand, seedTasksPerThread, sweepTasks, sweepWorkers } from './run.js';
export { trainOnOpenPool } from './train.js';
export { interruptedExitCode, UsageError, usageExitCode } from './usage-error.js';
