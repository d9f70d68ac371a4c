import type { Training } from '@initscope/results';
import { smoothCurve } from '@initscope/results/smooth-curve';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderTrainingPage } from '../src/index.js';
import { initPalette } from '../src/specs/theme.js';
import { ridgeRise } from '../src/specs/training.js';
import { trainingFixture } from './fixtures.js';
import { chartsOf } from './page-parts.js';

type Row = Record<string, number | string>;

/**
 * Rows as vega-lite's `flatten` makes them of `values` (one row of arrays per curve): the k-th
 * element of each flattened field, rows with a null value (a NaN the JSON could not hold) left out.
 */
function flattened(values: Record<string, unknown>[], transform: unknown): Row[] {
  const fields = (transform as { flatten?: string[] }[] | undefined)?.[0]?.flatten ?? [];
  return values.flatMap((row) => {
    if (fields.length === 0) return [row as Row];
    const n = (row[fields[0] as string] as unknown[]).length;
    return Array.from({ length: n }, (_, k) => {
      const out: Record<string, unknown> = { ...row };
      for (const f of fields) out[f] = (row[f] as unknown[])[k];
      return out as Row;
    }).filter((r) => fields.every((f) => r[f] !== null));
  });
}

/** The data (flattened) of the layer named `name` of a page's chart `id`. */
function layerData(page: string, id: string, name: string): Row[] {
  const chart = chartsOf(page).find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id}`);
  const layer = (
    chart.spec.layer as {
      name: string;
      data: { values: Record<string, unknown>[] };
      transform?: unknown;
    }[]
  ).find((l) => l.name === name);
  if (!layer) throw new Error(`no layer ${name} in ${id}`);
  return flattened(layer.data.values, layer.transform);
}

/** Every chart of a page compiles with vega-lite and runs in vega (headless) to a scenegraph. */
async function renderAll(page: string): Promise<void> {
  for (const chart of chartsOf(page)) {
    const view = new vega.View(vega.parse(compile(chart.spec as never).spec), { renderer: 'none' });
    await view.runAsync();
    view.finalize();
  }
}

type Run = Training['runs'][number];

function run(init: string, accuracy: number, outcome: Run['outcome']): Run {
  return {
    init,
    activation: 'relu',
    optimizer: 'sgd',
    state: outcome === 'diverged' ? 'diverged' : 'completed',
    outcome,
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

/** A training document with sim's thresholds of today and the book's configuration. */
function doc(runs: Run[]): Training {
  return {
    kind: 'initscope-train',
    config: {
      widths: [784, 100, 100, 100, 100, 10],
      activation: 'relu',
      inits: runs.map((r) => r.init),
      optimizer: 'sgd',
      lr: 0.01,
      batch: 128,
      iterations: 2000,
      seed: 1,
      evalEvery: 100,
      checkpoints: [0, 10, 100, 1000, 2000],
    },
    verdictThresholds: {
      deadZeroFraction: 0.9,
      explodingGrowth: 2,
      saturation: 0.3,
      collapseGrowth: 0.5,
      collapseSpread: 0.05,
      driftFactor: 10,
      vanishingRatio: 0.1,
      explodingRatio: 10,
    },
    criticalTolerance: 1e-6,
    outcomeThresholds: { learned: 0.85, notLearned: 0.2 },
    runs,
  };
}

describe('renderTrainingPage()', () => {
  it('shows each run’s outcome and diagnosis and states the thresholds, in both languages', () => {
    const training = doc([run('std:0.01', 0.1135, 'did not learn'), run('he', 0.95, 'learned')]);
    const en = renderTrainingPage(training, { lang: 'en' });
    expect(renderTrainingPage(training)).toBe(en);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<td>std:0.01</td>');
    expect(en).toContain('did not learn');
    expect(en).toContain('learned ≥ 0.85');
    // the diagnosis columns come from runs[].diagnosis, with the document's thresholds stated
    expect(en).toContain(
      '<td>saturated (layer 2: 0.750)</td><td>vanishing (0.000197)</td><td>0.0557</td><td>ordered</td>',
    );
    expect(en).toContain('Gradients vanish when Var δ¹ / Var δᴸ < 0.1, explode when > 10');
    expect(en).toContain('≥ 0.3 of a layer');
    expect(en).toContain('critical within 0.000001');
    const ja = renderTrainingPage(training, { lang: 'ja' });
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('学習しなかった');
    expect(ja).toContain('学習した');
    expect(ja).toContain('学習中の層ごとのヒストグラム');
    expect(ja).toContain(
      '<td>飽和 (層 2: 0.750)</td><td>勾配消失 (0.000197)</td><td>0.0557</td><td>秩序相</td>',
    );
  });

  it('reads every threshold and outcome from the document, not from a library constant', () => {
    const training = doc([run('he', 0.6, 'learned'), run('bad', 0.1, 'diverged')]);
    training.outcomeThresholds = { learned: 0.55, notLearned: 0.15 };
    training.verdictThresholds.vanishingRatio = 0.05;
    training.verdictThresholds.saturation = 0.4;
    training.criticalTolerance = 0.001;
    const bad = training.runs[1] as Run;
    bad.divergedAt = 7;
    bad.evals[0] = { iteration: 7, testAccuracy: 0.1, testLoss: null, trainAccuracy: 0.1 };
    bad.loss = [2.3, null];
    const en = renderTrainingPage(training, { lang: 'en' });
    expect(en).toContain('learned ≥ 0.55 final test accuracy; did not learn < 0.15');
    expect(en).toContain('Gradients vanish when Var δ¹ / Var δᴸ < 0.05');
    expect(en).toContain('≥ 0.4 of a layer');
    expect(en).toContain('critical within 0.001');
    expect(en).not.toContain('0.85');
    // the run's outcome as the document has it; a test loss the JSON holds as null reads —
    expect(en).toMatch(/<td>0\.6000<\/td><td>1\.0000<\/td><td>learned<\/td>/);
    expect(en).toContain('<td>0.1000</td><td>—</td><td>diverged (iteration 7)</td>');
    const ja = renderTrainingPage(training, { lang: 'ja' });
    expect(ja).toContain(
      '最終テスト認識精度 0.55 以上で「学習した」、0.15 未満で「学習しなかった」',
    );
    expect(ja).toContain('Var δ¹ / Var δᴸ が 0.05 未満で勾配消失');
  });

  it('draws bands and counts seeds for a document with --seeds (the train-seeds fixture)', async () => {
    const training = trainingFixture();
    const en = renderTrainingPage(training, { lang: 'en' });
    expect(en).toContain('over 2 seeds');
    for (const r of training.runs) {
      const band = r.band as NonNullable<Run['band']>;
      for (const [outcome, n] of Object.entries(band.outcomes))
        expect(en).toContain(`${outcome} in ${n}/2 seeds`);
      // the shaded 10–90% band of the seeds' smoothed loss and the min–max of their accuracy
      const lossBand = layerData(en, 'loss', 'band').filter((d) => d.init === r.init);
      expect(lossBand.map((d) => d.lo)).toEqual(band.smoothLoss.p10.filter((v) => v !== null));
      expect(lossBand.map((d) => d.hi)).toEqual(band.smoothLoss.p90.filter((v) => v !== null));
      const median = layerData(en, 'loss', 'smooth').filter((d) => d.init === r.init);
      expect(median.map((d) => d.value)).toEqual(band.smoothLoss.median.filter((v) => v !== null));
      const raw = layerData(en, 'loss', 'raw').filter((d) => d.init === r.init);
      expect(raw.map((d) => d.value)).toEqual(r.loss.filter((v) => v !== null));
      const accBand = layerData(en, 'accuracy', 'band').filter((d) => d.init === r.init);
      expect(accBand).toEqual(
        band.evals.map((e) => ({
          init: r.init,
          iteration: e.iteration,
          lo: e.testAccuracy.min,
          hi: e.testAccuracy.max,
        })),
      );
      const acc = layerData(en, 'accuracy', 'accuracy').filter((d) => d.init === r.init);
      expect(acc.map((d) => [d.iteration, d.value])).toEqual(
        band.evals.map((e) => [e.iteration, e.testAccuracy.mean]),
      );
    }
    // update ratio per layer at each checkpoint, every positive ratio of the document
    const ratios = chartsOf(en).find((c) => c.id === 'update-ratio')?.spec.data as {
      values: Row[];
    };
    expect(ratios.values).toEqual(
      training.runs.flatMap((r) =>
        r.checkpoints.flatMap((c) =>
          c.layers.flatMap((l, k) =>
            l.updateRatio !== null && l.updateRatio > 0
              ? [{ init: r.init, iteration: c.iteration, layer: k + 1, value: l.updateRatio }]
              : [],
          ),
        ),
      ),
    );
    expect(ratios.values.length).toBeGreaterThan(0);
    // one activations and one gradients ridgeline chart per run, colours of the run report
    expect(chartsOf(en).map((c) => c.id)).toEqual([
      'loss',
      'accuracy',
      'update-ratio',
      'run-1-activations',
      'run-1-gradients',
      'run-2-activations',
      'run-2-gradients',
    ]);
    const lossColor = JSON.stringify(chartsOf(en)[0]?.spec);
    expect(lossColor).toContain(JSON.stringify(initPalette));
    await renderAll(en);
    expect(renderTrainingPage(training, { lang: 'ja' })).toContain('2 シードの平均');
  });
});

describe('renderTrainingPage() with seed bands', () => {
  // three seeds of he whose final test accuracies are 0.9, 0.95 and 0.5
  const finals = [0.9, 0.95, 0.5];
  const mean = finals.reduce((a, b) => a + b, 0) / finals.length;
  const sd = Math.sqrt(finals.reduce((a, b) => a + (b - mean) ** 2, 0) / (finals.length - 1));
  const summary = (xs: number[]) => ({
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    sd: Math.sqrt(
      xs.reduce((a, b) => a + (b - xs.reduce((p, q) => p + q, 0) / xs.length) ** 2, 0) /
        (xs.length - 1),
    ),
    min: Math.min(...xs),
    max: Math.max(...xs),
  });
  const loss = Array.from({ length: 30 }, (_, i) => 2.3 - i * 0.05);
  const curve = { median: loss, p10: loss.map((v) => v - 0.02), p90: loss.map((v) => v + 0.02) };
  const banded = (): Training => {
    const first = run('he', 0.9, 'learned');
    first.loss = loss;
    first.lossBefore = loss;
    first.evals = [
      { iteration: 0, testAccuracy: 0.1, testLoss: 2.3, trainAccuracy: 0.1 },
      { iteration: 30, testAccuracy: 0.9, testLoss: 0.3, trainAccuracy: 0.9 },
    ];
    first.diagnosis = {
      activations: { code: 'healthy', measure: null, layer: null, value: null },
      gradients: { code: 'stable', source: 'measured', value: 1 },
      sigmaW2: 2,
      chi1: 1,
      phase: 'critical',
    };
    first.band = {
      seeds: 3,
      loss: curve,
      smoothLoss: curve,
      evals: [
        {
          iteration: 0,
          seeds: 3,
          testAccuracy: summary([0.1, 0.1, 0.1]),
          testLoss: summary([2.3, 2.3, 2.3]),
          trainAccuracy: summary([0.1, 0.1, 0.1]),
        },
        {
          iteration: 30,
          seeds: 3,
          testAccuracy: summary(finals),
          testLoss: summary([0.3, 0.25, 1.2]),
          trainAccuracy: summary(finals),
        },
      ],
      outcomes: { learned: 2, 'learned slowly': 1 },
      diagnoses: { activations: { healthy: 3 }, gradients: { stable: 3 } },
    };
    const training = doc([first]);
    training.config = { ...training.config, iterations: 30, seeds: 3 };
    return training;
  };

  it('says how many seeds reached each outcome and agree with the diagnosis, in both languages', () => {
    expect(mean.toFixed(4)).toBe('0.7833');
    expect(sd.toFixed(4)).toBe('0.2466');
    const en = renderTrainingPage(banded(), { lang: 'en' });
    expect(en).toContain('learned in 2/3 seeds; learned slowly in 1/3 seeds');
    expect(en).toContain('healthy in 3/3 seeds');
    expect(en).toContain('stable (1.00) in 3/3 seeds');
    expect(en).toContain('mean 0.7833 ± 0.2466 (0.5000–0.9500) over 3 seeds');
    expect(en).toContain('seed 1 … 3');
    expect(en).toContain('shaded: 10–90% of the seeds');
    const ja = renderTrainingPage(banded(), { lang: 'ja' });
    expect(ja).toContain('学習した（3 シード中 2）; 学習が遅い（3 シード中 1）');
    expect(ja).toContain('3 シードの平均 0.7833 ± 0.2466（0.5000–0.9500）');
  });

  it('shades the loss (10–90%) and accuracy (min–max) bands under the lines', () => {
    const en = renderTrainingPage(banded(), { lang: 'en' });
    expect(layerData(en, 'loss', 'band')).toEqual(
      curve.p10.map((lo, k) => ({ init: 'he', iteration: k, lo, hi: curve.p90[k] })),
    );
    expect(layerData(en, 'loss', 'smooth').map((d) => d.value)).toEqual(curve.median);
    expect(layerData(en, 'accuracy', 'band')).toEqual([
      { init: 'he', iteration: 0, lo: 0.1, hi: 0.1 },
      { init: 'he', iteration: 30, lo: 0.5, hi: 0.95 },
    ]);
    expect(layerData(en, 'accuracy', 'accuracy').map((d) => d.value)).toEqual([
      summary([0.1, 0.1, 0.1]).mean,
      mean,
    ]);
    const plain = banded();
    delete plain.runs[0]?.band;
    const { seeds: _, ...config } = plain.config;
    plain.config = config;
    const page = renderTrainingPage(plain, { lang: 'en' });
    expect(() => layerData(page, 'loss', 'band')).toThrow('no layer band');
    expect(() => layerData(page, 'accuracy', 'band')).toThrow('no layer band');
    expect(page).not.toContain('seeds');
    // without seeds the thick line is the book's smooth_curve of the run's own loss
    expect(layerData(page, 'loss', 'smooth').map((d) => d.value)).toEqual(smoothCurve(loss));
    expect(smoothCurve(loss)).not.toEqual(loss);
    expect(layerData(page, 'accuracy', 'accuracy').map((d) => d.value)).toEqual([0.1, 0.9]);
  });
});

describe('renderTrainingPage() histograms over training', () => {
  it('draws one row per checkpoint per layer, with the layer’s saturation at each', async () => {
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
    const r = run('std:1', 0.5, 'learned slowly');
    r.checkpoints = [
      { iteration: 0, layers: [layer(0.747)] },
      { iteration: 100, layers: [layer(0.5)] },
    ];
    const en = renderTrainingPage(doc([r]), { lang: 'en' });
    expect(en).toContain('Histograms over training, per layer');
    expect(en).toContain('saturation<br>0: 0.747<br>100: 0.500');
    // one row of arrays per checkpoint and layer: the earliest checkpoint's baseline is the top row,
    // x the bins' centres closed at the outer edges, heights the counts over the row's highest bin
    const chart = (id: string) => chartsOf(en).find((c) => c.id === id)?.spec;
    const acts = chart('run-1-activations') as { data: { values: Row[] }; transform: unknown };
    const row = (iteration: number, base: number, counts: number[]) => ({
      iteration,
      layer: 1,
      base,
      peak: Math.max(...counts),
      x: [0, 0.25, 0.75, 1],
      count: [0, ...counts, 0],
    });
    expect(acts.data.values).toEqual([row(0, 1, [3, 1]), row(100, 0, [3, 1])]);
    expect(acts.transform).toContainEqual({
      calculate: `datum.base + datum.height * ${ridgeRise}`,
      as: 'top',
    });
    const grads = chart('run-1-gradients') as { data: { values: Row[] } };
    expect(grads.data.values).toEqual([row(0, 1, [1, 3]), row(100, 0, [1, 3])]);
    await renderAll(en);
  });
});
