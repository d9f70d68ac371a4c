/** The report when the results carry gradients and mean-field predictions (`--gradients --theory`). */
import type { Results } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { renderReport } from '../src/index.js';
import { erroredRun, resultsFixture, runOf } from './fixtures.js';
import {
  anchorLinksOf,
  chartSpec,
  chartsOf,
  danglingLinksOf,
  ownPartOf,
  renderSvg,
  rowsOf,
} from './page-parts.js';

type Layered = { layer: { mark: unknown; encoding?: Record<string, unknown> }[] };

const perActivation = (id: string) => [
  `${id}-histograms`,
  `${id}-std`,
  ...(id === 'relu' ? ['relu-dead'] : [`${id}-saturation`]),
  `${id}-gradient-histograms`,
  `${id}-gradient-variance`,
  `${id}-weight-gradients`,
];

describe('renderReport() with gradients and mean-field theory', () => {
  const html = renderReport(resultsFixture('gradients-theory'));
  const own = ownPartOf(html);
  const charts = chartsOf(html);
  const chart = (id: string) => chartSpec(html, id);

  it('adds a gradient grid, a variance chart and a weight-gradient chart per activation', () => {
    expect(charts.map((c) => c.id)).toEqual(['sigmoid', 'relu', 'tanh'].flatMap(perActivation));
    for (const id of ['sigmoid', 'relu', 'tanh']) {
      expect(own).toContain(`<div class="gradients" id="${id}-gradients">`);
    }
  });

  it('has specs that compile and render to SVG in Node', async () => {
    for (const { id, spec } of charts) {
      const svg = await renderSvg(spec);
      expect(svg, id).toContain('<path');
    }
  });

  it('draws every gradient panel on its own symmetric range, rows = inits, columns = layers', async () => {
    const grid = chart('tanh-gradient-histograms');
    const bins = rowsOf(grid).filter((row) => row.k === 'bin');
    expect(bins).toHaveLength(4 * 5 * 30);
    for (const init of ['std:1', 'std:0.01', 'xavier', 'he']) {
      for (let layer = 1; layer <= 5; layer++) {
        const panel = bins.filter((r) => r.init === init && r.column === `${layer}-layer`);
        const lo = Math.min(...panel.map((r) => r.x0 as number));
        const hi = Math.max(...panel.map((r) => r.x1 as number));
        expect(lo, `${init} ${layer}`).toBeCloseTo(-hi, 12);
      }
    }
    expect(grid.resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    const svg = await renderSvg(grid);
    for (const label of ['std:1', 'he', '1-layer', '5-layer']) expect(svg).toContain(`>${label}<`);
  });

  it('overlays the expected counts on every activation panel, with a legend', async () => {
    for (const id of ['sigmoid', 'relu', 'tanh']) {
      const grid = chart(`${id}-histograms`);
      const fits = rowsOf(grid).filter((row) => row.k === 'fit');
      const panels = new Set(fits.map((row) => `${row.init} ${row.column}`));
      expect(panels.size, id).toBe(20);
      const layers = (grid as { spec: Layered }).spec.layer;
      const marks = layers.map((layer) => (layer.mark as { type: string }).type);
      // relu's rows share one x domain: an extra invisible point layer carries it
      const span = id === 'relu' ? ['point'] : [];
      expect(marks).toEqual(['rect', 'rule', 'line', 'point', 'point', ...span, 'text', 'text']);
      expect(layers[2]?.encoding?.stroke).toMatchObject({ datum: en.theoryLegend });
      expect(await renderSvg(grid)).toContain(`>${en.theoryLegend}<`);
    }
    // the gradient grid has no theory to overlay
    expect(rowsOf(chart('relu-gradient-histograms')).some((row) => row.k === 'fit')).toBe(false);
  });

  it('takes ReLU’s expected point mass at 0 out of the first bin, as it does for the bars', () => {
    const { counts, below, above } =
      runOf(resultsFixture('gradients-theory'), 'relu', 'he').layers[0]?.theory ?? {};
    if (!counts || below == null || above == null) throw new Error('no relu he theory counts');
    const total = counts.reduce((a, b) => a + b, below + above);
    const first = rowsOf(chart('relu-histograms')).find(
      (row) => row.k === 'fit' && row.init === 'he' && row.column === '1-layer',
    );
    expect(first?.count).toBeCloseTo((counts[0] ?? 0) - total / 2, 6);
    // and the prediction follows the bars: within 10% of the simulated count in that bin
    const bar = rowsOf(chart('relu-histograms')).find(
      (row) => row.k === 'bin' && row.init === 'he' && row.column === '1-layer',
    );
    expect(Math.abs((first?.count as number) / (bar?.count as number) - 1)).toBeLessThan(0.1);
  });

  it('draws the predicted std dashed over the simulated one', () => {
    const std = chart('tanh-std') as Layered & Record<string, unknown>;
    const dashes = std.layer.map((layer) => layer.encoding?.strokeDash);
    expect(dashes[0]).toMatchObject({ datum: en.simulatedLegend });
    expect(dashes[2]).toMatchObject({ datum: en.theoryLegend });
    const fit = rowsOf(std).filter((row) => row.k === 'fit');
    expect(fit).toHaveLength(20);
    expect(charts.find((c) => c.id === 'tanh-std')).toBeDefined();
    expect(own).toContain(en.stdTheoryText);
  });

  it('overlays Var(δᴸ)·Πχ from the top down on the gradient-variance chart', () => {
    const spec = chart('relu-gradient-variance');
    const fit = rowsOf(spec).filter((row) => row.k === 'fit' && row.init === 'xavier');
    const sim = rowsOf(spec).filter((row) => row.k === 'sim' && row.init === 'xavier');
    expect(fit.map((row) => row.layer)).toEqual([1, 2, 3, 4, 5]);
    expect(fit[4]?.value).toBe(sim[4]?.value);
    expect((fit[0]?.value as number) / (fit[4]?.value as number)).toBeCloseTo(0.5 ** 4, 2);
    expect(own).toContain(en.gradientTheoryText);
    const norm = chart('relu-weight-gradients') as Record<string, unknown>;
    expect(norm.layer).toBeUndefined();
    expect((norm.encoding as { y: { scale: unknown } }).y.scale).toEqual({ type: 'log' });
  });

  it('states the protocol and, per run, whether gradients shrink or grow going down', () => {
    expect(own).toContain('δᴸ = φ′(Aᴸ) ⊙ e, then δˡ = φ′(Aˡ) ⊙ (δˡ⁺¹·(Wˡ⁺¹)ᵀ)');
    expect(own).toMatch(
      /std:1: gradients grow on the way down — Var\(δ\) rises from [\d.e+-]+ at layer 5 to [\d.e+-]+ at layer 1/,
    );
    expect(own).toMatch(/xavier: gradients shrink on the way down — Var\(δ\) falls from/);
    expect(own).toContain('he: gradients stay within ×0.1–×10');
    expect(own.match(/<li class="trend trend-/g)).toHaveLength(12);
    // every sentence agrees with its run's gradients verdict (the same thresholds)
    const trendOf = { vanishing: 'shrinks', stable: 'kept', exploding: 'grows' } as const;
    for (const section of own.split('<section class="activation"').slice(1)) {
      const verdicts = [...section.matchAll(/<span class="verdict gradient-(\w+)">/g)].map(
        (m) => m[1],
      );
      const trends = [...section.matchAll(/<li class="trend trend-(\w+)">/g)].map((m) => m[1]);
      expect(trends).toEqual(verdicts.map((v) => trendOf[v as keyof typeof trendOf]));
    }
    expect(own.match(new RegExp(en.gradientZerosText, 'g'))).toHaveLength(1);
  });

  it('gives every run its phase, χ₁ and depth scale in the verdict table', () => {
    expect(own).toContain(`<th>${en.theoryColumn}</th>`);
    expect(own).toContain(
      '<span class="phase phase-ordered">ordered (χ₁ = 6.24e-4)</span>: ordered: Var(δ) ×6.24e-4 per layer going down; different inputs end up alike over ≈ 0.136 layers (depth scale)',
    );
    // ReLU off criticality has no finite q* ≠ 0, so no depth scale
    expect(own).toContain(
      '<span class="phase phase-ordered">ordered (χ₁ = 0.5)</span>: ordered: Var(δ) ×0.5 per layer going down</td>',
    );
    expect(own).toContain('<span class="phase phase-chaotic">chaotic (χ₁ = 50)</span>');
    // relu he and tanh xavier sit at the edge of chaos
    expect(
      own.match(/<span class="phase phase-critical">critical \(χ₁ = 1\)<\/span>/g),
    ).toHaveLength(2);
    expect(own.match(/<span class="phase /g)).toHaveLength(12);
  });

  it('explains mean-field theory and the new settings, and links every new part', () => {
    expect(own).toContain(`<section id="mean-field"><h2>${en.theoryTitle}</h2>`);
    expect(own).toContain(en.readTheory);
    expect(own).toContain(en.readGradients);
    expect(own).toContain(en.figureTheoryText);
    expect(own).toContain(`<tr><th>${en.gradientsSetting}</th><td>yes</td></tr>`);
    expect(own).toContain(`<tr><th>${en.theorySetting}</th><td>yes</td></tr>`);
    expect(danglingLinksOf(own)).toEqual([]);
    for (const id of ['mean-field', 'relu-gradients', 'relu-gradient-variance']) {
      expect(anchorLinksOf(own)).toContain(id);
    }
  });

  it('writes every new text in Japanese', () => {
    const page = ownPartOf(renderReport(resultsFixture('gradients-theory'), { lang: 'ja' }));
    for (const text of [
      ja.theoryTitle,
      ja.gradientsTitle('relu'),
      ja.gradientProtocol,
      ja.theoryColumn,
      ja.readTheory,
      ja.stdTheoryText,
      '秩序相（χ₁ = 0.5）',
      'カオス相（χ₁ = 50）',
      'relu: 層ごとの勾配の分散',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).toMatch(/xavier: 勾配は下へ伝わるうちに縮む — Var\(δ\) が5層目の/);
    for (const text of [en.theoryLegend, en.gradientProtocol, 'gradients vanish', 'ordered (']) {
      expect(page).not.toContain(text);
    }
    const grid = chartsOf(renderReport(resultsFixture('gradients-theory'), { lang: 'ja' }))[0]
      ?.spec as {
      spec: Layered;
    };
    expect(grid.spec.layer[2]?.encoding?.stroke).toMatchObject({ datum: ja.theoryLegend });
  });

  it('stays under 2 MB for the book’s 12 runs', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('renderReport() with part of the new fields', () => {
  it('draws theory without gradients: overlays and phases, no gradient section', () => {
    const base = resultsFixture('gradients-theory');
    const theoryOnly: Results = {
      ...base,
      config: { ...base.config, gradients: undefined },
      runs: base.runs.map((run) => ({
        ...run,
        layers: run.layers.map(({ gradients: _, ...stats }) => stats),
      })),
    };
    const html = renderReport(theoryOnly);
    const ids = chartsOf(html).map((chart) => chart.id);
    expect(ids.some((id) => id.includes('gradient'))).toBe(false);
    expect(ids).toHaveLength(9);
    const own = ownPartOf(html);
    expect(own).toContain('id="mean-field"');
    expect(own).not.toContain('class="gradients"');
    expect(own.match(/<span class="phase /g)).toHaveLength(12);
  });

  it('shows the phase of an errored run that carries one, and a dash for one that does not', () => {
    const base = resultsFixture('gradients-theory');
    const failed = erroredRun('tanh', 'std:1e9', 'Weights too large');
    const withTheory = {
      ...erroredRun('tanh', 'std:100', 'Out of memory'),
      theory: { sigmaW2: 1e6, sigmaB2: 0, qStar: null, chi1: null, phase: null, depthScale: null },
    };
    const own = ownPartOf(renderReport({ ...base, runs: [...base.runs, failed, withTheory] }));
    expect(own).toContain(
      '<span class="phase phase-diverging">q* diverges</span>: the variance map has no fixed point',
    );
    expect(own).toMatch(
      /<code>std:1e9<\/code><\/td><td>.*<\/td><td>Weights too large<\/td><td>–<\/td><td>–<\/td><\/tr>/,
    );
  });

  it('re-bins the prediction with the bars in book mode', () => {
    const grid = chartSpec(
      renderReport(resultsFixture('gradients-theory'), { book: true }),
      'tanh-histograms',
    );
    const fits = rowsOf(grid).filter((row) => row.k === 'fit');
    expect(Math.min(...fits.map((row) => row.x as number))).toBeGreaterThan(0);
    expect(Math.max(...fits.map((row) => row.x as number))).toBeLessThan(1);
  });
});

describe('renderReport() without the new fields', () => {
  const own = ownPartOf(renderReport(resultsFixture('book')));

  it('adds no gradient, theory or phase part', () => {
    for (const text of [
      'id="mean-field"',
      'class="gradients"',
      'class="phase',
      en.theoryColumn,
      en.theoryLegend,
      en.readGradients,
      en.gradientsSetting,
      en.widths,
      en.biasStd,
    ]) {
      expect(own).not.toContain(text);
    }
    const std = chartSpec(renderReport(resultsFixture('book')), 'relu-std');
    expect(std.layer).toBeUndefined();
    expect(std.mark).toEqual({ type: 'line', point: true, strokeWidth: 2 });
  });
});
