import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activations, initPresets, sweep } from '../src/index.js';

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
  it('conserves mass and orders min ≤ mean ≤ max with std ≥ 0 in every layer', async () => {
    await fc.assert(
      fc.asyncProperty(smallSweep, async (options) => {
        const results = await sweep(options);
        for (const run of results.runs) {
          expect(run.state).toBe('completed');
          for (const layer of run.layers) {
            const { counts, below, above, edges } = layer.histogram;
            const mass = counts.reduce((a, b) => a + b, 0) + below + above + layer.nonFinite;
            expect(mass).toBe(options.samples * options.width);
            expect(edges).toHaveLength(options.bins + 1);
            if (options.gradients) {
              const g = layer.gradients;
              const gradientMass =
                (g?.histogram.counts.reduce((a, b) => a + b, 0) ?? 0) +
                (g?.histogram.below ?? 0) +
                (g?.histogram.above ?? 0) +
                (g?.nonFinite ?? 0);
              expect(gradientMass).toBe(options.samples * options.width);
              expect(g?.variance ?? 0).toBeGreaterThanOrEqual(0);
            }
            if (layer.mean === null) {
              expect(layer.nonFinite).toBe(options.samples * options.width);
              continue;
            }
            // The f64 mean of f32 values may round a hair past a bound when all values are equal.
            const slack = Math.abs(layer.mean) * 1e-12;
            expect(layer.min).toBeLessThanOrEqual(layer.mean + slack);
            expect(layer.mean).toBeLessThanOrEqual((layer.max ?? 0) + slack);
            expect(layer.std).toBeGreaterThanOrEqual(0);
            expect(layer.zeroFraction).toBeGreaterThanOrEqual(0);
            expect(layer.zeroFraction).toBeLessThanOrEqual(1);
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
