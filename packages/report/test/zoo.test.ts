/** The report and summary for the activation zoo: parameters in ids, uneven widths, errored runs. */
import { describe, expect, it } from 'vitest';
import { activationName, activationProfile } from '../src/activation-profile.js';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { renderReport, summarize, verdict } from '../src/index.js';
import { resultsFixture } from './fixtures.js';
import { chartRows, chartsOf, danglingLinksOf, ownPartOf, renderSvg } from './page-parts.js';

describe('activationProfile()', () => {
  it('reads an id with a parameter by its name', () => {
    expect(activationName('leaky-relu:0.2')).toBe('leaky-relu');
    expect(activationName('gelu')).toBe('gelu');
    expect(activationProfile('relu')).toEqual({ exactZeros: true });
    expect(activationProfile('leaky-relu:0.2')).toEqual({});
  });

  it('bounds sigmoid to [0, 1] and tanh and softsign to [−1, 1], and nothing else', () => {
    expect(activationProfile('sigmoid').bounds).toEqual([0, 1]);
    expect(activationProfile('tanh')).toEqual({ bounds: [-1, 1], symmetric: true });
    expect(activationProfile('softsign')).toEqual({ bounds: [-1, 1], symmetric: true });
    for (const name of ['linear', 'elu', 'selu', 'gelu', 'silu', 'softplus', 'made-up']) {
      expect(activationProfile(name), name).toEqual({});
    }
  });
});

describe('renderReport() for the activation zoo on uneven widths', () => {
  const html = renderReport(resultsFixture('zoo'));
  const own = ownPartOf(html);
  const charts = chartsOf(html);

  it('gives every activation its section, with saturation only where it applies', () => {
    const sections = [...html.matchAll(/<section class="activation" id="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(sections).toEqual(['leaky-relu-0-2', 'softsign', 'gelu', 'selu']);
    const ids = charts.map((chart) => chart.id);
    expect(ids).toContain('softsign-saturation');
    for (const id of ['leaky-relu-0-2', 'gelu', 'selu']) {
      expect(ids).not.toContain(`${id}-saturation`);
      expect(ids).not.toContain(`${id}-dead`);
      expect(ids).toContain(`${id}-gradient-histograms`);
    }
    expect(danglingLinksOf(own)).toEqual([]);
  });

  it('explains each activation by its name, parameter or not', () => {
    expect(own).toContain(en.activationText['leaky-relu'] ?? 'missing');
    expect(own).toContain(en.activationText.softsign ?? 'missing');
    expect(own).toContain(en.activationText.selu ?? 'missing');
    expect(Object.keys(ja.activationText).sort()).toEqual([
      'elu',
      'gelu',
      'leaky-relu',
      'linear',
      'relu',
      'selu',
      'sigmoid',
      'silu',
      'softplus',
      'softsign',
      'tanh',
    ]);
  });

  it('shows the widths and the errored run, and renders every chart', async () => {
    expect(own).toContain(`<tr><th>${en.widths}</th><td>64 → 128 → 64 → 32</td></tr>`);
    expect(own).not.toContain(`<tr><th>${en.width}</th>`);
    expect(own).toContain(`<tr><th>${en.biasStd}</th><td>0.1</td></tr>`);
    expect(own).toContain(
      'std:1e40 failed: denseInto: scale must be within the f32 range (|scale| ≤ 3.4028234663852886e+38), got 1e+40',
    );
    for (const { id, spec } of charts) expect(await renderSvg(spec), id).toContain('<path');
  });

  it('draws three columns, each layer’s panels on its own range', () => {
    const rows = chartRows(html, 'gelu-histograms');
    expect(new Set(rows.map((row) => row.column))).toEqual(
      new Set(['1-layer', '2-layer', '3-layer']),
    );
    // 3 completed runs × 3 layers × 30 bins; the errored run draws nothing
    expect(rows.filter((row) => row.k === 'bin')).toHaveLength(270);
    expect(rows.some((row) => row.init === 'std:1e40')).toBe(false);
  });

  it('states softsign’s exact saturation (bounds −1, 1) and none for gelu, as the JSON does', () => {
    const zoo = resultsFixture('zoo');
    for (const run of zoo.runs) {
      if (run.state !== 'completed') continue;
      expect(verdict(run).kind).toBe(run.verdict?.activations.code);
      for (const layer of run.layers) {
        if (run.activation === 'softsign') expect(layer.saturation).toBeTypeOf('number');
        else expect(layer.saturation).toBeNull();
      }
    }
  });

  it('summarizes with the widths and a gradient line per completed run', () => {
    const text = summarize(resultsFixture('zoo'));
    expect(text.split('\n')[0]).toBe(
      'initscope 0.1.0 · 3 layers × widths 64 → 128 → 64 → 32, 100 samples, 30 bins, seed 7, default ranges',
    );
    expect(text.match(/^ {6}gradients: Var\(δ\) from layer 3 down to layer 1 /gm)).toHaveLength(12);
    expect(
      text.match(/^ {2}std:1e40 +– +– +– {3}errored — denseInto: scale must be within/gm),
    ).toHaveLength(4);
  });
});
