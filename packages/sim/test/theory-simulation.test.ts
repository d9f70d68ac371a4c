import { beforeAll, describe, expect, it } from 'vitest';
import { bookInits, type LayerStats, type Results, sweep } from '../src/index.js';
import { expectedHistogram } from '../src/theory/histogram.js';
import { meanField, sigmaW2For } from '../src/theory/meanfield.js';
import { meanAndSd } from './fixtures.js';

// Issue 5's acceptance test: the book's 12 configurations (sigmoid/relu/tanh × std:1/std:0.01/
// xavier/he, 5 layers) at width 1000 against the mean-field prediction, averaged over seeds.
//
// What finite width does here (measured with 64–96 further seeds): the seed average is unbiased to
// ≲ 0.1% for sigmoid and tanh, but single seeds scatter — a layer's pre-activations share one random
// offset per column (Σ_k z̄_k·W_kj, large when φ has a non-zero mean, and growing with the sample
// correlations of deeper layers), so each layer's std is an average over only ~width independent
// offsets: ±2% per seed for sigmoid from layer 2 on, and for ReLU a multiplicative random walk
// (q is a martingale) of ±0.3, 1, 2.5, 3.3, 5% over layers 1–5. ReLU's four inits are one experiment:
// the initializers scale the same normals and ReLU is homogeneous, so their relative deviations agree.
// With 8 seeds the standard error itself is uncertain (7 degrees of freedom: |t| > 3 has p ≈ 2%), so
// we average 16 seeds of 250 samples each (the scatter comes from the width, not the sample count).
const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
/** INITSCOPE_VERBOSE=1 prints each configuration's per-layer deviations (quiet by default). */
const verbose = (line: string) => {
  if (process.env.INITSCOPE_VERBOSE === '1') process.stdout.write(`${line}\n`);
};
const width = 1000;
const samples = 250;
const layers = 5;
const activations = ['sigmoid', 'relu', 'tanh'] as const;
/** The seed-averaged std must be within this fraction of the prediction… */
const STD_REL_TOL = 0.01;
/** …or within this many standard errors of the seed mean, whichever is wider. */
const STD_ERRORS = 3;
/**
 * The seed-averaged histogram's CDF (on its edges) must be within this of the expected one, or within
 * 3/√seeds of a single seed's typical distance (the scatter the averaging leaves), whichever is wider.
 */
const KS_TOL = 1e-3;

let results: Results[] = [];

beforeAll(async () => {
  results = [];
  for (const seed of seeds) {
    const inits = [...bookInits];
    results.push(
      await sweep({ activations: [...activations], inits, layers, width, samples, seed }),
    );
  }
}, 300_000);

const configs = activations.flatMap((activation) =>
  bookInits.map((init) => ({ activation, init })),
);

/** Per seed, the run of one configuration. */
function runsOf(activation: string, init: string) {
  return results.map((r) => {
    const run = r.runs.find((x) => x.activation === activation && x.init === init);
    if (run?.state !== 'completed') throw new Error(`${activation}/${init} did not complete`);
    return run;
  });
}

function predict(activation: string, init: string) {
  return meanField({ activation, sigmaW2: sigmaW2For(init, width), layers }).layers;
}

/** Seed mean, its standard error, and the deviation from the prediction. */
function compare(values: number[], predicted: number) {
  const { mean, sd } = meanAndSd(values);
  return { mean, se: sd / Math.sqrt(values.length), deviation: mean - predicted };
}

/** The simulated minus the expected fraction below each edge (the CDF on the histogram's edges). */
function cdfDifference(layer: LayerStats, activation: string, q: number): number[] {
  const { edges, counts, below } = layer.histogram;
  const total = samples * width;
  const expected = expectedHistogram(activation, q, edges, total);
  const differences = [(below - expected.below) / total];
  counts.forEach((count, i) => {
    const previous = differences[i] as number;
    differences.push(previous + (count - (expected.counts[i] as number)) / total);
  });
  return differences;
}

describe('mean-field theory against the simulation (16 seeds, width 1000)', () => {
  /**
   * The seed-averaged per-layer `stat` against its prediction, within `allowed(predicted, std, se)`;
   * prints the deviations (`show`) for the record.
   */
  function checkMoment(
    activation: string,
    init: string,
    stat: 'std' | 'mean',
    allowed: (predicted: number, std: number, se: number) => number,
    show: (deviation: number, predicted: number, std: number, se: number) => string,
  ): void {
    const runs = runsOf(activation, init);
    const theory = predict(activation, init);
    const report: string[] = [];
    for (let l = 0; l < layers; l++) {
      const predicted = theory[l]?.[stat] as number;
      const std = theory[l]?.std as number;
      const values = runs.map((run) => run.layers[l]?.[stat] as number);
      const { deviation, se } = compare(values, predicted);
      report.push(show(deviation, predicted, std, se));
      expect(Math.abs(deviation), `layer ${l + 1}`).toBeLessThanOrEqual(
        allowed(predicted, std, se),
      );
    }
    verbose(`${stat.padEnd(4)} ${activation}/${init}: ${report.join(', ')}`);
  }

  it.each(configs)('predicts the per-layer std of $activation/$init', ({ activation, init }) => {
    checkMoment(
      activation,
      init,
      'std',
      (predicted, _, se) => Math.max(STD_REL_TOL * predicted, STD_ERRORS * se),
      (deviation, predicted, _, se) =>
        `${((deviation / predicted) * 100).toFixed(2)}% (${(deviation / se).toFixed(1)} se)`,
    );
  });

  it.each(configs)('predicts the per-layer mean of $activation/$init', ({ activation, init }) => {
    // tanh's predicted mean is 0: the relative band is replaced by 0.1% of the std.
    checkMoment(
      activation,
      init,
      'mean',
      (predicted, std, se) =>
        Math.max(STD_REL_TOL * Math.abs(predicted), 1e-3 * std, STD_ERRORS * se),
      (deviation, _, std, se) =>
        `${(deviation / std).toExponential(1)}σ (${(deviation / se).toFixed(1)} se)`,
    );
  });

  it.each(configs)('predicts the histograms of $activation/$init', ({ activation, init }) => {
    const runs = runsOf(activation, init);
    const theory = predict(activation, init);
    const report: string[] = [];
    for (let l = 0; l < layers; l++) {
      const q = theory[l]?.q as number;
      const perSeed = runs.map((run) => cdfDifference(run.layers[l] as LayerStats, activation, q));
      // Kolmogorov distance on the edges (below/above included), per seed and seed-averaged.
      const ks = perSeed.map((d) => Math.max(...d.map(Math.abs)));
      const averaged = (perSeed[0] as number[]).map(
        (_, k) => perSeed.reduce((sum, d) => sum + (d[k] as number), 0) / perSeed.length,
      );
      const ksAveraged = Math.max(...averaged.map(Math.abs));
      const typical = meanAndSd(ks).mean;
      report.push(`${typical.toExponential(1)} → ${ksAveraged.toExponential(1)}`);
      expect(ksAveraged, `layer ${l + 1}`).toBeLessThanOrEqual(
        Math.max(KS_TOL, (3 * typical) / Math.sqrt(seeds.length)),
      );
    }
    verbose(`hist ${activation}/${init}: ${report.join(', ')}`);
  });
});
