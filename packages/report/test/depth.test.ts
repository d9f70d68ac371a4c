/** The report for deep stacks and for stacks that overflow f32, drawn from the CLI's fixtures. */
import { quantileBins as contractQuantileBins } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.js';
import { quantileBins } from '../src/specs/distribution.js';
import { resultsFixture, runOf } from './fixtures.js';
import { chartRows, chartSpec, chartsOf, ownPartOf, renderSvg } from './page-parts.js';

describe('renderReport() for a 20-layer stack', () => {
  const html = renderReport(resultsFixture('deep'));

  it('draws the chosen layers 1, 2, 5, 10, 20 as columns, each panel with the run’s own bins, and says so', () => {
    const rows = chartRows(html, 'tanh-histograms');
    expect(new Set(rows.map((row) => row.column))).toEqual(
      new Set(['1-layer', '2-layer', '5-layer', '10-layer', '20-layer']),
    );
    // 2 initializers × 5 layers × 10 bins
    expect(rows.filter((row) => row.k === 'bin')).toHaveLength(100);
    expect(html).toContain(
      '20 layers: the grid shows layers 1, 2, 5, 10, 20 (the first, the last, and the steps 1, 2, 5, 10, 20, 50, … between); the distribution chart below covers every layer.',
    );
  });

  it('says which layers the grid shows and what the distribution chart is in Japanese too', () => {
    const ja = renderReport(resultsFixture('deep'), { lang: 'ja' });
    expect(ja).toContain('20 層のうち、ヒストグラムは 1, 2, 5, 10, 20 層目を表示しています');
    expect(ja).toContain('下の分布図はすべての層を示します');
    expect(ja).toContain('relu: 深さ方向の各層の値の分布');
    expect(ja).toContain('[最小, 最大] を 256 等分して数えた度数');
    expect(chartRows(ja, 'relu-distribution').some((row) => row.band === '7〜93 %')).toBe(true);
  });

  it('states the quantiles’ resolution as the results contract defines it', () => {
    expect(quantileBins).toBe(contractQuantileBins);
    expect(html).toContain('counts in 256 equal bins');
    expect(html).toContain('by less than 0.39 % of the layer’s range');
  });

  it('draws every layer of every run in the distribution chart: its quantiles as 4 bands and the median', () => {
    const rows = chartRows(html, 'relu-distribution');
    const results = resultsFixture('deep');
    for (const init of ['xavier', 'he']) {
      const layers = runOf(results, 'relu', init).layers;
      const medians = rows.filter((row) => row.k === 'median' && row.init === init);
      expect(medians.map((row) => row.median)).toEqual(layers.map((l) => l.quantiles?.[4]));
      const bands = rows.filter((row) => row.k === 'band' && row.init === init);
      expect(bands).toHaveLength(4 * 20);
      const widest = bands.filter((row) => row.band === 'min–max');
      expect(widest.map((row) => [row.lo, row.hi])).toEqual(layers.map((l) => [l.min, l.max]));
    }
  });

  it('plots the std of every layer of every run', () => {
    const rows = chartRows(html, 'relu-std');
    for (const init of ['xavier', 'he']) {
      const stds = runOf(resultsFixture('deep'), 'relu', init).layers.map((layer) => layer.std);
      expect(
        rows.filter((row) => row.init === init).map((row) => row.value),
        init,
      ).toEqual(stds);
    }
  });

  it('renders every chart, the deepest column labelled', async () => {
    for (const { id, spec } of chartsOf(html)) {
      expect(await renderSvg(spec), id).toContain('<path');
    }
    expect(await renderSvg(chartSpec(html, 'relu-histograms'))).toContain('>20-layer<');
  });
});

describe('renderReport() for stacks that overflow f32', () => {
  const results = resultsFixture('overflow');
  const html = renderReport(results);
  const own = ownPartOf(html);

  it('lists every overflowing run on top with the first layer holding NaN/Inf', () => {
    expect(own).toContain(
      '<a href="#relu-std-1">relu std:1</a>: <span class="verdict verdict-overflow">overflow</span> — NaN/Inf from layer 29 on (90% of its values)',
    );
    expect(own).toContain(
      '<a href="#relu-std-1e30">relu std:1e30</a>: <span class="verdict verdict-overflow">overflow</span> — NaN/Inf from layer 2 on (50% of its values)',
    );
  });

  it('plots the measured and predicted std only where they are finite and positive', () => {
    const rows = chartRows(html, 'relu-std');
    for (const run of results.runs) {
      if (run.state !== 'completed') continue;
      const plotted = (k: string) =>
        rows.filter((row) => row.init === run.init && row.k === k).map((row) => row.layer);
      const layers = (std: (layer: (typeof run.layers)[number]) => number | null | undefined) =>
        run.layers.filter((layer) => (std(layer) ?? 0) > 0).map((layer) => layer.layer);
      expect(plotted('sim'), run.init).toEqual(layers((layer) => layer.std));
      expect(plotted('fit'), run.init).toEqual(layers((layer) => layer.theory?.std));
    }
    // std:1e30: mean-field q leaves f64's range at layer 5
    expect(runOf(results, 'relu', 'std:1e30').layers[4]?.theory?.q).toBeNull();
  });

  it('says there is no gradient trend when no layer has a finite gradient variance', () => {
    for (const init of ['std:1', 'std:1e30']) {
      expect(own).toContain(
        `<li class="trend trend-none">${init}: fewer than two layers have a finite, non-zero gradient variance, so there is no trend to tell.</li>`,
      );
    }
  });

  it('still compiles and renders every chart, empty ones included', async () => {
    expect(chartsOf(html).map((chart) => chart.id)).toEqual([
      'relu-histograms',
      'relu-distribution',
      'relu-std',
      'relu-dead',
      'relu-gradient-histograms',
      'relu-gradient-variance',
      'relu-weight-gradients',
    ]);
    for (const { id, spec } of chartsOf(html)) expect(await renderSvg(spec), id).toMatch(/^<svg/);
  });
});
