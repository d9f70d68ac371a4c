import type { Lang } from '@initscope/report';

/** Where the HTML report goes when `--out` is not given. */
export const defaultOut = 'initscope-report.html';

/** Where the phase page goes when `--out` is not given. */
export const defaultPhaseOut = 'initscope-phase.html';

/** Where `initscope explore` writes its page by default. */
export const defaultExploreOut = 'initscope-explore.html';

/** The sweep options of `initscope run`, as commander hands them over (numbers still as typed). */
export interface SweepFlags {
  activations?: string;
  inits?: string;
  layers?: string;
  width?: string;
  samples?: string;
  bins?: string;
  seed?: string;
  seeds?: string;
  range?: string;
  widths?: string;
  biasStd?: string;
  gradients?: boolean;
  theory?: boolean;
}

/** The options of `initscope run`: the sweep's, then where and how to write. */
export interface RunFlags extends SweepFlags {
  out: string;
  json?: string;
  quiet?: boolean;
  lang: Lang;
  book?: boolean;
  logCounts?: boolean;
  /** Worker threads (`--threads`); default: the machine's available parallelism. */
  threads?: string;
  /** `--shard i/n`: run only that slice of the (configuration × seed) units, JSON only. */
  shard?: string;
}

/** The options of `initscope phase`, as commander hands them over. */
export interface PhaseFlags {
  activation: string;
  inits?: string;
  width?: string;
  biasStd?: string;
  out: string;
  json?: string;
  lang: Lang;
  quiet?: boolean;
  /** Worker threads (`--threads`); default: the machine's available parallelism. */
  threads?: string;
}

/** The options of `initscope merge`. */
export interface MergeFlags {
  out: string;
  json?: string;
  quiet?: boolean;
  lang: Lang;
  book?: boolean;
  logCounts?: boolean;
}

/** Where the training page goes when `--out` is not given. */
export const defaultTrainOut = 'initscope-train.html';

/** The options of `initscope train`, as commander hands them over (numbers still as typed). */
export interface TrainFlags {
  widths?: string;
  activation?: string;
  inits?: string;
  optimizer?: string;
  lr?: string;
  batch?: string;
  iterations?: string;
  seed?: string;
  /** `--seeds K`: train each initializer for seeds seed … seed+K−1 and add loss and accuracy bands. */
  seeds?: string;
  evalEvery?: string;
  checkpoints?: string;
  data?: string;
  /** Worker threads (`--threads`); default: the machine's available parallelism. */
  threads?: string;
  out: string;
  json?: string;
  lang: 'en' | 'ja';
  quiet?: boolean;
}

/** The flag each sweep option of `initscope run` is typed as, for error messages. */
export const runFlagOf: Readonly<Record<string, string>> = {
  activations: '--activations',
  inits: '--inits',
  layers: '--layers',
  width: '--width',
  samples: '--samples',
  bins: '--bins',
  seed: '--seed',
  seeds: '--seeds',
  range: '--range',
  widths: '--widths',
  biasStd: '--bias-std',
  gradients: '--gradients',
};

/** The flag each option of `initscope phase` is typed as, for error messages. */
export const phaseFlagOf: Readonly<Record<string, string>> = {
  activation: '--activation',
  inits: '--inits',
  width: '--width',
  biasStd: '--bias-std',
};

/** Where a command prints, and the signal that stops it; tests pass their own. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  signal?: AbortSignal;
  /**
   * Progress as plain lines on stderr when it is not a terminal (`INITSCOPE_PROGRESS=lines`), for
   * logs and for tests that wait for a run to be under way. @default false: a bar on a terminal only
   */
  progressLines?: boolean;
}

/** Where commander prints help, the version and its own one-line errors. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/** The handlers of the subcommands. */
export interface Commands {
  run(flags: RunFlags): Promise<void>;
  phase(flags: PhaseFlags): Promise<void>;
  explore(flags: ExploreFlags): Promise<void>;
  merge(files: string[], flags: MergeFlags): Promise<void>;
  train(flags: TrainFlags): Promise<void>;
}

/** The flags of `initscope explore`. */
export interface ExploreFlags {
  out: string;
  lang: Lang;
  serve?: boolean;
  port?: string;
  quiet?: boolean;
}
