import { langs } from '@initscope/report';
import {
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultSeed,
  defaultWidth,
  version,
} from '@initscope/sim';
import { Command, Option } from 'commander';

/** Where the HTML report goes when `--out` is not given. */
export const defaultOut = 'initscope-report.html';

/** The options of `initscope run`, as commander hands them over (numbers still as typed). */
export interface RunFlags {
  activations?: string;
  inits?: string;
  layers?: string;
  width?: string;
  samples?: string;
  bins?: string;
  seed?: string;
  range?: string;
  out: string;
  json?: string;
  quiet?: boolean;
  lang: 'en' | 'ja';
  book?: boolean;
  logCounts?: boolean;
}

/** The flag each sweep option is typed as, for error messages. */
export const flagOf: Readonly<Record<string, string>> = {
  activations: '--activations',
  inits: '--inits',
  layers: '--layers',
  width: '--width',
  samples: '--samples',
  bins: '--bins',
  seed: '--seed',
  range: '--range',
};

/** Where commander prints help, the version and its own one-line errors. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/**
 * Builds the `initscope` program; `onRun` receives the parsed flags of `initscope run`.
 * Errors throw a CommanderError instead of exiting, so the caller picks the exit code.
 */
export function createProgram(
  onRun: (flags: RunFlags) => Promise<void>,
  output: ProgramOutput,
): Command {
  // Settings made before `.command()` are inherited by the subcommand.
  const program = new Command('initscope')
    .exitOverride()
    .configureOutput(output)
    .description('See what weight initialization does to every hidden layer of a deep network.')
    .version(version, '-v, --version')
    .showSuggestionAfterError(true);
  program
    .command('run')
    .description(
      'Push random data through a deep network for each activation × initializer and write an offline HTML report.',
    )
    .option(
      '-a, --activations <list>',
      'comma-separated activations: sigmoid, relu, tanh (default: all)',
    )
    .option(
      '-i, --inits <list>',
      'comma-separated initializers: std:<σ>, xavier, he, lecun, glorot-normal (default: std:1,std:0.01,xavier,he)',
    )
    .option('-l, --layers <n>', `hidden layers (default: ${defaultLayers})`)
    .option('-w, --width <n>', `nodes per layer and input features (default: ${defaultWidth})`)
    .option('-n, --samples <n>', `input rows drawn from N(0, 1) (default: ${defaultSamples})`)
    .option('-b, --bins <n>', `histogram bins (default: ${defaultBins})`)
    .option('-s, --seed <n>', `random seed, 0 to 4294967295 (default: ${defaultSeed})`)
    .option(
      '-r, --range <lo,hi>',
      'histogram range for every layer (default: sigmoid 0,1; tanh -1,1; relu 0,max)',
    )
    .option('-o, --out <file>', 'HTML report to write', defaultOut)
    .option('-j, --json <file>', 'also write the results as JSON ("-" for standard output)')
    .addOption(
      new Option('--lang <lang>', 'report and summary language').choices(langs).default('en'),
    )
    .option('--book', "the book's exact plot: range 0,1 and 30 bins, with a note of what it hides")
    .option('--log-counts', 'histogram counts on a log scale')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: RunFlags) => onRun(flags));
  return program;
}
