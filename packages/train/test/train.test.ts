import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchIndices,
  bookTrainConfig,
  type Dataset,
  evaluateSnapshots,
  loadIdxSet,
  snapshotBytes,
  type TrainRun,
  train,
  trainDeferred,
  withEvals,
} from '../src/index.ts';

let data: Dataset;
beforeAll(async () => {
  data = await loadIdxSet();
});

// The book's network and recipe, shortened to 150 iterations (the full 3 × 2000 is the benchmark's).
const short = { ...bookTrainConfig, iterations: 150, evalEvery: 75, checkpoints: [0, 150] };

describe('batchIndices()', () => {
  it('is a pure function of the seed, below the count, and differs between seeds', () => {
    const a = batchIndices(1, 3, 128, 60000);
    expect(a).toEqual(batchIndices(1, 3, 128, 60000));
    expect(Math.max(...a)).toBeLessThan(60000);
    expect(a).not.toEqual(batchIndices(2, 3, 128, 60000));
  });
});

describe('train() on MNIST with the book’s fig. 6-15 recipe', () => {
  it('std:0.01 stays at ln 10 while He learns faster than Xavier; same seed ⇒ identical JSON', async () => {
    const runs = await train(data, short);
    const [std001, xavier, he] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    for (const run of runs) {
      expect(run.state).toBe('completed');
      expect(run.loss).toHaveLength(150);
      expect(run.lossBefore).toHaveLength(150);
      expect(run.evals.map((e) => e.iteration)).toEqual([0, 75, 150]);
      expect(run.checkpoints.map((c) => c.iteration)).toEqual([0, 150]);
      expect(run.checkpoints[0]?.layers).toHaveLength(5);
    }
    // std 0.01: the loss does not move from ln 10 ≈ 2.3026 and accuracy stays near chance
    expect(Math.abs((std001.loss.at(-1) as number) - Math.log(10))).toBeLessThan(0.01);
    expect(std001.evals.at(-1)?.testAccuracy).toBeLessThan(0.2);
    // He below Xavier in loss, above it in accuracy (the book's figure, already at 150 iterations)
    expect(he.evals.at(-1)?.testLoss).toBeLessThan(xavier.evals.at(-1)?.testLoss as number);
    expect(he.evals.at(-1)?.testAccuracy).toBeGreaterThan(
      xavier.evals.at(-1)?.testAccuracy as number,
    );
    expect(he.evals.at(-1)?.testAccuracy).toBeGreaterThan(0.6);
    // the loss after an update is the same batch's loss before the next step only by chance: both kept
    expect(he.loss[0]).not.toBe(he.lossBefore[0]);
    // ReLU with He: about half the hidden outputs are exactly zero at initialization
    const dead = he.checkpoints[0]?.layers[1]?.activations.zeroFraction as number;
    expect(dead).toBeGreaterThan(0.35);
    expect(dead).toBeLessThan(0.65);
    expect(JSON.stringify(await train(data, short))).toBe(JSON.stringify(runs));
  }, 60_000); // two trainings of 3 × 150 iterations: ~14 s alone, more on a shared machine

  it('records divergence as data: a huge learning rate stops the run with its iteration', async () => {
    const [run] = await train(data, {
      ...short,
      inits: ['std:1'],
      lr: 1e4,
      iterations: 40,
      checkpoints: [],
      evalEvery: 1000,
    });
    expect(run?.state).toBe('diverged');
    expect(run?.divergedAt).toBe((run?.loss.length as number) - 1);
    expect(Number.isFinite(run?.loss.at(-1))).toBe(false);
  });
});

