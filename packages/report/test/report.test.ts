import type { Results } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/format.js';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { renderReport, resolveReportOptions } from '../src/index.js';
import { erroredRun, resultsFixture, runOf, troubledResults } from './fixtures.js';
import {
  anchorLinksOf,
  chartRows,
  chartSpec,
  chartsOf,
  danglingLinksOf,
  ownPartOf,
  type Row,
  renderSvg,
  rowsOf,
} from './page-parts.js';

const expectedCharts = [
  'sigmoid-histograms',
  'sigmoid-std',
  'sigmoid-saturation',
  'relu-histograms',
  'relu-std',
  'relu-dead',
  'tanh-histograms',
  'tanh-std',
  'tanh-saturation',
];

describe('renderReport() structure', () => {
  const html = renderReport(resultsFixture('book'));
  const own = ownPartOf(html);

  it('is a full HTML document in English by default', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<title>${en.reportTitle}</title>`);
    expect(resolveReportOptions()).toEqual({
      lang: 'en',
      book: false,
      logCounts: false,
      title: en.reportTitle,
    });
  });

  it('has one section per activation, in the order of the runs', () => {
    const sections = [...html.matchAll(/<section class="activation" id="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(sections).toEqual(['sigmoid', 'relu', 'tanh']);
  });

  it('shows the tool version and every configuration value in the header', () => {
    expect(own).toContain('initscope 0.1.0');
    for (const [label, value] of [
      [en.layers, '5'],
      [en.width, '100'],
      [en.samples, '200'],
      [en.bins, '30'],
      [en.seed, '42'],
      [en.range, en.defaultRange],
    ]) {
      expect(own).toContain(`<tr><th>${label}</th><td>${value}</td></tr>`);
    }
    expect(own).toContain('vega 6.4.0, vega-lite 6.4.3 and vega-embed 7.3.0 are inlined');
  });

  it('links every table-of-contents entry to an element of the page', () => {
    expect(danglingLinksOf(own)).toEqual([]);
    const links = anchorLinksOf(own);
    const expected = [
      'settings',
      'how-to-read',
      'verdict-rules',
      'weights',
      'sigmoid',
      'relu',
      'tanh',
      ...expectedCharts,
      ...resultsFixture('book').runs.map(
        (run) => `${run.activation}-${run.init.replace(/[^a-z0-9]+/g, '-')}`,
      ),
    ];
    expect(new Set(links)).toEqual(
      new Set([...expected, 'sigmoid-verdicts', 'relu-verdicts', 'tanh-verdicts']),
    );
  });

  it('embeds three charts per activation, each with a view to render into', () => {
    const charts = chartsOf(html);
    expect(charts.map((chart) => chart.id)).toEqual(expectedCharts);
    for (const chart of charts) expect(html).toContain(`id="${chart.id}-view"`);
  });

  it('has specs that compile with vega-lite and render to SVG in Node', async () => {
    for (const chart of chartsOf(html)) {
      const svg = await renderSvg(chart.spec);
      expect(svg, chart.id).toMatch(/^<svg/);
      expect(svg, chart.id).toContain('<path');
    }
  });

  it('draws the book’s grid: rows = initializers, columns = 1-layer … 5-layer', async () => {
    const grid = chartsOf(html)[0]?.spec ?? {};
    const svg = await renderSvg(grid);
    for (const label of ['std:1', 'std:0.01', 'xavier', 'he', '1-layer', '5-layer']) {
      expect(svg).toContain(`>${label}<`);
    }
    // 4 initializers × 5 layers × 30 bins
    expect(rowsOf(grid).filter((row) => row.k === 'bin')).toHaveLength(600);
  });

  it('gives every activation its own x range, taken from the data’s histogram edges', () => {
    const charts = chartsOf(html);
    const extent = (id: string) => {
      const bins = chartRows(html, id).filter((r) => r.k === 'bin');
      return [
        Math.min(...bins.map((r) => r.x0 as number)),
        Math.max(...bins.map((r) => r.x1 as number)),
      ];
    };
    expect(extent('sigmoid-histograms')).toEqual([0, 1]);
    expect(extent('tanh-histograms')).toEqual([-1, 1]);
    const reluMax = Math.max(
      ...resultsFixture('book')
        .runs.filter((r) => r.activation === 'relu')
        .flatMap((r) => r.layers.map((l) => l.max ?? 0)),
    );
    expect(extent('relu-histograms')).toEqual([0, reluMax]);
    for (const chart of charts.filter((c) => c.id.endsWith('-histograms'))) {
      expect(chart.spec.resolve).toEqual({ scale: { x: 'independent', y: 'independent' } });
    }
  });

  it('draws ReLU’s exact zeros apart from the bars, with their share', () => {
    const { config } = resultsFixture('book');
    const layer1 = runOf(resultsFixture('book'), 'relu', 'he').layers[0];
    if (!layer1) throw new Error('no relu he layer 1');
    const rows = chartRows(html, 'relu-histograms');
    const cell = (row: Row) => row.init === 'he' && row.column === '1-layer';
    const zeros = Math.round(layer1.zeroFraction * config.samples * config.width);
    expect(zeros).toBeGreaterThan(0);
    const firstBin = rows.find((row) => cell(row) && row.k === 'bin' && row.x0 === 0);
    expect(firstBin?.count).toBe((layer1.histogram.counts[0] ?? 0) - zeros);
    expect(rows.find((row) => cell(row) && row.k === 'zero')).toMatchObject({ x0: 0, shown: true });
    // the right-hand notes start with the layer's std, then the zeros
    const right = rows.find((row) => cell(row) && row.k === 'right')?.text as string;
    expect(right.split('\n')[0]).toBe(`σ ${formatNumber(layer1.std)}`);
    expect(right.split('\n').slice(1).join('\n')).toBe(
      `zeros ${Math.round(layer1.zeroFraction * 100)}%`,
    );
  });

  it('gives a verdict line per (activation, initializer) and documents the thresholds', () => {
    expect(own).toContain('<span class="verdict verdict-saturated">saturated</span>');
    expect(own).toContain(
      '<span class="verdict verdict-collapsed">collapsed: units say the same thing</span>',
    );
    expect(own).toContain('<span class="verdict verdict-exploding">exploding</span>');
    expect(html.match(/<tr id="[^"]+"><td><code>/g)).toHaveLength(12);
    expect(own).toContain('at least 30% of some layer’s values lie within 0.05 of a bound');
    expect(own).toContain('std grows by more than ×2 per layer');
    expect(own).toContain('At least 90% of some layer’s values are exactly 0');
  });

  it('says the saturation share is counted exactly, not from bins', () => {
    expect(own).toContain('counted exactly over every value');
    expect(own).not.toContain('estimated from the histogram bins');
  });

  it('is the same page for the same results', () => {
    expect(renderReport(resultsFixture('book')) === html).toBe(true);
  });
});

describe('renderReport() offline guarantees', () => {
  const html = renderReport(resultsFixture('book'));

  it('stays under 2 MB for the default 12 runs', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
  });

  it('inlines vega, vega-lite and vega-embed and references nothing on the network', () => {
    expect(html.match(/<script[^>]*\ssrc=/i)?.[0]).toBeUndefined();
    expect(html.match(/<link[^>]*\shref="(?!data:)/i)?.[0]).toBeUndefined();
    expect(html.match(/href="http/i)?.[0]).toBeUndefined();
    expect(html.match(/src="http/i)?.[0]).toBeUndefined();
    expect(html.match(/url\(\s*['"]?http/i)?.[0]).toBeUndefined();
    expect(html.match(/@import/i)?.[0]).toBeUndefined();
    expect(html.includes('sourceMappingURL')).toBe(false);
    expect(html).toMatch(/<script>!function\(\w,\w\)\{"object"==typeof exports/);
    expect(html).toContain("connect-src 'none'");
  });

  it('disables the editor action and keeps the export actions', () => {
    const payload = html.match(/"actions":\{[^}]*\}/)?.[0];
    expect(payload).toBe(
      '"actions":{"export":true,"source":false,"compiled":false,"editor":false}',
    );
  });

  it('escapes </script in everything it inlines', () => {
    const evil: Results = {
      ...resultsFixture('book'),
      runs: [
        { ...erroredRun('sigmoid', '</script><script>alert(1)</script>', '</SCRIPT><!-- x') },
        ...resultsFixture('book').runs,
      ],
    };
    const page = renderReport(evil, { title: '</script>' });
    const opened = page.match(/<script[\s>]/g)?.length;
    const closed = page.match(/<\/script>/gi)?.length;
    expect(closed).toBe(opened);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
  });
});

describe('renderReport() languages', () => {
  const html = renderReport(resultsFixture('book'), { lang: 'ja' });
  const own = ownPartOf(html);

  it('sets <html lang="ja"> and a Japanese font stack', () => {
    expect(html).toContain('<html lang="ja">');
    expect(own).toContain('"Hiragino Sans"');
    expect(own).toContain('"Noto Sans CJK JP"');
    expect(own).toContain('"Yu Gothic"');
  });

  it('translates titles, axes, verdicts and explanations', () => {
    for (const text of [
      ja.reportTitle,
      ja.figureTitle('sigmoid'),
      ja.stdTitle('relu'),
      ja.verdictLabels.saturated,
      ja.verdictLabels.collapsed,
      ja.verdictLabels.exploding,
      ja.activationText.sigmoid ?? '',
      ja.verdictRules,
      '1層目',
      '5層目',
    ]) {
      expect(own).toContain(text);
    }
    for (const text of [
      en.reportTitle,
      `>${en.verdictLabels.saturated}<`,
      en.stdAxis,
      '1-layer',
      en.howToRead,
    ]) {
      expect(own).not.toContain(text);
    }
  });

  it('has the same keys in every messages table', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(ja.activationText).sort()).toEqual(Object.keys(en.activationText).sort());
    expect(Object.keys(ja.verdictLabels).sort()).toEqual(Object.keys(en.verdictLabels).sort());
  });
});

describe('renderReport() options', () => {
  it('plots the book’s 30 bins over (0, 1) in book mode and notes what each panel hides', () => {
    const html = renderReport(resultsFixture('book-plot'), { book: true });
    const grids = chartsOf(html).filter((chart) => chart.id.endsWith('-histograms'));
    expect(grids).toHaveLength(3);
    for (const grid of grids) {
      const rows = rowsOf(grid.spec);
      const bins = rows.filter((row) => row.k === 'bin');
      expect(bins).toHaveLength(600);
      expect(Math.min(...bins.map((r) => r.x0 as number))).toBe(0);
      expect(Math.max(...bins.map((r) => r.x1 as number))).toBe(1);
      const notes = rows.filter((row) => row.k === 'right').map((row) => row.text as string);
      expect(notes).toHaveLength(20);
      for (const note of notes) expect(note).toMatch(/^σ [^\n]+\nhides [\d,]+ \([<\d.]+%\)$/);
    }
    const tanh = rowsOf(grids[2]?.spec ?? {});
    const hidden = tanh.find(
      (row) => row.k === 'right' && row.init === 'xavier' && row.column === '1-layer',
    );
    expect(hidden?.text).toMatch(/\nhides [\d,]+ \((49|50|51)%\)$/);
    expect(ownPartOf(html)).toContain('plt.hist(a.flatten(), 30, range=(0,1))');
  });

  it('re-bins other ranges in book mode and marks those panels approximate', () => {
    const html = renderReport(resultsFixture('book'), { book: true });
    const relu = chartRows(html, 'relu-histograms');
    const note = relu.find(
      (row) => row.k === 'right' && row.init === 'std:1' && row.column === '5-layer',
    );
    expect(note?.text).toMatch(/\n≈ hides/);
    expect(ownPartOf(html)).toContain(en.bookApproximate);
  });

  it('puts counts on a symlog axis with logCounts', () => {
    const html = renderReport(resultsFixture('book'), { logCounts: true });
    const grid = chartsOf(html)[0]?.spec as {
      spec: { layer: { encoding: { y?: { scale: unknown } } }[] };
    };
    expect(grid.spec.layer[0]?.encoding.y?.scale).toEqual({ type: 'symlog' });
    expect(ownPartOf(html)).toContain(en.readLogCounts);
  });

  it('uses the given title', () => {
    expect(ownPartOf(renderReport(resultsFixture('book'), { title: 'Depth 5' }))).toContain(
      '<h1>Depth 5</h1>',
    );
  });
});

describe('renderReport() with failed runs', () => {
  const html = renderReport(troubledResults());
  const own = ownPartOf(html);

  it('shows an errored run’s message and keeps every chart', () => {
    for (const activation of ['tanh', 'relu']) {
      const section = own.slice(own.indexOf(`<section class="activation" id="${activation}">`));
      expect(section).toContain(
        '<p class="error">std:1e40 failed: activateInto: scale must be within the f32 range (|scale| ≤ 3.4028234663852886e+38), got 1e+40</p>',
      );
    }
    // every chart stays; the overflowing run brings its gradients to the relu section
    // and, 32 layers deep, the relu distribution chart after its grid
    const grid = expectedCharts.indexOf('relu-histograms') + 1;
    const relu = expectedCharts.indexOf('relu-dead') + 1;
    expect(chartsOf(html).map((chart) => chart.id)).toEqual([
      ...expectedCharts.slice(0, grid),
      'relu-distribution',
      ...expectedCharts.slice(grid, relu),
      'relu-gradient-histograms',
      'relu-gradient-variance',
      'relu-weight-gradients',
      ...expectedCharts.slice(relu),
    ]);
  });

  it('reports overflow with the first layer it happened at, on top and in the panel', () => {
    expect(own).toContain('<div class="callout" id="attention">');
    // relu std:1e30: 4960 of layer 2's 10,000 values are ±Inf or NaN
    expect(own).toContain('NaN/Inf from layer 2 on (50% of its values)');
    const rows = chartRows(html, 'relu-histograms');
    const note = rows.find(
      (r) => r.k === 'right' && r.init === 'std:1e30' && r.column === '2-layer',
    );
    expect(note?.text).toContain('NaN/Inf 50%');
  });

  it('renders a section without charts when every run of an activation errored', () => {
    const results: Results = {
      ...resultsFixture('book'),
      runs: [
        erroredRun('gelu', 'he', 'Unknown activation "gelu".'),
        ...resultsFixture('book').runs,
      ],
    };
    const page = renderReport(results);
    expect(page).toContain('<section class="activation" id="gelu">');
    expect(page).toContain(en.noCompletedRuns);
    expect(page).toContain('he failed: Unknown activation &quot;gelu&quot;.');
    expect(chartsOf(page)).toHaveLength(9);
  });

  it('leaves empty cells for runs with fewer layers and still renders', async () => {
    // the book's relu runs have 5 layers, the overflowing std:1e30 run 32
    const grid = chartSpec(html, 'relu-histograms');
    // 32 layers: the grid shows layers 1, 2, 5, 10, 20 and 32
    const columns = new Set(rowsOf(grid).map((r) => r.column));
    expect([...columns].sort()).toEqual(
      ['1-layer', '2-layer', '5-layer', '10-layer', '20-layer', '32-layer'].sort(),
    );
    const placeholder = rowsOf(grid).filter((r) => r.init === 'he' && r.column === '32-layer');
    expect(placeholder.map((r) => r.k).sort()).toEqual(['bin', 'pad', 'span', 'span', 'zero']);
    expect(await renderSvg(grid)).toContain('>std:1e30<');
  });
});
