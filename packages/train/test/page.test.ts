import { describe, expect, it } from 'vitest';
import {
  bookTrainConfig,
  outcomeOf,
  renderTrainPage,
  resolveTrainConfig,
  smoothCurve,
  type TrainRun,
} from '../src/index.ts';

describe('smoothCurve()', () => {
  it('matches the book’s smooth_curve in NumPy (np.kaiser(11, 2), reflect padding)', () => {
    const x = Array.from({ length: 40 }, (_, i) => Math.cos(i * 0.7) + i * 0.01);
    const y = smoothCurve(x);
    expect(y).toHaveLength(40);
    // values printed by NumPy 2 for the same x
    const numpy: [number, number][] = [
      [0, 0.028184644467294],
      [1, 0.02820566368571],
      [17, 0.173926086802845],
      [38, 0.628393975909747],
      [39, 0.682739885484684],
    ];
    for (const [i, v] of numpy) expect(y[i]).toBeCloseTo(v, 12);
  });
});

describe('resolveTrainConfig()', () => {
  const mnist = { pixels: 784, classes: 10 };

  it('defaults to the book’s fig. 6-15 and the optimizer’s book learning rate', () => {
    expect(resolveTrainConfig({}, mnist)).toEqual(bookTrainConfig);
    expect(resolveTrainConfig({ optimizer: 'adam' }, mnist).lr).toBe(0.001);
    expect(resolveTrainConfig({ iterations: '100' }, mnist).checkpoints).toEqual([0, 10, 100]);
  });

  it('names the bad value and the valid choices', () => {
    expect(() => resolveTrainConfig({ optimizer: 'sgdd' }, mnist)).toThrow(
      /^Unknown optimizer "sgdd"/,
    );
    expect(() => resolveTrainConfig({ activation: 'rleu' }, mnist)).toThrow(
      /^Unknown activation "rleu"/,
    );
    expect(() => resolveTrainConfig({ lr: '-1' }, mnist)).toThrow(
      'Invalid --lr "-1": expected a finite number > 0.',
    );
    expect(() => resolveTrainConfig({ widths: '784,100,9' }, mnist)).toThrow(
      'Invalid --widths "784,100,9": the data needs 784 inputs first and 10 classes last.',
    );
    expect(() => resolveTrainConfig({ iterations: '50', checkpoints: '0,60' }, mnist)).toThrow(
      'Invalid --checkpoints "60": expected an integer from 0 to 50.',
    );
    expect(() => resolveTrainConfig({ inits: 'he,bogus' }, mnist)).toThrow(/bogus/);
  });
});

function run(init: string, accuracy: number, state: TrainRun['state'] = 'completed'): TrainRun {
  return {
    init,
    activation: 'relu',
    optimizer: 'sgd',
    state,
    diagnosis: {
      activations: { code: 'saturated', measure: 'saturation', layer: 2, value: 0.75 },
      gradients: { code: 'vanishing', source: 'measured', value: 0.000197 },
      sigmaW2: 1,
      chi1: 0.0557,
      phase: 'ordered',
    },
    loss: [2.3, 2.2],
    lossBefore: [2.31, 2.21],
    evals: [{ iteration: 2, testAccuracy: accuracy, testLoss: 1, trainAccuracy: accuracy }],
    checkpoints: [],
  };
}

describe('renderTrainPage()', () => {
  it('classifies outcomes by the stated thresholds and states them, in both languages', () => {
    expect(outcomeOf(run('a', 0.9))).toBe('learned');
    expect(outcomeOf(run('a', 0.5))).toBe('learned slowly');
    expect(outcomeOf(run('a', 0.11))).toBe('did not learn');
    expect(outcomeOf(run('a', 0.9, 'diverged'))).toBe('diverged');
    const runs = [run('std:0.01', 0.1135), run('he', 0.95)];
    const en = renderTrainPage(runs, bookTrainConfig, 'en');
    expect(en).toContain('<td>std:0.01</td>');
    expect(en).toContain('did not learn');
    expect(en).toContain('learned ≥ 0.85');
    // the diagnosis columns come from runs[].diagnosis, with sim's thresholds stated
    expect(en).toContain(
      '<td>saturated (layer 2: 0.750)</td><td>vanishing (0.000197)</td><td>0.0557</td><td>ordered</td>',
    );
    expect(en).toContain('Gradients vanish when Var δ¹ / Var δᴸ < 0.1, explode when > 10');
    expect(en).toContain('≥ 0.3 of a layer');
    const ja = renderTrainPage(runs, bookTrainConfig, 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('学習しなかった');
    expect(ja).toContain('学習した');
    expect(ja).toContain('学習中の層ごとのヒストグラム');
    expect(ja).toContain(
      '<td>飽和 (層 2: 0.750)</td><td>勾配消失 (0.000197)</td><td>0.0557</td><td>秩序相</td>',
    );
  });
});

describe('renderTrainPage() histograms over training', () => {
  it('draws one row per checkpoint per layer, with the layer’s saturation at each', () => {
    const stats = (saturation: number | null, counts: number[]) => ({
      mean: 0.5,
      std: 0.4,
      zeroFraction: 0,
      nonFinite: 0,
      saturation,
      histogram: { edges: [0, 0.5, 1], counts, below: 0, above: 0 },
    });
    const layer = (saturation: number) => ({
      layer: 1,
      activations: stats(saturation, [3, 1]),
      gradients: stats(null, [1, 3]),
      weightStd: 1,
      updateRatio: 0.01,
    });
    const r = run('std:1', 0.5);
    r.checkpoints = [
      { iteration: 0, layers: [layer(0.747)] },
      { iteration: 100, layers: [layer(0.5)] },
    ];
    const en = renderTrainPage([r], bookTrainConfig, 'en');
    expect(en).toContain('Histograms over training, per layer');
    expect(en).toContain('saturation<br>0: 0.747<br>100: 0.500');
    // 2 checkpoints × (activations + gradients)
    expect(en.match(/<polygon /g)).toHaveLength(4);
  });
});
