import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  bundledMnistDir,
  type Dataset,
  loadIdxSet,
  type TrainConfig,
  trainAccuracySubset,
} from '@initscope/train';
import type { EngineName } from '../engine.js';
import * as initscope from '../engines/initscope.js';
import {
  type NumpyReport,
  numpyAvailability,
  numpyCase,
  numpyFacts,
  numpyTiming,
  pythonCommand,
  runNumpy,
  timingOf,
  withScratch,
} from '../engines/numpy.js';
import { tfjsVersion } from '../engines/tfjs.js';
import * as tfjsTrain from '../engines/tfjs-train.js';
import { type BenchCase, type BenchResult, erroredResult, timedResult } from '../results.js';
import { wanted } from '../settings.js';
import { emptyOutput, type SuiteContext, type SuiteOutput } from '../suite.js';
import {
  benchTrainConfig,
  checkTrainRuns,
  checkTrainShape,
  flopText,
  type TrainInputs,
  type TrainOutcome,
  trainInputs,
  trainIterations,
  trainIterationsEnv,
  trainWork,
  zeroFraction,
} from '../train-book.js';
import { pairedTrial, progressLine, type TrialSide, trial } from '../trial.js';
import { ValidationError } from '../validation-error.js';
import { allCores } from './sweep.js';

/** The cases: `book`, the book's fig. 6-15 (3 initializers × 2000 iterations) with initscope's evaluation. */
export const trainCases = ['book'] as const;

/** Engines of the train suite, in the order they run (initscope first: it is the reference). */
export const trainEngines = [
  'initscope',
  'tfjs-wasm',
  'tfjs-wasm-customgrad',
  'numpy',
] as const satisfies readonly EngineName[];

/** What one run of `train/book` computes on each engine. */
export function trainEngineWork(config: TrainConfig): Partial<Record<EngineName, string>> {
  const loop =
    `${config.inits.length} networks × ${config.iterations} SGD steps on the same batches and initial weights, ` +
    `each step's loss after the update, an evaluation every ${config.evalEvery} iterations`;
  return {
    initscope:
      `initscope train's train() with its defaults (${loop}; checkpoints ${config.checkpoints.join(', ')} too): ` +
      'core-wasm kernels in f32, the first layer skipping zero pixels in x·W and xᵀ·δ, bias, ' +
      'activation, softmax and update in WASM; on N threads, `initscope train --threads N`: each initializer ' +
      'trains on a worker with its evaluations deferred (weight snapshots), and the evaluations are spread ' +
      'over the workers as they free up (the same bits as 1 thread)',
    'tfjs-wasm': `${loop}: tf.variable, tf.train.sgd(lr).minimize(tf.losses.softmaxCrossEntropy), tf.js' own gradients (registered by @tensorflow/tfjs-layers); batch uploaded, loss read back each step`,
    'tfjs-wasm-customgrad': `${loop}: as tfjs-wasm, each layer's x·W a tf.customGrad whose gradients are matMul(dy, transpose(W)) and matMul(transpose(x), dy) (plain products after explicit transposes take XNNPACK's path)`,
    numpy: `${loop}: the book's code as printed (MultiLayerNet, Affine/Relu/SoftmaxWithLoss, SGD; float64 weights, float32 images), its network.accuracy and network.loss for the evaluation`,
  };
}

/** The napkin math of `train/book`. */
export function trainCaseWork(config: TrainConfig, data: Dataset): BenchCase {
  const w = trainWork(config, data);
  const zeros = zeroFraction(data.train.images);
  const { widths, batch, iterations } = config;
  const bytes = w.nets * iterations * batch * (widths[0] as number) * 4;
  return {
    suite: 'train',
    case: 'book',
    flop: w.flop,
    bytes,
    napkin:
      `${w.nets} nets × ${iterations} steps of ${widths.join('-')} on batches of ${batch} ` +
      `(2 forwards + backward) = ${flopText(w.trainFlop)}, plus ${w.evals} evaluations of ` +
      `${w.evalRows} images = ${flopText(w.evalFlop)} (dense count); ${(zeros * 100).toFixed(1)}% ` +
      `of the training pixels are exactly 0`,
    engines: trainEngineWork(config),
  };
}

/**
 * `train/book` on every engine. initscope's outcome is checked on its own (every run complete,
 * evaluations where they belong) and is the reference: each peer, started from the same weights
 * and batches, must match its first loss, final loss and final test accuracy (train-book.ts).
 */
