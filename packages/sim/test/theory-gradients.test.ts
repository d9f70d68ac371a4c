import { beforeAll, describe, expect, it } from 'vitest';
import { bookInits, type Results, sweep } from '../src/index.js';
import { meanField, sigmaW2For } from '../src/theory/meanfield.js';

// The backward pass against the mean-field gradient variances: Var(δ^L) = E[φ'(h^L)²] and
// Var(δ^l) = χ^l·Var(δ^(l+1)) at equal widths. The simulation reuses the forward weights, the theory
// treats them as independent; at width 1000 the two agree to ~1% (measured over 4 seeds).
const seeds = [1, 2];
const width = 1000;
const samples = 250;
const layers = 5;
const activations = ['sigmoid', 'relu', 'tanh'] as const;
/** Seed-averaged gradient variance vs prediction, relative. */
const GRADIENT_REL_TOL = 0.05;

let results: Results[] = [];

beforeAll(async () => {
  results = [];
  for (const seed of seeds) {
    const inits = [...bookInits];
    const options = { activations: [...activations], inits, layers, width, samples, seed };
    results.push(await sweep({ ...options, gradients: true }));
  }
}, 300_000);

const configs = activations.flatMap((activation) =>
  bookInits.map((init) => ({ activation, init })),
);

describe('mean-field gradient variances against the backward pass (width 1000)', () => {
  it.each(configs)('predicts Var(δ^l) of $activation/$init', ({ activation, init }) => {
    const theory = meanField({ activation, sigmaW2: sigmaW2For(init, width), layers }).layers;
    for (let l = 0; l < layers; l++) {
      const simulated =
        results.reduce((sum, r) => {
          const run = r.runs.find((x) => x.activation === activation && x.init === init);
          return sum + (run?.layers[l]?.gradients?.variance ?? Number.NaN);
        }, 0) / results.length;
      const predicted = theory[l]?.gradientVariance as number;
      expect(Math.abs(simulated / predicted - 1), `layer ${l + 1}`).toBeLessThanOrEqual(
        GRADIENT_REL_TOL,
      );
    }
  });
});
