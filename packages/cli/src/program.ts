import { langs } from '@initscope/report';
import {
  activations,
  bookInits,
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultSeed,
  defaultWidth,
  initForms,
  version,
} from '@initscope/sim';
import { Command, Option } from 'commander';
import {
  type Commands,
  defaultExploreOut,
  defaultOut,
  defaultPhaseOut,
  defaultTrainOut,
  type ExploreFlags,
  type MergeFlags,
  type PhaseFlags,
  type ProgramOutput,
  type RunFlags,
  type TrainFlags,
} from './flags.js';

/**
 * Builds the `initscope` program; `commands` receive the parsed flags of each subcommand.
 * Errors throw a CommanderError instead of exiting, so the caller picks the exit code.
 */
export function createProgram(commands: Commands, output: ProgramOutput): Command {
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
      `comma-separated activations: ${activations.join(', ')}; leaky-relu:<α>, elu:<α> (default: sigmoid,relu,tanh)`,
    )
    .option(
      '-i, --inits <list>',
      `comma-separated initializers: ${initForms.join(', ')} (default: ${bookInits.join(',')})`,
    )
    .option('-l, --layers <n>', `hidden layers (default: ${defaultLayers})`)
    .option('-w, --width <n>', `nodes per layer and input features (default: ${defaultWidth})`)
    .option('-n, --samples <n>', `input rows drawn from N(0, 1) (default: ${defaultSamples})`)
    .option('-b, --bins <n>', `histogram bins (default: ${defaultBins})`)
    .option('-s, --seed <n>', `random seed, 0 to 4294967295 (default: ${defaultSeed})`)
    .option(
      '--seeds <k>',
      'run each configuration for seeds seed … seed+k−1 and add seed bands (mean, sd, min, max, histogram envelope) to every layer (default: 1)',
    )
    .option(
      '-r, --range <lo,hi>',
      'histogram range for every layer (default: sigmoid 0,1; tanh -1,1; relu 0,max)',
    )
    .option(
      '--widths <list>',
      "input features then each layer's width, e.g. 784,100,100,10 (overrides --layers, --width)",
    )
    .option('--bias-std <σ>', 'biases b ~ N(0, σ²) before each activation (default: 0, no bias)')
    .option(
      '--gradients',
      'also run the backward pass: per-layer gradient histograms and variances',
    )
    .option('--theory', 'also compute mean-field predictions: q, χ, expected histograms, phase')
    .option('-o, --out <file>', 'HTML report to write ("-" for standard output)', defaultOut)
    .option('-j, --json <file>', 'also write the results as JSON ("-" for standard output)')
    .addOption(
      new Option('--lang <lang>', 'report and summary language').choices(langs).default('en'),
    )
    .option('--book', "the book's exact plot: range 0,1 and 30 bins, with a note of what it hides")
    .option('--log-counts', 'histogram counts on a log scale')
    .option(
      '-t, --threads <n>',
      'worker threads, each with its own WASM instance; 1 computes in this thread (default: all cores); the JSON is the same for any value',
    )
    .option(
      '--shard <i/n>',
      'run only shard i of n (a fixed slice of configurations × seeds) and write its runs to --json, for `initscope merge`',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: RunFlags) => commands.run(flags));
  program
    .command('phase')
    .description(
      'Draw the mean-field phase diagram of one activation: χ₁ over (σ_w², σ_b²), the edge of chaos, and where your initializers sit.',
    )
    .requiredOption('-a, --activation <name>', `one activation: ${activations.join(', ')}`)
    .option(
      '-i, --inits <list>',
      `initializers to place on the diagram (default: ${bookInits.join(',')})`,
    )
    .option(
      '-w, --width <n>',
      `fan-in that turns std:<σ> into σ_w² = width·σ² (default: ${defaultWidth})`,
    )
    .option('--bias-std <σ>', 'σ_b of the placed configurations (default: 0)')
    .option('-o, --out <file>', 'HTML page to write ("-" for standard output)', defaultPhaseOut)
    .option('-j, --json <file>', 'also write the diagram as JSON ("-" for standard output)')
    .addOption(new Option('--lang <lang>', 'page language').choices(langs).default('en'))
    .option(
      '-t, --threads <n>',
      'worker threads sharing the grid; 1 computes in this thread (default: all cores); the JSON is the same for any value',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: PhaseFlags) => commands.phase(flags));
  program
    .command('explore')
    .description(
      'Write the live explorer: one offline page where every control recomputes all layers in the browser (same WASM, same bytes as run --json).',
    )
    .option('-o, --out <file>', 'HTML page to write ("-" for standard output)', defaultExploreOut)
    .option('--serve', 'serve the page on http://127.0.0.1 instead of writing it (Ctrl-C stops)')
    .option('--port <n>', 'port for --serve (default: 8080; 0 picks a free one)')
    .addOption(new Option('--lang <lang>', 'page language').choices(langs).default('en'))
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: ExploreFlags) => commands.explore(flags));
  program
    .command('merge')
    .description(
      'Join the shard files of one sweep (`run --shard i/n --json f`) into the results and report of the unsharded run.',
    )
    .argument('<shards...>', 'every shard file of the sweep, in any order')
    .option('-o, --out <file>', 'HTML report to write ("-" for standard output)', defaultOut)
    .option('-j, --json <file>', 'also write the results as JSON ("-" for standard output)')
    .addOption(
      new Option('--lang <lang>', 'report and summary language').choices(langs).default('en'),
    )
    .option('--book', "the book's exact plot: range 0,1 and 30 bins, with a note of what it hides")
    .option('--log-counts', 'histogram counts on a log scale')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (files: string[], flags: MergeFlags) => commands.merge(files, flags));
  program
    .command('train')
    .description(
      "Train on MNIST (the book's fig. 6-15 by default) once per initializer and put each outcome beside its diagnosis at init.",
    )
    .option(
      '--widths <list>',
      'input size, hidden widths, classes (default: 784,100,100,100,100,10)',
    )
    .option(
      '--activation <name>',
      `hidden activation: ${activations.join(', ')}; leaky-relu:<α>, elu:<α> (default: relu)`,
    )
    .option('--inits <list>', `initializers: ${initForms.join(', ')} (default: std:0.01,xavier,he)`)
    .option('--optimizer <name>', 'sgd, momentum, adagrad or adam (default: sgd)')
    .option('--lr <rate>', "learning rate (default: the optimizer's book default; sgd 0.01)")
    .option('--batch <n>', 'mini-batch size (default: 128)')
    .option('--iterations <n>', 'updates per initializer (default: 2000)')
    .option('--seed <n>', 'random seed for weights and batches (default: 1)')
    .option(
      '--seeds <k>',
      'train each initializer for seeds seed … seed+k−1 and add loss and accuracy bands over them (default: 1)',
    )
    .option('--eval-every <n>', 'iterations between evaluations (default: 100)')
    .option(
      '--checkpoints <list>',
      'iterations with per-layer statistics (default: 0,10,100,1000,2000)',
    )
    .option('--data <dir>', 'another IDX set of the MNIST layout (default: bundled MNIST)')
    .option(
      '-o, --out <file>',
      'HTML training page to write ("-" for standard output)',
      defaultTrainOut,
    )
    .option('-j, --json <file>', 'also write the results as JSON ("-" for standard output)')
    .addOption(new Option('--lang <lang>', 'page language').choices(langs).default('en'))
    .option(
      '-t, --threads <n>',
      'worker threads, one training run (initializer × seed) at a time each, with its own WASM instance; 1 trains in this thread (default: all cores); the JSON is the same for any value',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: TrainFlags) => commands.train(flags));
  return program;
}
