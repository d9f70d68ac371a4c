export { checkOutputPath, removePending, writeAtomic } from './files.js';
export { main } from './main.js';
export type { PhaseFlags } from './phase.js';
export { defaultPhaseOut, phaseCommand } from './phase.js';
export type { Commands, ProgramOutput, RunFlags } from './program.js';
export { createProgram, defaultOut, flagOf } from './program.js';
export type { RunIO } from './run.js';
export { runCommand } from './run.js';
export { interruptedExitCode, UsageError, usageExitCode } from './usage-error.js';
