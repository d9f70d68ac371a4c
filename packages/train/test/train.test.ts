import { beforeAll, describe, expect, it } from 'vitest';
import { batchIndices, bookTrainConfig, type Dataset, loadIdxSet, train } from '../src/index.ts';

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
  });

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
