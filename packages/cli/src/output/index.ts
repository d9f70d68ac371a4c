export type { OutputKind } from './locate.js';
export { maxOutputLinks, outputKinds } from './locate.js';
export { OutputError, outputErrorExitCode } from './output-error.js';
export { removePending } from './replace.js';
export type { OutputTarget } from './target.js';
export { checkOutput, writesToStdout } from './target.js';
export type { OutputContent, OutputIO } from './write.js';
export { writeOutputs } from './write.js';
