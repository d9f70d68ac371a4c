import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activations, sweep } from '../src/index.js';
import { initPresets } from '../src/initializers.js';

/** Small sweeps over every activation with initializers from collapsing to overflowing. */
const smallSweep = fc.record({
  activations: fc.subarray([...activations], { minLength: 1 }),
  inits: fc.uniqueArray(
    fc.oneof(
      fc.constantFrom(...initPresets, 'std:0', 'orthogonal:auto', 'uniform:3', 'const:-0.5'),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }).map((sigma) => `std:${sigma}`),
    ),
    { minLength: 1, maxLength: 3 },
  ),
  layers: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 24 }),
  samples: fc.integer({ min: 1, max: 40 }),
  bins: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  biasStd: fc.constantFrom(0, 0.5),
  gradients: fc.boolean(),
});

describe('sweep() properties', () => {
  it('conserves mass, orders min ≤ mean ≤ max and keeps std and zeros within what the extremes allow', async () => {
    await fc.assert(
      fc.asyncProperty(smallSweep, async (options) => {
        const results = await sweep(options);
        const total = options.samples * options.width;
        for (const run of results.runs) {
          expect(run.state).toBe('completed');
          for (const layer of run.layers) {
            const { counts, below, above, edges } = layer.histogram;
            const mass = counts.reduce((a, b) => a + b, 0) + below + above + layer.nonFinite;
            expect(mass).toBe(total);
            expect(edges).toHaveLength(options.bins + 1);
            if (options.gradients) {
              const g = layer.gradients;
              const gradientMass =
                (g?.histogram.counts.reduce((a, b) => a + b, 0) ?? 0) +
                (g?.histogram.below ?? 0) +
                (g?.histogram.above ?? 0) +
                (g?.nonFinite ?? 0);
              expect(gradientMass).toBe(total);
              // The gradient histogram spans [−m, m], m = max |δ|: Var(δ) ≤ m² (Popoviciu).
              const m = g?.histogram.edges.at(-1) ?? Number.NaN;
              if (g?.variance != null) expect(g.variance).toBeLessThanOrEqual(m * m * (1 + 1e-12));
            }
            // Exact zeros are finite values: a whole count of them, none when 0 is outside [min, max].
            const zeros = layer.zeroFraction * total;
            expect(Math.abs(zeros - Math.round(zeros))).toBeLessThan(1e-6);
            expect(Math.round(zeros)).toBeLessThanOrEqual(total - layer.nonFinite);
            if (layer.mean === null) {
              expect(layer.nonFinite).toBe(total);
              continue;
            }
            const { min, mean, max, std } = layer as { [key: string]: number };
            if (min > 0 || max < 0) expect(layer.zeroFraction).toBe(0);
            // The f64 mean of f32 values may round a hair past a bound when all values are equal.
            const slack = Math.abs(mean) * 1e-12;
            expect(min).toBeLessThanOrEqual(mean + slack);
            expect(mean).toBeLessThanOrEqual(max + slack);
            // Popoviciu: a standard deviation is at most half the range (equal when the values are
            // split evenly between min and max; then the f64 sums may land an ulp past it).
            expect(std).toBeLessThanOrEqual(((max - min) / 2) * (1 + 1e-12) + slack);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives byte-identical JSON for the same options and seed', async () => {
    await fc.assert(
      fc.asyncProperty(smallSweep, async (options) => {
        const a = JSON.stringify(await sweep(options));
        const b = JSON.stringify(await sweep({ ...options }));
        expect(a).toBe(b);
      }),
      { numRuns: 30 },
    );
  });
});
