import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectBitEqual } from '../../../testing/f32.js';
import {
  calculateGain,
  InitError,
  initPresets,
  parseInit,
  truncatedNormalStd,
  varianceScaling,
  weightSecondMoment,
} from '../src/initializers.js';
import { referenceWeights } from '../src/reference/weights.js';
import { version } from '../src/version.js';

const relu = { activation: 'relu' as const };

/** Mean and population variance of a sample. */
function moments(values: Float32Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / values.length };
}

describe('parseInit()', () => {
  it.each([
    ['std:1', 1],
    ['std:0.01', 0.01 ** 2],
    ['xavier', 1 / 100],
    ['he', 2 / 100],
    ['lecun', 1 / 100],
    ['glorot-normal', 1 / 100],
    ['he-uniform', 2 / 100],
    ['pytorch-linear', 1 / 300],
    ['uniform:0.5', 0.25 / 3],
    ['const:0.3', 0.09],
    ['zeros', 0],
    ['orthogonal', 1 / 100],
  ])('gives %s Var(W) = %d for fan_in = fan_out = 100', (id, variance) => {
    const draw = parseInit(id).draw(100, 100, relu);
    expect(weightSecondMoment(draw, 100, 100)).toBeCloseTo(variance, 15);
  });

  it('keeps the id as typed', () => {
    expect(parseInit('std:1e-2').id).toBe('std:1e-2');
    expect(parseInit('std:1e-2').draw(5, 5, relu)).toEqual({ kind: 'normal', std: 0.01 });
  });

  it("uses PyTorch's gain for orthogonal:auto", () => {
    expect(parseInit('orthogonal:auto').draw(4, 4, { activation: 'tanh' })).toEqual({
      kind: 'orthogonal',
      gain: 5 / 3,
    });
    expect(calculateGain({ activation: 'leaky-relu', alpha: 0.2 })).toBeCloseTo(
      Math.sqrt(2 / 1.04),
      15,
    );
    expect(calculateGain({ activation: 'selu' })).toBe(0.75);
  });

  it('throws InitError for unknown ids', () => {
    expect(() => parseInit('kaiming')).toThrow(InitError);
  });
});

describe('varianceScaling()', () => {
  it('divides by the fan its mode names', () => {
    const fanIn = varianceScaling('a', { scale: 2, mode: 'fan_in' }).draw(50, 200, relu);
    const fanOut = varianceScaling('b', { scale: 2, mode: 'fan_out' }).draw(50, 200, relu);
    const fanAvg = varianceScaling('c', { mode: 'fan_avg' }).draw(50, 150, relu);
    expect(weightSecondMoment(fanIn, 50, 200)).toBeCloseTo(2 / 50, 15);
    expect(weightSecondMoment(fanOut, 50, 200)).toBeCloseTo(2 / 200, 15);
    expect(weightSecondMoment(fanAvg, 50, 150)).toBeCloseTo(1 / 100, 15);
  });
});

describe('weight draws (referenceWeights(), the draws sweep() matches)', () => {
  // 120 000 weights: the sample variance's relative standard error is about √(2/n) ≈ 0.4%.
  const fanIn = 300;
  const fanOut = 400;

  it.each([
    ...initPresets.filter((id) => id !== 'zeros' && id !== 'orthogonal'),
    'std:0.3',
    'uniform:0.7',
  ])('draws %s with the variance it defines', (id) => {
    const draw = parseInit(id).draw(fanIn, fanOut, relu);
    const w = referenceWeights(draw, fanIn, fanOut, 7, 1);
    const { mean, variance } = moments(w);
    const expected = weightSecondMoment(draw, fanIn, fanOut);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / w.length));
    expect(variance / expected).toBeGreaterThan(0.98);
    expect(variance / expected).toBeLessThan(1.02);
    if (draw.kind === 'truncated-normal') {
      const limit = 2 * draw.std * (1 + 1e-6);
      expect(w.every((x) => Math.abs(x) <= limit)).toBe(true);
      expect(draw.std * truncatedNormalStd).toBeCloseTo(Math.sqrt(expected), 12);
    }
    if (draw.kind === 'uniform') {
      expect(w.every((x) => x >= draw.lo && x <= draw.hi)).toBe(true);
    }
  });

  it.each([
    [64, 64],
    [80, 30],
    [30, 80],
  ])('draws orthogonal %i×%i weights that are orthogonal to f32 precision', (rows, cols) => {
    const gain = 1.5;
    const w = referenceWeights(
      parseInit(`orthogonal:${gain}`).draw(rows, cols, relu),
      rows,
      cols,
      3,
      2,
    );
    // Tall: WᵀW = gain²·I (cols × cols); wide: WWᵀ = gain²·I (rows × rows).
    const tall = rows >= cols;
    const n = tall ? cols : rows;
    let worst = 0;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let dot = 0;
        const inner = tall ? rows : cols;
        for (let i = 0; i < inner; i++) {
          const x = tall ? (w[i * cols + a] as number) : (w[a * cols + i] as number);
          const y = tall ? (w[i * cols + b] as number) : (w[b * cols + i] as number);
          dot += x * y;
        }
        worst = Math.max(worst, Math.abs(dot / gain ** 2 - (a === b ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('fills constants and zeros exactly', () => {
    expectBitEqual(
      referenceWeights(parseInit('const:0.25').draw(3, 3, relu), 3, 3, 1, 1),
      new Float32Array(9).fill(0.25),
    );
    expectBitEqual(
      referenceWeights(parseInit('zeros').draw(2, 5, relu), 2, 5, 1, 1),
      new Float32Array(10),
    );
  });
});

describe('version', () => {
  it('equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toBe(pkg.version);
  });
});
