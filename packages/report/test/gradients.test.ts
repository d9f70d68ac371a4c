import type { LayerGradients, LayerTheory } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { gradientKeptFactor, gradientTrend, predictedGradientVariance } from '../src/index.js';
import { layerWith, resultsFixture, runOf, runWith } from './fixtures.js';

/** Relative tolerance for products of a few f64 factors. */
const EPS_PRODUCT = 1e-12;

function gradients(variance: number | null): LayerGradients {
  return {
    variance,
    mean: 0,
    nonFinite: 0,
    zeroFraction: 0,
    histogram: { edges: [-1, 0, 1], counts: [5, 5], below: 0, above: 0 },
    weightGradNorm: 1,
  };
}

function theory(chi: number): LayerTheory {
  return {
    q: 1,
    mean: 0,
    std: 1,
    chi,
    gradientVariance: null,
    counts: new Array(30).fill(1),
    below: 0,
    above: 0,
  };
}

/** A run whose layers carry the given gradient variances (layer 1 first). */
function runOfVariances(variances: (number | null)[], chis?: number[]) {
  return runWith(
    'tanh',
    variances.map((variance, i) =>
      layerWith(i + 1, {
        gradients: gradients(variance),
        ...(chis ? { theory: theory(chis[i] ?? 1) } : {}),
      }),
    ),
  );
}

describe('gradientTrend()', () => {
  it('compares Var(δ) at the top layer with layer 1 and gives the factor per layer', () => {
    expect(gradientTrend(runOfVariances([1e-4, 1e-3, 1e-2, 1e-1, 1]))).toEqual({
      top: 5,
      topVariance: 1,
      bottom: 1,
      bottomVariance: 1e-4,
      ratio: 1e-4,
      perLayer: expect.closeTo(0.1, 12),
      direction: 'shrinks',
      limits: [0.5, 2],
    });
    expect(gradientTrend(runOfVariances([8, 4, 2, 1]))?.direction).toBe('grows');
  });

  it('calls a change within the kept factor kept, either way', () => {
    expect(gradientKeptFactor).toBe(2);
    expect(gradientTrend(runOfVariances([1.9, 1]))?.direction).toBe('kept');
    expect(gradientTrend(runOfVariances([0.55, 1]))?.direction).toBe('kept');
    expect(gradientTrend(runOfVariances([0.49, 1]))?.direction).toBe('shrinks');
  });

  it('judges with the gradients verdict thresholds when given', () => {
    const thresholds = { vanishingRatio: 0.1, explodingRatio: 10 };
    expect(gradientTrend(runOfVariances([0.2, 1]), thresholds)?.direction).toBe('kept');
    expect(gradientTrend(runOfVariances([0.09, 1]), thresholds)).toMatchObject({
      direction: 'shrinks',
      limits: [0.1, 10],
    });
    expect(gradientTrend(runOfVariances([11, 1]), thresholds)?.direction).toBe('grows');
  });

  it('skips layers without a finite, positive variance and needs two that have one', () => {
    expect(gradientTrend(runOfVariances([null, 0.5, 1, null]))).toMatchObject({
      bottom: 2,
      top: 3,
      ratio: 0.5,
    });
    expect(gradientTrend(runOfVariances([null, 1]))).toBeNull();
    expect(gradientTrend(runWith('relu', [layerWith(1), layerWith(2)]))).toBeNull();
  });

  it('reads the book’s runs the way the theory says', () => {
    const direction = (activation: string, init: string) =>
      gradientTrend(runOf(resultsFixture('gradients-theory'), activation, init))?.direction;
    expect(direction('relu', 'std:1')).toBe('grows');
    expect(direction('relu', 'xavier')).toBe('shrinks');
    expect(direction('relu', 'he')).toBe('kept');
    expect(direction('tanh', 'std:0.01')).toBe('shrinks');
  });
});

describe('predictedGradientVariance()', () => {
  it('starts from the measured top layer and multiplies χˡ going down', () => {
    const predicted = predictedGradientVariance(runOfVariances([9, 9, 2], [0.5, 0.25, 7]));
    expect(predicted?.map((p) => p.layer)).toEqual([1, 2, 3]);
    const values = predicted?.map((p) => p.value) ?? [];
    // layer 3: measured 2; layer 2: 2·χ²; layer 1: 2·χ²·χ¹ (χ³ is never used)
    for (const [got, want] of values.map((v, i) => [v, [0.25, 0.5, 2][i] ?? 0])) {
      expect(Math.abs((got ?? 0) - (want ?? 0))).toBeLessThanOrEqual(EPS_PRODUCT * (want ?? 1));
    }
  });

  it('is null without theory on every layer or without a finite top variance', () => {
    expect(predictedGradientVariance(runOfVariances([1, 1]))).toBeNull();
    expect(predictedGradientVariance(runOfVariances([1, null], [1, 1]))).toBeNull();
  });

  it('follows the simulated variances of the book’s ReLU/Xavier run within 20% per layer', () => {
    const run = runOf(resultsFixture('gradients-theory'), 'relu', 'xavier');
    const predicted = predictedGradientVariance(run) ?? [];
    expect(predicted).toHaveLength(5);
    for (const { layer, value } of predicted) {
      const measured = run.layers[layer - 1]?.gradients?.variance ?? 0;
      expect(value / measured, `layer ${layer}`).toBeGreaterThanOrEqual(0.8 ** (5 - layer));
      expect(value / measured, `layer ${layer}`).toBeLessThanOrEqual(1.2 ** (5 - layer));
    }
  });
});
