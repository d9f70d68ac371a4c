import { describe, expect, it } from 'vitest';
import {
  bivariateExpectation,
  gaussianExpectation,
  gaussianQuadrature,
} from '../../src/theory/gaussian.js';
import { act, EPS_F64, EPS_QUAD, expectRelative, reference, square } from './fixtures.js';

describe('gaussianExpectation()', () => {
  it.each([1e-8, 1e-6, 1, 100, 1e4])('gives E[relu(√q z)²] = q/2 at q = %f', (q) => {
    expectRelative(gaussianExpectation(square(act('relu').phi), q), q / 2, EPS_F64);
  });

  it('gives E[z²] = 1, E[sigmoid] = 1/2 and E[relu] = √(q/2π)', () => {
    expectRelative(
      gaussianExpectation((x) => x * x, 1),
      1,
      EPS_F64,
    );
    for (const q of [1e-8, 1, 1e4]) {
      expectRelative(gaussianExpectation(act('sigmoid').phi, q), 0.5, EPS_F64);
      expectRelative(
        gaussianExpectation(act('relu').phi, q),
        Math.sqrt(q / (2 * Math.PI)),
        EPS_F64,
      );
    }
  });

  // [label, f, key prefix in the mpmath references, the q values it has]
  const mpmathCases = [
    ['tanh′²', square(act('tanh').dphi), 'tanh_d2', ['1e-6', '1', '100', '1e4']],
    ['tanh²', square(act('tanh').phi), 'tanh2', ['1e-6', '1', '100', '1e4']],
    ['sigmoid²', square(act('sigmoid').phi), 'sig2', ['1e-6', '1', '100', '1e4']],
    ['sigmoid′²', square(act('sigmoid').dphi), 'sig_d2', ['1e-6', '1', '100', '1e4']],
    ['gelu²', square(act('gelu').phi), 'gelu2', ['1', '100']],
    ['gelu', act('gelu').phi, 'gelu', ['1', '100']],
    ['silu', act('silu').phi, 'silu', ['1', '100']],
    ['softplus²', square(act('softplus').phi), 'softplus2', ['1', '100']],
    ['softsign′²', square(act('softsign').dphi), 'softsign_d2', ['1', '100']],
    ['selu²', square(act('selu').phi), 'selu2', ['1', '100']],
  ] as const;

  it.each(mpmathCases)(
    'matches mpmath for E[%s] at every q it was computed for',
    (_, f, key, qs) => {
      for (const text of qs) {
        const expected = reference[`${key}_${text}` as keyof typeof reference];
        expectRelative(gaussianExpectation(f, Number(text)), expected, EPS_QUAD);
      }
    },
  );

  it('integrates a sign change of width 1/√q at q = 1e4', () => {
    const value = gaussianExpectation((x) => Math.tanh(x) * (x / 100), 1e4);
    expectRelative(value, reference.ztanh_1e4, EPS_QUAD);
  });

  it('shifts the mean and returns f(mean) at q = 0', () => {
    expectRelative(
      gaussianExpectation((x) => x * x, 2, { mean: 3 }),
      11,
      EPS_F64,
    );
    expect(gaussianExpectation(Math.cos, 0, { mean: 1 })).toBe(Math.cos(1));
    expect(gaussianQuadrature(Math.cos, 0).intervals).toBe(0);
  });

  it('rejects a negative or non-finite variance', () => {
    expect(() => gaussianExpectation(Math.cos, -1)).toThrow(
      'The variance q must be a finite number ≥ 0, got -1.',
    );
    expect(() => gaussianExpectation(Math.cos, Number.NaN)).toThrow(RangeError);
  });
});

describe('bivariateExpectation()', () => {
  it.each([-0.9, 0, 0.5, 0.99])('matches the arc-cosine kernel of ReLU at c = %f', (c) => {
    const q = 3;
    // E[relu(u₁)relu(u₂)] = q/(2π)·(√(1 − c²) + (π − arccos c)·c) (Cho & Saul 2009).
    const kernel = (q / (2 * Math.PI)) * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c);
    expectRelative(bivariateExpectation(act('relu').phi, act('relu').phi, q, c), kernel, 1e-9);
    // E[step(u₁)step(u₂)] = (π − arccos c)/(2π).
    const steps = bivariateExpectation(act('relu').dphi, act('relu').dphi, q, c);
    expectRelative(steps, (Math.PI - Math.acos(c)) / (2 * Math.PI), 1e-9);
  });

  it('gives E[u₁u₂] = q·c and reduces to the univariate case at c = 1', () => {
    expectRelative(
      bivariateExpectation(
        (x) => x,
        (x) => x,
        2,
        0.3,
      ),
      0.6,
      1e-12,
    );
    expectRelative(
      bivariateExpectation(Math.tanh, Math.tanh, 5, 1),
      gaussianExpectation(square(Math.tanh), 5),
      1e-10,
    );
  });
});