export async function runTrainSuite(context: SuiteContext): Promise<SuiteOutput> {
  const { log } = context;
  const out = emptyOutput();
  if (!wanted(context.only, 'train', 'book')) return out;
  const config = benchTrainConfig(trainIterations());
  const data = await loadIdxSet();
  const work = trainCaseWork(config, data);
  out.cases.push(work);
  log(`train ${work.case}: ${work.napkin} (${trainIterationsEnv}=${config.iterations})`);
  let reference: TrainOutcome | undefined;
  const alone: TrialSide<TrainOutcome> = {
    prepare: () => initscope.prepareTrain(data, config),
    validate: (outcome) => {
      checkTrainShape('initscope', outcome, config);
      reference = outcome;
    },
    threads: 1,
  };
  // With threads, the same training on every core too, through the CLI's worker pool (the same
  // bits as 1 thread), timed in alternating blocks with the 1-thread row.
  out.results.push(
    ...(allCores > 1
      ? await pairedTrial(
          work,
          'initscope',
          [
            alone,
            {
              prepare: () => initscope.prepareThreadedTrain(data, config, allCores),
              validate: (outcome) => checkSameTraining(outcome, reference),
              threads: allCores,
            },
          ],
          context,
        )
      : [await trial(work, 'initscope', alone.prepare, alone.validate, context)]),
  );
  const inputs = trainInputs(await initscope.benchCore(), config, data);
  for (const [engine, variant] of [
    ['tfjs-wasm', 'minimize'],
    ['tfjs-wasm-customgrad', 'customgrad'],
  ] as const) {
    out.results.push(
      await trial(
        work,
        engine,
        () => tfjsTrain.prepareTrain(variant, inputs),
        (outcome) => checkTrainRuns(engine, outcome, reference, config),
        context,
      ),
    );
  }
  out.versions.tfjs = tfjsVersion;
  await numpyTrain(context, out, work, inputs, (outcome) =>
    checkTrainRuns('numpy', outcome, reference, config),
  );
  return out;
}

/** initscope on all cores against its 1-thread outcome: every loss and evaluation the same bits. */
function checkSameTraining(outcome: TrainOutcome, reference: TrainOutcome | undefined): void {
  if (!reference)
    throw new ValidationError('initscope train: the 1-thread run, the reference, failed');
  if (JSON.stringify(outcome) !== JSON.stringify(reference)) {
    throw new ValidationError('initscope train: the threaded runs differ from the 1-thread runs');
  }
}

/** The book's NumPy code on the case, in a child Python process. */
async function numpyTrain(
  context: SuiteContext,
  out: SuiteOutput,
  work: BenchCase,
  inputs: TrainInputs,
  validate: (outcome: TrainOutcome) => void,
): Promise<void> {
  const python = pythonCommand();
  const available = await numpyAvailability(python);
  if (!available.ok) {
    context.log(`train ${work.case} numpy: skipped, ${available.reason}`);
    out.skipped.push({
      suite: 'train',
      case: work.case,
      engine: 'numpy',
      reason: available.reason,
    });
    return;
  }
  let result: BenchResult;
  try {
    const report = await numpyTrainReport(
      work.case,
      inputs,
      bundledMnistDir(),
      numpyTiming(context.settings),
      python,
    );
    out.versions.numpy = report.numpy;
    out.versions.python = report.python;
    out.peers.numpy ??= numpyFacts(report);
    const found = numpyCase(report, work.case, 'numpy');
    validate(found.output as TrainOutcome);
    result = timedResult(
      work,
      'numpy',
      timingOf(found.samplesMs),
      'timed inside Python; the book’s code, float64',
    );
  } catch (error) {
    result = erroredResult(work, 'numpy', error);
  }
  context.log(progressLine(result));
  out.results.push(result);
}

/**
 * Runs the book's training code in Python on `inputs` (their weights and batches written to a
 * scratch folder; the images read from the IDX files in `dataDir`, which must hold inputs.data).
 */
export async function numpyTrainReport(
  name: string,
  inputs: TrainInputs,
  dataDir: string,
  timing: ReturnType<typeof numpyTiming>,
  python: string = pythonCommand(),
): Promise<NumpyReport> {
  const { config } = inputs;
  return withScratch(async (dir) => {
    await writeTrainInputs(dir, inputs);
    return runNumpy(
      {
        suite: 'train',
        seed: config.seed,
        ...timing,
        train: {
          case: name,
          dir,
          data: dataDir,
          widths: config.widths,
          activation: config.activation,
          inits: config.inits,
          lr: config.lr,
          batch: config.batch,
          iterations: config.iterations,
          eval_every: config.evalEvery,
          subset: trainAccuracySubset,
        },
      },
      python,
    );
  });
}

/** The initial weights (`w<run>-<layer>.f32`) and batch indices (`indices.u32`) for the Python side. */
export async function writeTrainInputs(
  dir: string,
  { weights, indices }: TrainInputs,
): Promise<void> {
  for (const [r, layers] of weights.entries()) {
    for (const [l, w] of layers.entries()) {
      await writeFile(
        path.join(dir, `w${r}-${l}.f32`),
        new Uint8Array(w.buffer, w.byteOffset, w.byteLength),
      );
    }
  }
  await writeFile(
    path.join(dir, 'indices.u32'),
    new Uint8Array(indices.buffer, indices.byteOffset, indices.byteLength),
  );
}
