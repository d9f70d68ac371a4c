import type { LayerStats, Results } from '@initscope/results';
import { validateResults } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import {
  activationVerdict,
  driftFactor,
  gradientVerdict,
  sweep,
  vanishingRatio,
  verdictThresholds,
} from '../src/index.js';

function codes(results: Results): Record<string, [string, string | undefined]> {
  const out: Record<string, [string, string | undefined]> = {};
  for (const run of results.runs) {
    out[`${run.activation}/${run.init}`] = [
      run.verdict?.activations.code ?? 'none',
      run.verdict?.gradients?.code,
    ];
  }
  return out;
}

// a layer with the given std (and optional extras); 1000 values, none outside the histogram
function layer(n: number, std: number, extra: Partial<LayerStats> = {}): LayerStats {
  return {
    layer: n,
    mean: 0,
    std,
    min: -1,
    max: 1,
    zeroFraction: 0,
    nonFinite: 0,
    saturation: null,
    histogram: { edges: [-1, 1], counts: [1000], below: 0, above: 0 },
    ...extra,
  };
}

describe('verdicts of the default sweep (the issue’s "Done when")', () => {
  it('judges the book’s configurations from their own measurements, with --gradients', async () => {
    const results = await sweep({ gradients: true });
    expect(validateResults(results).valid).toBe(true);
    expect(results.verdictThresholds).toEqual(verdictThresholds);
    const c = codes(results);
    expect(c['sigmoid/std:1']).toEqual(['saturated', 'stable']);
    expect(c['sigmoid/std:0.01']?.[0]).toBe('collapsed');
    expect(c['relu/std:1']?.[0]).toBe('exploding');
    expect(c['relu/he']).toEqual(['healthy', 'stable']);
    expect(c['tanh/std:1']).toEqual(['saturated', 'exploding']);
    expect(c['sigmoid/xavier']?.[1]).toBe('vanishing');
    for (const run of results.runs) {
      expect(run.verdict?.gradients?.source).toBe('measured');
      // the number a gradient verdict rests on is the page's: Var(δ¹)/Var(δᴸ)
      const v1 = run.layers[0]?.gradients?.variance as number;
      const vL = run.layers.at(-1)?.gradients?.variance as number;
      expect(run.verdict?.gradients?.value).toBeCloseTo(v1 / vL, 12);
    }
  }, 60_000);

  it('without --gradients, judges gradients from --theory, and not at all without either', async () => {
    const theory = await sweep({
      theory: true,
      activations: ['tanh', 'sigmoid'],
      inits: ['std:1'],
    });
    expect(codes(theory)).toEqual({
      'tanh/std:1': ['saturated', 'exploding'],
      'sigmoid/std:1': ['saturated', 'stable'],
    });
    expect(theory.runs[0]?.verdict?.gradients?.source).toBe('theory');
    const plain = await sweep({ activations: ['relu'], inits: ['he'] });
    expect(plain.runs[0]?.verdict?.gradients).toBeUndefined();
  }, 60_000);

  it('calls a slow collapse over 30 layers drifting (ReLU xavier), and ReLU he healthy', async () => {
    const results = await sweep({ activations: ['relu'], inits: ['xavier', 'he'], layers: 30 });
    const [xavier, he] = results.runs;
    expect(xavier?.verdict?.activations).toMatchObject({
      code: 'drifting',
      measure: 'drift',
      layer: 30,
    });
    expect(xavier?.verdict?.activations.value).toBeLessThan(1 / driftFactor);
    expect(he?.verdict?.activations.code).toBe('healthy');
  }, 60_000);
});

describe('activationVerdict()', () => {
  it('reports each code with its evidence, most severe first', () => {
    const steady = [1, 2, 3].map((n) => layer(n, 0.5));
    expect(activationVerdict('relu', steady)).toEqual({
      code: 'healthy',
      measure: null,
      layer: null,
      value: null,
    });
    const overflow = [layer(1, 1), layer(2, 1, { nonFinite: 10, zeroFraction: 0.95 })];
    expect(activationVerdict('relu', overflow)).toMatchObject({ code: 'overflow', layer: 2 });
    const dead = [layer(1, 1), layer(2, 1, { zeroFraction: 0.95 })];
    expect(activationVerdict('relu', dead)).toMatchObject({ code: 'dead', value: 0.95 });
    // ×1.9 per layer over 5 layers: every step mild, the total ×13 → drifting up
    const up = [1, 2, 3, 4, 5].map((n) => layer(n, 1.9 ** (n - 1)));
    expect(activationVerdict('gelu', up)).toMatchObject({ code: 'drifting', measure: 'drift' });
    const fast = [1, 2].map((n) => layer(n, 3 ** (n - 1)));
    expect(activationVerdict('gelu', fast)).toMatchObject({ code: 'exploding', value: 3 });
    const sat = [layer(1, 0.4, { saturation: 0.29 }), layer(2, 0.4, { saturation: 0.31 })];
    expect(activationVerdict('tanh', sat)).toMatchObject({
      code: 'saturated',
      layer: 2,
      value: 0.31,
    });
  });
});

describe('gradientVerdict()', () => {
  const withGrad = (variances: (number | null)[], nonFinite = 0) =>
    variances.map((variance, i) =>
      layer(i + 1, 1, {
        gradients: {
          variance,
          mean: 0,
          nonFinite: i === 0 ? nonFinite : 0,
          zeroFraction: 0,
          histogram: { edges: [-1, 1], counts: [1000], below: 0, above: 0 },
          weightGradNorm: 1,
        },
      }),
    );
  it('compares Var(δ) of the bottom and the top layer with the stated ratios', () => {
    expect(gradientVerdict(withGrad([vanishingRatio * 0.99, 1]))?.code).toBe('vanishing');
    expect(gradientVerdict(withGrad([vanishingRatio * 1.01, 1]))?.code).toBe('stable');
    expect(gradientVerdict(withGrad([11, 5, 1]))).toEqual({
      code: 'exploding',
      source: 'measured',
      value: 11,
    });
    expect(gradientVerdict(withGrad([1, 1], 3))).toEqual({
      code: 'exploding',
      source: 'measured',
      value: null,
    });
    expect(gradientVerdict([layer(1, 1)])).toBeUndefined();
  });
});
