import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Dataset, idxFileNames, train } from '@initscope/train';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCore, prepareTrain as initscopeTrain } from '../src/engines/initscope.js';
import { numpyAvailability, numpyCase, numpyTiming } from '../src/engines/numpy.js';
import { prepareTrain as tfjsTrain } from '../src/engines/tfjs-train.js';
import { quickSettings } from '../src/settings.js';
import { numpyTrainReport, trainCaseWork } from '../src/suites/train.js';
import {
  benchTrainConfig,
  checkTrainRuns,
  checkTrainShape,
  evalIterations,
  type TrainOutcome,
  tailMean,
  trainInputs,
  trainIterations,
  trainWork,
  zeroFraction,
} from '../src/train-book.js';
import { ValidationError } from '../src/validation-error.js';

describe('train/book settings', () => {
  it('runs the book’s 2000 iterations unless BENCH_TRAIN_ITERATIONS says otherwise', () => {
    expect(trainIterations({})).toBe(2000);
    expect(trainIterations({ BENCH_TRAIN_ITERATIONS: ' 200 ' })).toBe(200);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(() => trainIterations({ BENCH_TRAIN_ITERATIONS: bad })).toThrow(
        `BENCH_TRAIN_ITERATIONS="${bad}" is not a whole number of iterations ≥ 1 (unset: the book's 2000)`,
      );
    }
  });

  it('is initscope train’s defaults at the bench seed; checkpoints past the end are dropped', () => {
    const config = benchTrainConfig(150);
    expect(config).toMatchObject({
      widths: [784, 100, 100, 100, 100, 10],
      activation: 'relu',
      inits: ['std:0.01', 'xavier', 'he'],
      optimizer: 'sgd',
      lr: 0.01,
      batch: 128,
      evalEvery: 100,
      iterations: 150,
      seed: 42,
    });
    expect(config.checkpoints).toEqual([0, 10, 100]);
    expect(evalIterations(config)).toEqual([0, 100, 150]);
    expect(evalIterations(benchTrainConfig())).toHaveLength(21);
  });

  it('counts the work densely: 2 forwards and a backward per step, evaluations of 20,000 images', () => {
    const data = tinyData(300, 200);
    const config = { ...benchTrainConfig(4), evalEvery: 2 };
    const fwd = 784 * 100 + 3 * 100 * 100 + 100 * 10;
    const back = 2 * fwd - 784 * 100;
    const w = trainWork(config, data);
    expect(w.trainFlop).toBe(2 * 3 * 4 * 128 * (2 * fwd + back));
    expect(w.evalFlop).toBe(2 * 3 * 3 * (200 + 300) * fwd);
    expect(trainCaseWork(config, data).napkin).toContain(
      `${(zeroFraction(data.train.images) * 100).toFixed(1)}% of the training pixels are exactly 0`,
    );
  });
});

/** A run's outcome to perturb: 3 runs of `iterations` losses, evaluations where the config puts them. */
function outcome(iterations: number): TrainOutcome {
  const config = benchTrainConfig(iterations);
  return {
    runs: config.inits.map((init, r) => ({
      init,
      loss: Array.from({ length: iterations }, (_, i) => 2.3 - (r * i) / (iterations * 2)),
      evals: evalIterations(config).map((iteration) => ({
        iteration,
        testAccuracy: 0.1 + r * 0.3,
        testLoss: 2.3 - r * 0.5,
        trainAccuracy: 0.1 + r * 0.3,
      })),
    })),
  };
}

describe('train/book validation', () => {
  const config = benchTrainConfig(200);
  const reference = outcome(200);

  it('accepts a peer within the tolerances and initscope’s own shape', () => {
    checkTrainShape('initscope', reference, config);
    const peer = structuredClone(reference);
    for (const run of peer.runs) {
      run.loss = run.loss.map((v, i) => (i === 0 ? v * (1 + 5e-5) : v + 0.02));
      (run.evals.at(-1) as { testAccuracy: number }).testAccuracy += 0.015;
    }
    expect(() => checkTrainRuns('numpy', peer, reference, config)).not.toThrow();
  });

  it('rejects other weights or batches, a drifted curve, accuracy and a missing reference', () => {
    const cases: [string, (o: TrainOutcome) => void, string][] = [
      ['first', (o) => ((o.runs[1] as { loss: number[] }).loss[0] = 2.3 * 1.001), 'first loss'],
      ['final', (o) => (o.runs[2] as { loss: number[] }).loss.fill(2.3, 100), 'final loss'],
      [
        'accuracy',
        (o) => ((o.runs[0]?.evals.at(-1) as { testAccuracy: number }).testAccuracy += 0.03),
        'test accuracy',
      ],
      ['nan', (o) => ((o.runs[0] as { loss: number[] }).loss[7] = Number.NaN), 'finite losses'],
      ['short', (o) => (o.runs[0] as { loss: number[] }).loss.pop(), 'finite losses'],
      ['evals', (o) => o.runs[0]?.evals.pop(), 'evaluations at'],
      ['runs', (o) => o.runs.pop(), '2 runs, expected 3'],
    ];
    for (const [, change, message] of cases) {
      const peer = structuredClone(reference);
      change(peer);
      expect(() => checkTrainRuns('tfjs-wasm', peer, reference, config)).toThrow(ValidationError);
      expect(() => checkTrainRuns('tfjs-wasm', peer, reference, config)).toThrow(message);
    }
    expect(() => checkTrainRuns('numpy', reference, undefined, config)).toThrow(
      "initscope's run, the reference, failed",
    );
    expect(tailMean([1, 2, 3], 2)).toBe(2.5);
  });
});

