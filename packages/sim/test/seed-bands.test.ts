import { execFileSync } from 'node:child_process';
import { validateResults } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { quantileSorted, resolveSweepConfig, seedSummary, sweep } from '../src/index.js';

const base = {
  activations: 'sigmoid,relu',
  inits: 'std:0.01,he',
  widths: '20,16,16',
  samples: 100,
  range: '0,1',
  seed: 11,
};

describe('--seeds K bands', () => {
  it('summarize each seed exactly as the one-seed runs of seeds seed … seed+K−1 measure them', async () => {
    const K = 4;
    const banded = await sweep({ ...base, seeds: K, gradients: true });
    expect(banded.config.seeds).toBe(K);
    expect(validateResults(banded, { closed: true })).toMatchObject({ valid: true });
    const single = [];
    for (let s = 0; s < K; s++)
      single.push(await sweep({ ...base, seed: 11 + s, gradients: true }));
    // The runs are the first seed's, bit for bit, plus the band.
    const { band: _band, ...firstLayer } = banded.runs[1]?.layers[0] ?? {};
    expect(firstLayer).toEqual(single[0]?.runs[1]?.layers[0]);
    for (const [r, run] of banded.runs.entries()) {
      for (const [l, layer] of run.layers.entries()) {
        const per = single.map((results) => results.runs[r]?.layers[l]);
        const stds = per.map((x) => x?.std as number);
        const mean = stds.reduce((a, b) => a + b, 0) / K;
        const sd = Math.sqrt(stds.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1));
        expect(layer.band?.seeds).toBe(K);
        expect(layer.band?.std.mean).toBeCloseTo(mean, 15);
        expect(layer.band?.std.sd).toBeCloseTo(sd, 15);
        expect(layer.band?.std.min).toBe(Math.min(...stds));
        expect(layer.band?.std.max).toBe(Math.max(...stds));
        const zf = per.map((x) => x?.zeroFraction as number);
        expect(layer.band?.zeroFraction.max).toBe(Math.max(...zf));
        const gv = per.map((x) => x?.gradients?.variance as number);
        expect(layer.band?.gradientVariance?.min).toBe(Math.min(...gv));
        const bin = 3;
        const counts = per.map((x) => x?.histogram.counts[bin] as number).sort((a, b) => a - b);
        expect(layer.band?.histogram?.median[bin]).toBe((counts[1] + counts[2]) / 2);
        expect(layer.band?.histogram?.p10[bin]).toBeCloseTo(
          counts[0] + 0.3 * (counts[1] - counts[0]),
          9,
        );
      }
    }
  });

  it('leaves out the histogram envelope when the seeds’ edges differ (ReLU 0,max) and keeps one seed band-free', async () => {
    const { range: _range, ...noRange } = base;
    const banded = await sweep({ ...noRange, activations: 'relu', seeds: 3 });
    expect(banded.runs[0]?.layers[0]?.band?.histogram).toBeUndefined();
    expect(banded.runs[0]?.layers[0]?.band?.std.mean).toBeGreaterThan(0);
    const one = await sweep({ ...base, seeds: 1 });
    expect(one.config.seeds).toBeUndefined();
    expect(one.runs[0]?.layers[0]?.band).toBeUndefined();
  });

  it('refuses seeds past 2³² − 1 and a bad count, naming the value', () => {
    expect(() => resolveSweepConfig({ seed: 2 ** 32 - 2, seeds: 3 })).toThrow(
      /Invalid seeds 3: seeds 4294967294 … 4294967296 go past the largest seed 4294967295/,
    );
    expect(() => resolveSweepConfig({ seeds: 0 })).toThrow(
      /Invalid seeds 0: expected an integer from 1/,
    );
  });

  it('quantiles and sd agree with NumPy (linear percentiles, ddof 1)', () => {
    const samples = [[5], [3, 1], [4, 1, 5, 9, 2, 6], [0, 0, 7, 7, 7, 100, 3, 2, 2, 50, 1]];
    const script = `import json,sys,numpy as np
for xs in json.loads(sys.argv[1]):
    a=np.array(xs,dtype=float)
    print(json.dumps([np.percentile(a,10),np.median(a),np.percentile(a,90),a.std(ddof=1) if len(a)>1 else 0.0]))`;
    const lines = execFileSync('python3', ['-c', script, JSON.stringify(samples)], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    for (const [i, xs] of samples.entries()) {
      const [p10, median, p90, sd] = JSON.parse(lines[i] as string) as number[];
      const sorted = [...xs].sort((a, b) => a - b);
      expect(quantileSorted(sorted, 0.1)).toBeCloseTo(p10 as number, 12);
      expect(quantileSorted(sorted, 0.5)).toBeCloseTo(median as number, 12);
      expect(quantileSorted(sorted, 0.9)).toBeCloseTo(p90 as number, 12);
      expect(seedSummary(xs).sd).toBeCloseTo(sd as number, 12);
    }
    expect(seedSummary([null, 2, null, 4])).toEqual({ mean: 3, sd: Math.SQRT2, min: 2, max: 4 });
    expect(seedSummary([null])).toEqual({ mean: null, sd: null, min: null, max: null });
  });
});
