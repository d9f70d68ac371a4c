import { sweep } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import { explorerRunView, renderReport, seedVerdictCounts, verdict } from '../src/index.js';

/** The report's verdict table rows as text: initializer, verdict cell, evidence. */
function reportVerdicts(html: string): string[][] {
  const table = /<table class="verdicts">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr id="[^"]*"><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map(
    (row) => row.slice(1, 4).map((cell) => cell.replace(/<[^>]*>/g, '').replace(/&#39;/g, "'")),
  );
}

/** Each seed's runs of a small sigmoid sweep and the banded document with seedVerdicts, as the CLI builds it. */
async function banded(seeds: number) {
  const options = {
    activations: 'sigmoid',
    inits: 'std:0.01,xavier,std:1',
    width: 30,
    samples: 80,
    range: '0,1',
  };
  const perSeed = [];
  for (let s = 0; s < seeds; s++) perSeed.push((await sweep({ ...options, seed: 42 + s })).runs);
  const results = await sweep({ ...options, seeds });
  const counts = seedVerdictCounts(perSeed);
  return {
    ...results,
    runs: results.runs.map((run, r) => ({ ...run, seedVerdicts: counts[r] ?? {} })),
  };
}

describe('explorerRunView()', () => {
  it('says every verdict in the words of the report’s verdict table, with the seed agreement', async () => {
    const results = await banded(3);
    for (const lang of ['en', 'ja'] as const) {
      const view = explorerRunView(results, lang);
      const rows = view.verdicts.map((v) => [
        v.init,
        v.inSeeds === null ? v.label : `${v.label} ${v.inSeeds}`,
        v.evidence,
      ]);
      expect(rows).toEqual(reportVerdicts(renderReport(results, { lang })));
      expect(view.verdicts.map((v) => v.kind)).toEqual(
        results.runs.map((run) => verdict(run).kind),
      );
    }
    const en = explorerRunView(results, 'en');
    expect(en.verdictsTitles).toEqual(['sigmoid: verdicts']);
    expect(en.verdicts[0]).toMatchObject({ init: 'std:0.01', kind: 'collapsed' });
    expect(en.verdicts[0]?.inSeeds).toBe('in 3/3 seeds');
  });

  it('carries the report’s std band and envelope charts, whose data are the document’s bands', async () => {
    const results = await banded(3);
    const view = explorerRunView(results, 'en');
    expect(view.bands).toHaveLength(1);
    const bands = view.bands[0];
    if (!bands) throw new Error('no bands');
    expect(bands.std.title).toBe('sigmoid: std per layer over 3 seeds');
    expect(bands.envelope?.title).toBe('sigmoid: histogram envelopes over 3 seeds');
    const html = renderReport(results);
    // The very specs the report embeds for these charts.
    const payload =
      /<script type="application\/json" id="initscope-charts">([\s\S]*?)<\/script>/.exec(html);
    const charts = JSON.parse(payload?.[1] ?? '{}').charts as { id: string; spec: object }[];
    const specOf = (suffix: string) => charts.find((chart) => chart.id.endsWith(suffix))?.spec;
    expect(bands.std.spec).toEqual(specOf('-seed-std'));
    expect(bands.envelope?.spec).toEqual(specOf('-seed-histograms'));
    const std = (
      bands.std.spec as { data: { values: { init: string; layer: number; mean: number }[] } }
    ).data.values;
    const expected = results.runs.flatMap((run) =>
      run.state === 'completed'
        ? run.layers.map((layer) => ({
            init: run.init,
            layer: layer.layer,
            mean: layer.band?.std.mean,
          }))
        : [],
    );
    expect(std.map(({ init, layer, mean }) => ({ init, layer, mean }))).toEqual(expected);
  });

  it('has no bands with one seed, and no envelope where the seeds’ bins differ (ReLU 0,max)', async () => {
    const one = await sweep({ activations: 'sigmoid', inits: 'xavier', width: 30, samples: 80 });
    const plain = explorerRunView(one, 'en');
    expect(plain.bands).toEqual([]);
    expect(plain.verdicts[0]?.inSeeds).toBeNull();
    const relu = await sweep({
      activations: 'relu',
      inits: 'he',
      width: 30,
      samples: 80,
      seeds: 2,
    });
    const view = explorerRunView(relu, 'ja');
    expect(view.bands[0]?.envelope).toBeNull();
    expect(view.bands[0]?.std.title).toBe('relu: 2 個のシードでの層ごとの標準偏差');
  });
});
