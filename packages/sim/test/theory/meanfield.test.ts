import { describe, expect, it } from 'vitest';
import {
  type LayerPrediction,
  meanField,
  postActivation,
  sigmaW2For,
} from '../../src/theory/meanfield.js';
import { EPS_F64, expectAllRelative, expectRelative } from './fixtures.js';

/** Per-layer predictions equal to `expected` (one list per field) to f64 rounding. */
function expectLayers(
  layers: readonly LayerPrediction[],
  expected: Partial<Record<'q' | 'chi' | 'gradientVariance', number[]>>,
): void {
  for (const [field, values] of Object.entries(expected)) {
    const key = field as keyof typeof expected;
    expectAllRelative(
      layers.map((layer) => layer[key]),
      values,
      EPS_F64,
    );
  }
}

describe('postActivation(), meanField()', () => {
  it('gives ReLU its closed forms: mean √(q/2π), std √(q(1/2 − 1/2π)), E[φ′²] = 1/2', () => {
    const q = 7;
    const m = postActivation('relu', q);
    expectRelative(m.mean, Math.sqrt(q / (2 * Math.PI)), EPS_F64);
    expectRelative(m.std, Math.sqrt(q * (0.5 - 1 / (2 * Math.PI))), EPS_F64);
    expectRelative(m.secondMoment, q / 2, EPS_F64);
    expectRelative(m.slopeMoment, 0.5, EPS_F64);
  });

  it('keeps q = 2 through ReLU with He (σ_w² = 2), with χ = 1 and unit gradient gain', () => {
    const { layers } = meanField({ activation: 'relu', sigmaW2: 2, layers: 10 });
    for (const layer of layers) {
      expectRelative(layer.q, 2, EPS_F64);
      expectRelative(layer.chi, 1, EPS_F64);
      expectRelative(layer.gradientVariance, 0.5, EPS_F64);
    }
  });

  it('multiplies q by σ_w² per linear layer and adds σ_b²', () => {
    const { layers } = meanField({
      activation: 'linear',
      sigmaW2: 3,
      sigmaB2: 0.5,
      layers: 3,
      q0: 2,
    });
    expectLayers(layers, { q: [6.5, 20, 60.5], chi: [3, 3, 3], gradientVariance: [9, 3, 1] });
  });

  it('takes σ_w² per layer and the widths of the backward pass', () => {
    const { layers } = meanField({
      activation: 'linear',
      sigmaW2: [1, 2, 4],
      layers: 3,
      widths: [10, 20, 40, 10],
    });
    // Var(δ²) = Var(δ³)·σ_w²(3)·n₃/n₂ = 4·(10/40); Var(δ¹) = Var(δ²)·2·(40/20).
    expectLayers(layers, { q: [1, 2, 8], gradientVariance: [4, 1, 1] });
  });

  it('predicts the book’s sigmoid with std 0.01 at width 100 (mean 1/2, tiny spread)', () => {
    const { layers } = meanField({
      activation: 'sigmoid',
      sigmaW2: sigmaW2For('std:0.01', 100),
      layers: 5,
    });
    for (const layer of layers) expectRelative(layer.mean, 0.5, EPS_F64);
    // q¹ = 0.01, then q ≈ 0.01·E[σ²] ≈ 0.0025: std ≈ σ'(0)·√q = 0.0125 from layer 2 on.
    expect(layers[4]?.std).toBeCloseTo(0.0125, 3);
  });

  it('rejects bad options with clear messages', () => {
    expect(() => meanField({ activation: 'relu', sigmaW2: -1, layers: 2 })).toThrow(
      'sigmaW2 must be a finite number ≥ 0, got -1.',
    );
    expect(() => meanField({ activation: 'relu', sigmaW2: 2, layers: 0 })).toThrow(
      'layers must be an integer ≥ 1, got 0.',
    );
    expect(() => meanField({ activation: 'relu', sigmaW2: [1, 2], layers: 3 })).toThrow(
      'sigmaW2 must hold one value per layer (3), got 2.',
    );
  });
});

describe('sigmaW2For()', () => {
  it('maps initializer ids to σ_w² = fan_in·Var(W)', () => {
    expectRelative(sigmaW2For('std:1', 1000), 1000, EPS_F64);
    expectRelative(sigmaW2For('std:0.01', 1000), 0.1, EPS_F64);
    expectRelative(sigmaW2For('xavier', 100), 1, EPS_F64);
    expectRelative(sigmaW2For('he', 100), 2, EPS_F64);
    expectRelative(sigmaW2For('lecun', 100), 1, EPS_F64);
    expectRelative(sigmaW2For('glorot-normal', 100, 300), 0.5, EPS_F64);
  });
});
