// Property-based differential tests (fast-check): random shapes and values, NaN, ±Inf, ±0,
// subnormals and huge values, WASM against the plain-TS references.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeValuesF32, expectCloseF32 } from '../../../testing/f32.js';
import {
  type ActivationKernel,
  activationKernels,
  type Core,
  passSumTolerance,
  reference,
} from '../src/index.js';
import { newCore, shiftedSquares } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

/** Any f32: mostly ordinary values, often an edge value (NaN, ±Inf, ±0, subnormal, huge). */
const f32Value = fc.oneof(
  { weight: 6, arbitrary: fc.float({ min: -8, max: 8, noNaN: true }) },
  { weight: 2, arbitrary: fc.float() },
  { weight: 2, arbitrary: fc.constantFrom(...edgeValuesF32) },
);

function f32Array(length: number) {
  return fc
    .array(f32Value, { minLength: length, maxLength: length })
    .map((v) => Float32Array.from(v));
}

/** A matmul problem of random odd or even shape. */
const matmulProblem = fc
  .record({
    m: fc.integer({ min: 1, max: 23 }),
    k: fc.integer({ min: 0, max: 41 }),
    n: fc.integer({ min: 1, max: 37 }),
  })
  .chain(({ m, k, n }) =>
    fc.record({
      m: fc.constant(m),
      k: fc.constant(k),
      n: fc.constant(n),
      a: f32Array(m * k),
      b: f32Array(k * n),
    }),
  );

/** Activations with their α where they take one. */
const kinds = activationKernels.filter((kind): kind is ActivationKernel => kind !== 'linear');

describe('kernel properties', () => {
  it('matmul equals the reference value for value on random shapes and values', () => {
    fc.assert(
      fc.property(matmulProblem, ({ m, k, n, a, b }) => {
        // Same value at every index (Object.is: −0 ≠ +0; any NaN equals any NaN, whatever its payload).
        const got = core.matmul(a, b, m, k, n);
        const want = reference.matmul(a, b, m, k, n);
        for (let i = 0; i < want.length; i++) {
          if (!Object.is(got[i], want[i]))
            expect.fail(`index ${i}: got ${got[i]}, expected ${want[i]}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every activation follows its reference within EPS_F32, NaN and infinities included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 67 }).chain(f32Array),
        (kind, x) => {
          expectCloseF32(core.activate(kind, x), reference.activate(kind, x));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moments and histograms equal the reference exactly, and conserve mass', () => {
    const range = fc
      .tuple(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 20, noNaN: true }),
      )
      .map(([lo, width]) => [lo, lo + width] as const);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain(f32Array),
        range,
        fc.integer({ min: 1, max: 64 }),
        (x, [lo, hi], bins) => {
          const block = core.alloc(x.length);
          try {
            block.array.set(x);
            const moments = core.momentsOf(block);
            expect(moments).toEqual(reference.moments(x));
            const histogram = core.histogramOf(block, lo, hi, bins, 0);
            const want = reference.histogram(x, lo, hi, bins, 0);
            expect([histogram.counts, histogram.below, histogram.above]).toEqual([
              want.counts,
              want.below,
              want.above,
            ]);
            const inside = histogram.counts.reduce((s, c) => s + c, 0);
            expect(inside + histogram.below + histogram.above + moments.nonFinite).toBe(x.length);
            if (moments.finite > 0) {
              expect(moments.min).toBeLessThanOrEqual(moments.max);
            }
          } finally {
            core.free(block);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a fused pass counts like the two-pass kernels, keeps the mean within [min, max] and Σ(x − mean)² within tolerance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }).chain(f32Array), (x) => {
        const block = core.alloc(x.length);
        const out = core.alloc(x.length);
        try {
          block.array.set(x);
          const pass = core.activateInto('linear', block, out, {
            stats: { lo: -4, hi: 4, bins: 16 },
          });
          const moments = core.momentsOf(block);
          expect([pass.finite, pass.nonFinite, pass.zeros, pass.min, pass.max]).toEqual([
            moments.finite,
            moments.nonFinite,
            moments.zeros,
            moments.min + 0,
            moments.max + 0,
          ]);
          if (pass.finite > 0) {
            const mean = pass.sum / pass.finite;
            const slack = 1e-12 * Math.max(Math.abs(pass.min), Math.abs(pass.max));
            expect(mean).toBeGreaterThanOrEqual(pass.min - slack);
            expect(mean).toBeLessThanOrEqual(pass.max + slack);
            // Σ(x − mean)² within the documented bound of the two-pass value (a clamped 0 would fail it)
            const want = reference.layerPass(x, 'moments').sumSqDev;
            expect(Math.abs(pass.sumSqDev - want)).toBeLessThanOrEqual(
              passSumTolerance * shiftedSquares(x),
            );
          }
        } finally {
          core.free(block);
          core.free(out);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normals are a pure function of (seed, stream, length) and match the reference bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 257 }),
        (seed, stream, length) => {
          const a = core.normal(length, seed, stream);
          expect(a).toEqual(core.normal(length, seed, stream));
          expectCloseF32(a, reference.normal(length, seed, stream));
          expect(core.uniformBits(8, seed, stream)).toEqual(reference.uniformBits(8, seed, stream));
        },
      ),
      { numRuns: 200 },
    );
  });
});
