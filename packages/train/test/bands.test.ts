import { describe, expect, it } from 'vitest';
import {
  bookTrainConfig,
  curveBand,
  resolveTrainConfig,
  smoothCurve,
  type TrainRun,
  trainBand,
  trainUnits,
  withTrainBands,
} from '../src/index.ts';

/** A run with the given loss curve and evaluations (iteration, test accuracy). */
function run(
  init: string,
  loss: number[],
  evals: [number, number][],
  gradients: 'vanishing' | 'stable' = 'stable',
): TrainRun {
  return {
    init,
    activation: 'relu',
    optimizer: 'sgd',
    state: 'completed',
    diagnosis: {
      activations: { code: 'healthy', measure: null, layer: null, value: null },
      gradients: { code: gradients, source: 'measured', value: 1 },
      sigmaW2: 2,
      chi1: 1,
      phase: 'critical',
    },
    loss,
    lossBefore: loss,
    evals: evals.map(([iteration, testAccuracy]) => ({
      iteration,
      testAccuracy,
      testLoss: 1 - testAccuracy,
      trainAccuracy: testAccuracy,
    })),
    checkpoints: [],
  };
}

describe('curveBand()', () => {
  it('gives per index the median and NumPy-linear 10th/90th percentiles of the finite values', () => {
    // index 0: 1, 2, 3, 4, 5 → median 3, p10 1.4, p90 4.6; index 1: NaN skipped → 10, 20 → 15, 11, 19
    const band = curveBand([[3, 10], [1, Number.NaN], [5, 20], [2], [4]]);
    expect(band.median).toEqual([3, 15]);
    expect(band.p10[0]).toBeCloseTo(1.4, 12);
    expect(band.p90[0]).toBeCloseTo(4.6, 12);
    expect(band.p10[1]).toBeCloseTo(11, 12);
    expect(band.p90[1]).toBeCloseTo(19, 12);
  });

  it('is null where no curve has a finite value (every seed diverged before)', () => {
    expect(curveBand([[1, Number.POSITIVE_INFINITY], [2]])).toEqual({
      median: [1.5, null],
      p10: [1.1, null],
      p90: [1.9, null],
    });
  });
});

describe('trainBand()', () => {
  const loss = (k: number) => Array.from({ length: 20 }, (_, i) => 2.3 - i * 0.01 * k);
  const seeds = [
    run('he', loss(1), [
      [0, 0.1],
      [20, 0.9],
    ]),
    run('he', loss(2), [
      [0, 0.12],
      [20, 0.5],
    ]),
    run(
      'he',
      loss(3),
      [
        [0, 0.08],
        [20, 0.86],
      ],
      'vanishing',
    ),
  ];

  it('summarizes each evaluation over the seeds (mean, sample sd, min, max)', () => {
    const band = trainBand(seeds);
    expect(band.seeds).toBe(3);
    expect(band.evals.map((e) => [e.iteration, e.seeds])).toEqual([
      [0, 3],
      [20, 3],
    ]);
    const last = band.evals[1]?.testAccuracy;
    const mean = (0.9 + 0.5 + 0.86) / 3;
    const sd = Math.sqrt(((0.9 - mean) ** 2 + (0.5 - mean) ** 2 + (0.86 - mean) ** 2) / 2);
    expect(last?.mean).toBeCloseTo(mean, 14);
    expect(last?.sd).toBeCloseTo(sd, 14);
    expect([last?.min, last?.max]).toEqual([0.5, 0.9]);
  });

  it('counts outcomes and diagnoses over the seeds, and bands the raw and the smoothed loss', () => {
    const band = trainBand(seeds);
    expect(band.outcomes).toEqual({ learned: 2, 'learned slowly': 1 });
    expect(band.diagnoses).toEqual({
      activations: { healthy: 3 },
      gradients: { stable: 2, vanishing: 1 },
    });
    expect(band.loss).toEqual(curveBand(seeds.map((s) => s.loss)));
    expect(band.smoothLoss).toEqual(curveBand(seeds.map((s) => smoothCurve(s.loss))));
    // the middle seed is the median everywhere (the curves are ordered)
    expect(band.loss.median).toEqual(loss(2));
  });

  it('withTrainBands() keeps the first seed’s runs and adds a band per initializer', () => {
    const xavier = (k: number) => run('xavier', loss(k), [[20, 0.1]]);
    const perSeed = seeds.map((he, s) => [xavier(s), he]);
    const banded = withTrainBands(perSeed);
    expect(banded.map((r) => r.init)).toEqual(['xavier', 'he']);
    expect(banded[1]?.loss).toBe(seeds[0]?.loss);
    expect(banded[1]?.band).toEqual(trainBand(seeds));
    expect(banded[0]?.band?.outcomes).toEqual({ 'did not learn': 3 });
    expect(withTrainBands([seeds])).toEqual(seeds);
  });
});

describe('trainUnits()', () => {
  it('lists (seed, initializer) seed-major, initializers in --inits order', () => {
    expect(trainUnits({ ...bookTrainConfig, seed: 7, inits: ['a', 'b'] }, 2)).toEqual([
      { seed: 7, init: 'a' },
      { seed: 7, init: 'b' },
      { seed: 8, init: 'a' },
      { seed: 8, init: 'b' },
    ]);
  });
});

describe('resolveTrainConfig() --seeds', () => {
  const mnist = { pixels: 784, classes: 10 };

  it('adds seeds after seed for K ≥ 2 and leaves the config as it was for one seed', () => {
    expect(resolveTrainConfig({ seeds: '1' }, mnist)).toEqual(bookTrainConfig);
    const config = resolveTrainConfig({ seeds: '3' }, mnist);
    expect(config.seeds).toBe(3);
    expect(Object.keys(config).slice(7, 10)).toEqual(['seed', 'seeds', 'evalEvery']);
  });

  it('refuses a bad count and seeds past 2³² − 1', () => {
    expect(() => resolveTrainConfig({ seeds: '0' }, mnist)).toThrow(
      'Invalid --seeds "0": expected an integer from 1 to 10000.',
    );
    expect(() => resolveTrainConfig({ seeds: '2', seed: '4294967295' }, mnist)).toThrow(
      'Invalid --seeds "2": seeds 4294967295 … 4294967296 go past the largest seed 4294967295; lower --seed or --seeds.',
    );
  });
});
