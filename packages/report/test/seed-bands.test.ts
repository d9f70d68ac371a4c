import { sweep } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import { renderReport, seedVerdictCounts, verdict } from '../src/index.js';

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
});
