import type { CompletedRun } from '@initscope/results';
import { sweep } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import { gridLayers } from '../src/grid-layers.js';
import { messagesFor } from '../src/i18n/tables.js';
import { renderReport, seedVerdictCounts, verdict } from '../src/index.js';
import { panelWidth } from '../src/specs/histogram-grid.js';
import { envelopeSpec } from '../src/specs/seed-bands.js';

describe('seed bands in the report', () => {
  it('counts each seed’s verdict with the verdict rules, per run, in verdictKinds order', async () => {
    const perSeed = [];
    for (const seed of [3, 4, 5]) {
      const results = await sweep({
        activations: 'relu',
        inits: 'std:0.01,he',
        width: 30,
        samples: 60,
        seed,
      });
      perSeed.push(results.runs);
    }
    const counts = seedVerdictCounts(perSeed);
    expect(counts).toHaveLength(2);
    for (const [r, count] of counts.entries()) {
      const kinds = perSeed.map((runs) => verdict(runs[r] as never).kind);
      const expected: Record<string, number> = {};
      for (const kind of kinds) expected[kind] = (expected[kind] ?? 0) + 1;
      expect(count).toEqual(expected);
      expect(Object.values(count).reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it('draws std bands and histogram envelopes and says in how many seeds a verdict holds', async () => {
    const results = await sweep({
      activations: 'sigmoid',
      inits: 'std:0.01,xavier',
      width: 30,
      samples: 80,
      range: '0,1',
      seeds: 3,
    });
    const runs = results.runs.map((run) => ({ ...run, seedVerdicts: { [verdict(run).kind]: 3 } }));
    const html = renderReport({ ...results, runs });
    expect(html).toContain('sigmoid: std per layer over 3 seeds');
    expect(html).toContain('sigmoid: histogram envelopes over 3 seeds');
    expect(html).toMatch(/collapsed[^<]*<\/span> in 3\/3 seeds/);
    const plain = renderReport(
      await sweep({ activations: 'sigmoid', inits: 'xavier', width: 30, samples: 80 }),
    );
    expect(plain).not.toContain('over 3 seeds');
    expect(plain).not.toContain('seeds</td>');
  });

  it('lays the envelopes out as the histogram grid: its layers, panel width and a page-wide block', async () => {
    const results = await sweep({
      activations: 'sigmoid',
      inits: 'xavier,he',
      layers: 20,
      width: 20,
      samples: 40,
      range: '0,1',
      seeds: 2,
    });
    const runs = results.runs as CompletedRun[];
    const context = { messages: messagesFor('en'), inits: ['xavier', 'he'] };
    const spec = envelopeSpec(runs, 20, context) as {
      facet: { column: { sort: string[] } };
      spec: { width: number };
    };
    const shown = gridLayers(20);
    expect(spec.facet.column.sort).toEqual(shown.map((layer) => `${layer}-layer`));
    expect(spec.spec.width).toBe(panelWidth(shown.length));
    const html = renderReport(results);
    expect(html).toContain(
      '20 layers: as the histogram grid, the envelopes show layers 1, 2, 5, 10, 20',
    );
    // its own block after the half-column charts, not one of them
    expect(html).toMatch(/<\/figure><\/div>\n<figure class="chart" id="sigmoid-seed-histograms">/);
  });

  it('keeps a cell without an envelope in its place, empty', async () => {
    const results = await sweep({
      activations: 'sigmoid',
      inits: 'xavier,he',
      layers: 3,
      width: 20,
      samples: 40,
      range: '0,1',
      seeds: 2,
    });
    const runs = results.runs as CompletedRun[];
    delete runs[1]?.layers[0]?.band?.histogram;
    const context = { messages: messagesFor('en'), inits: ['xavier', 'he'] };
    const spec = envelopeSpec(runs, 3, context) as {
      data: { values: { init: string; column: string; median: number | null }[] };
    };
    const cell = spec.data.values.filter((v) => v.init === 'he' && v.column === '1-layer');
    expect(cell).toEqual([expect.objectContaining({ median: null })]);
  });
});