/** `count` images of 28×28 with ~80% exact zeros (as MNIST) and labels 0…9, from a fixed LCG. */
function tinySplit(count: number, seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const bytes = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = Math.floor(next() * 10);
    for (let p = 0; p < 784; p++) {
      // a label-dependent band of bright pixels, so the networks have something to learn
      const band = Math.floor(p / 78.4) === labels[i];
      if (band ? next() < 0.8 : next() < 0.12) bytes[i * 784 + p] = 1 + Math.floor(next() * 255);
    }
  }
  const images = Float32Array.from(bytes, (b) => b / 255);
  return { split: { count, rows: 28, cols: 28, images, labels }, bytes };
}

function tinyData(trainCount: number, testCount: number): Dataset & { bytes: Uint8Array[] } {
  const tr = tinySplit(trainCount, 1);
  const te = tinySplit(testCount, 2);
  return { train: tr.split, test: te.split, classes: 10, bytes: [tr.bytes, te.bytes] };
}

function idx(dims: number[], values: Uint8Array): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  const view = new DataView(header.buffer);
  for (const [d, size] of dims.entries()) view.setUint32(4 + 4 * d, size, false);
  const out = new Uint8Array(header.length + values.length);
  out.set(header);
  out.set(values, header.length);
  return out;
}

describe('train/book engines on a small set (same weights and batches as initscope train)', () => {
  const data = tinyData(600, 300);
  const config = { ...benchTrainConfig(12), batch: 32, evalEvery: 5, checkpoints: [0, 12] };
  let reference: TrainOutcome;
  let dir: string;

  beforeAll(async () => {
    const prepared = initscopeTrain(data, config);
    await prepared.run();
    reference = prepared.output();
    dir = await mkdtemp(path.join(tmpdir(), 'initscope-train-idx-'));
    const [tr, te] = data.bytes as [Uint8Array, Uint8Array];
    await writeFile(path.join(dir, idxFileNames.trainImages), idx([600, 28, 28], tr));
    await writeFile(path.join(dir, idxFileNames.trainLabels), idx([600], data.train.labels));
    await writeFile(path.join(dir, idxFileNames.testImages), idx([300, 28, 28], te));
    await writeFile(path.join(dir, idxFileNames.testLabels), idx([300], data.test.labels));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('initscope: train()’s curves, complete', async () => {
    checkTrainShape('initscope', reference, config);
    const runs = await train(data, config);
    expect(reference.runs.map((r) => r.loss)).toEqual(runs.map((r) => r.loss));
  });

  it.each([
    ['tfjs-wasm', 'minimize'],
    ['tfjs-wasm-customgrad', 'customgrad'],
  ] as const)(
    '%s passes validation, twice in a row; other weights fail it',
    async (engine, variant) => {
      const inputs = trainInputs(await benchCore(), config, data);
      const prepared = await tfjsTrain(variant, inputs);
      try {
        prepared.run();
        checkTrainRuns(engine, prepared.output(), reference, config);
        prepared.run();
        checkTrainRuns(engine, prepared.output(), reference, config);
      } finally {
        prepared.dispose();
      }
      const other = trainInputs(await benchCore(), { ...config, seed: config.seed + 1 }, data);
      const wrong = await tfjsTrain(variant, { ...other, indices: inputs.indices });
      try {
        wrong.run();
        // He's first loss depends on the weights (std 0.01's stays at ln 10 whatever they are)
        const he = (o: TrainOutcome) => ({ runs: o.runs.filter((r) => r.init === 'he') });
        expect(() =>
          checkTrainRuns(engine, he(wrong.output()), he(reference), { ...config, inits: ['he'] }),
        ).toThrow('first loss');
      } finally {
        wrong.dispose();
      }
    },
  );

  it('numpy (the book’s code) passes validation when NumPy is present', async () => {
    const available = await numpyAvailability();
    if (!available.ok) return;
    const inputs = trainInputs(await benchCore(), config, data);
    const report = await numpyTrainReport('tiny', inputs, dir, {
      ...numpyTiming(quickSettings),
      time_ms: 0,
      min_samples: 1,
      warmup_runs: 0,
    });
    const found = numpyCase(report, 'tiny', 'numpy');
    expect(found.samplesMs.length).toBeGreaterThanOrEqual(1);
    checkTrainRuns('numpy', found.output as TrainOutcome, reference, config);
  });
});