describe('trainDeferred(): evaluations as snapshots, evaluated elsewhere', () => {
  it('gives the same bits as train() once its snapshots are evaluated, in any grouping', async () => {
    const config = {
      ...short,
      iterations: 30,
      evalEvery: 7,
      checkpoints: [0, 30],
      inits: ['he', 'xavier'],
    };
    const deferred = await trainDeferred(data, config);
    for (const run of deferred) {
      expect(run.evals).toEqual([]);
      // every 7th iteration from 0, and the last
      expect(run.snapshots.map((s) => s.iteration)).toEqual([0, 7, 14, 21, 28, 30]);
    }
    const [he, xavier] = deferred as [(typeof deferred)[0], (typeof deferred)[0]];
    // he's evaluations in one go, xavier's in groups of 4 and 2 (as on worker threads)
    const heEvals = await evaluateSnapshots(data, config, he.snapshots);
    const xavierEvals = [
      ...(await evaluateSnapshots(data, config, xavier.snapshots.slice(0, 4))),
      ...(await evaluateSnapshots(data, config, xavier.snapshots.slice(4))),
    ];
    const joined = [withEvals(he, heEvals), withEvals(xavier, xavierEvals)];
    expect(JSON.stringify(joined)).toBe(JSON.stringify(await train(data, config)));
  }, 60_000);

  it('gives the same bits as train() for a diverged run', async () => {
    const config = {
      ...short,
      inits: ['std:1'],
      lr: 1e4,
      iterations: 40,
      checkpoints: [],
      evalEvery: 3,
    };
    const [run] = await trainDeferred(data, config);
    expect(run?.state).toBe('diverged');
    const evals = await evaluateSnapshots(data, config, run?.snapshots ?? []);
    const [inLoop] = await train(data, config);
    expect(JSON.stringify(withEvals(run as typeof run & object, evals))).toBe(
      JSON.stringify(inLoop),
    );
  });

  it("counts its snapshots' bytes: every evaluation's W and b in f32", () => {
    // the book: 784·100+100 + 3·(100·100+100) + 100·10+10 = 109,810 parameters, 21 evaluations
    expect(snapshotBytes(bookTrainConfig)).toBe(21 * 109_810 * 4);
    // 0, 7, 14, 21, 28 and the last, 30
    expect(snapshotBytes({ widths: [3, 2], iterations: 30, evalEvery: 7 })).toBe(6 * 8 * 4);
    expect(snapshotBytes({ widths: [3, 2], iterations: 28, evalEvery: 7 })).toBe(5 * 8 * 4);
  });
});

describe('the diagnosis at initialization (runs[].diagnosis)', () => {
  it('shows the sigmoid reversal: std:1 looks saturated but passes gradients, Xavier looks healthy but vanishes', async () => {
    const config = {
      ...bookTrainConfig,
      activation: 'sigmoid' as const,
      inits: ['std:1', 'xavier'],
      iterations: 1,
      evalEvery: 1000,
      checkpoints: [],
    };
    const [std1, xavier] = (await train(data, config)) as [TrainRun, TrainRun];
    // std:1 on sigmoid: most hidden outputs within 0.05 of 0 or 1, yet the gradient survives depth
    expect(std1.diagnosis.activations.code).toBe('saturated');
    expect(std1.diagnosis.activations.value as number).toBeGreaterThan(0.5);
    expect(std1.diagnosis.gradients?.code).toBe('stable');
    expect(std1.diagnosis.gradients?.source).toBe('measured');
    // σ_w² = 100·1² for the hidden layers: near the edge of chaos (χ₁ ≈ 0.986 by mean field)
    expect(std1.diagnosis.sigmaW2).toBeCloseTo(100, 9);
    expect(std1.diagnosis.chi1 as number).toBeGreaterThan(0.9);
    expect(std1.diagnosis.chi1 as number).toBeLessThan(1.1);
    // Xavier: healthy-looking activations, vanishing gradients, χ₁ ≈ E[σ′(√q*·z)²] < σ′(0)² = 1/16
    expect(xavier.diagnosis.activations.code).toBe('healthy');
    expect(xavier.diagnosis.gradients?.code).toBe('vanishing');
    expect(xavier.diagnosis.gradients?.value as number).toBeLessThan(0.01);
    expect(xavier.diagnosis.chi1 as number).toBeGreaterThan(0.04);
    expect(xavier.diagnosis.chi1 as number).toBeLessThan(1 / 16);
    expect(xavier.diagnosis.phase).toBe('ordered');
  });

  it('checkpoints carry the results contract’s histogram and exact saturation for both passes', async () => {
    const config = {
      ...bookTrainConfig,
      activation: 'sigmoid' as const,
      inits: ['std:1'],
      iterations: 3,
      evalEvery: 1000,
      checkpoints: [0, 3],
    };
    const [run] = (await train(data, config)) as [TrainRun];
    const [first, last] = run.checkpoints as [
      TrainRun['checkpoints'][0],
      TrainRun['checkpoints'][0],
    ];
    for (const { layers } of [first, last]) {
      for (const layer of layers) {
        const width = config.widths[layer.layer] as number;
        for (const stats of [layer.activations, layer.gradients]) {
          const h = stats.histogram;
          expect(h.counts).toHaveLength(30);
          expect(h.edges).toHaveLength(31);
          const total = h.counts.reduce((a, b) => a + b, 0) + h.below + h.above + stats.nonFinite;
          expect(total).toBe(config.batch * width);
        }
        // gradients on [−m, m], m the largest |δ|: nothing outside, symmetric edges
        expect(layer.gradients.histogram.edges[0]).toBe(
          -(layer.gradients.histogram.edges[30] as number),
        );
        expect(layer.gradients.histogram.below + layer.gradients.histogram.above).toBe(0);
        expect(layer.gradients.saturation).toBeNull();
      }
      // sigmoid hidden layers on [0, 1]; the logits (layer 5) have no bounds
      expect(layers[0]?.activations.histogram.edges[0]).toBe(0);
      expect(layers[0]?.activations.histogram.edges[30]).toBe(1);
      expect(layers[4]?.activations.saturation).toBeNull();
    }
    // iteration 0's saturation is the one the diagnosis judged
    expect(first.layers[0]?.activations.saturation).toBe(run.diagnosis.activations.value);
    // ReLU: no saturation, the range starts at 0 (as `initscope run`)
    const [relu] = (await train(data, { ...config, activation: 'relu', inits: ['he'] })) as [
      TrainRun,
    ];
    expect(relu.checkpoints[0]?.layers[0]?.activations.saturation).toBeNull();
    expect(relu.checkpoints[0]?.layers[0]?.activations.histogram.edges[0]).toBe(0);
  });

  it('matches the book’s ReLU picture: std:0.01 collapses and vanishes, He is critical and stable', async () => {
    const config = { ...bookTrainConfig, iterations: 1, evalEvery: 1000, checkpoints: [] };
    const [std001, xavier, he] = (await train(data, config)) as [TrainRun, TrainRun, TrainRun];
    expect(std001.diagnosis.activations.code).toBe('collapsed');
    expect(std001.diagnosis.gradients?.code).toBe('vanishing');
    expect(std001.diagnosis.chi1).toBeCloseTo(0.005, 9); // σ_w²/2 = 100·0.01²/2
    expect(xavier.diagnosis.chi1).toBeCloseTo(0.5, 9);
    expect(he.diagnosis.activations.code).toBe('healthy');
    expect(he.diagnosis.gradients?.code).toBe('stable');
    expect(he.diagnosis.chi1).toBeCloseTo(1, 9);
    expect(he.diagnosis.phase).toBe('critical');
    // the diagnosis is of iteration 0's batch: the same as the checkpoint at 0 measures
    const [withCheckpoint] = await train(data, { ...config, inits: ['he'], checkpoints: [0] });
    expect(withCheckpoint?.diagnosis).toEqual(he.diagnosis);
    const ratio =
      ((withCheckpoint?.checkpoints[0]?.layers[0]?.gradients.std as number) /
        (withCheckpoint?.checkpoints[0]?.layers[3]?.gradients.std as number)) **
      2;
    expect(he.diagnosis.gradients?.value).toBeCloseTo(ratio, 4);
  });

  it('trains leaky-relu and elu at the α of the id (as `initscope run` takes them)', async () => {
    const config = { ...bookTrainConfig, iterations: 30, evalEvery: 30, checkpoints: [0] };
    const lossOf = async (activation: string, inits = ['he']) =>
      (await train(data, { ...config, activation, inits })) as TrainRun[];
    // the default α written out is the same training, bit for bit; another α is another network
    const [byName] = await lossOf('leaky-relu');
    const [written] = await lossOf('leaky-relu:0.01');
    const [steep] = await lossOf('leaky-relu:0.3');
    expect(written?.activation).toBe('leaky-relu:0.01');
    expect(written?.loss).toEqual(byName?.loss);
    expect(steep?.loss).not.toEqual(byName?.loss);
    const [eluDefault] = await lossOf('elu');
    const [eluOne] = await lossOf('elu:1');
    const [eluHalf] = await lossOf('elu:0.5');
    expect(eluOne?.loss).toEqual(eluDefault?.loss);
    expect(eluHalf?.loss).not.toEqual(eluDefault?.loss);
    // α reaches the initializer: orthogonal:auto's gain is √(2/(1+α²)), so α = 1 (linear) has gain 1
    const [shallow] = await lossOf('leaky-relu:1', ['orthogonal:auto']);
    const [relu] = await lossOf('leaky-relu:0', ['orthogonal:auto']);
    const std = (run: TrainRun | undefined) => run?.checkpoints[0]?.layers[1]?.weightStd as number;
    expect(std(relu) / std(shallow)).toBeCloseTo(Math.SQRT2, 6);
  });
});
