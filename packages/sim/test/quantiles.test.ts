/**
 * Layer quantiles (results `quantiles`): read from the kernel's fine counts, they are within one
 * fine bin, (max − min)/quantileBins, of NumPy's `np.quantile` of the same values, far inside the
 * 1% of the layer's range the report promises.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantileBins, quantileLevels } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { EPS_F32 } from '../../../testing/f32.js';
import { getCore, layerQuantiles, quantilesFromCounts, sweep } from '../src/index.js';
import { exactQuantiles, naiveHistogram, referenceSweep } from '../src/reference/index.js';

/** The report's promise: every quantile within 1% of its layer's range. */
const RANGE_SHARE = 0.01;

/** np.quantile of each block's finite values at `quantileLevels` (python3 + NumPy). */
function numpyQuantiles(blocks: readonly Float32Array[]): (number[] | null)[] {
  const dir = mkdtempSync(join(tmpdir(), 'initscope-quantiles-'));
  try {
    const file = join(dir, 'values.f32');
    const all = new Float32Array(blocks.reduce((sum, block) => sum + block.length, 0));
    let at = 0;
    for (const block of blocks) {
      all.set(block, at);
      at += block.length;
    }
    writeFileSync(file, new Uint8Array(all.buffer));
    const script = fileURLToPath(new URL('./numpy_quantiles.py', import.meta.url));
    const job = { file, lengths: blocks.map((block) => block.length), levels: quantileLevels };
    const output = execFileSync('python3', [script], { input: JSON.stringify(job) });
    return JSON.parse(output.toString()) as (number[] | null)[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A seeded stream of uniforms in [0, 1) (mulberry32), for the synthetic cases. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Synthetic layers: a normal, a ReLU (half exact zeros), a heavy tail, two far clusters, a few values. */
function syntheticCases(): [string, Float32Array][] {
  const u = uniforms(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const of = (n: number, f: () => number) => Float32Array.from({ length: n }, f);
  return [
    ['normal', of(10_000, normal)],
    ['relu', of(10_000, () => Math.max(0, normal()))],
    ['negative with zeros at the top', of(5_000, () => Math.min(0, normal()))],
    ['heavy tail', of(10_000, () => Math.exp(3 * normal()))],
    ['two far clusters', of(9_999, () => (u() < 0.3 ? 1000 : 0) + normal() * 0.01)],
    ['three values', Float32Array.from([2, -1, 5])],
  ];
}

describe('quantilesFromCounts()', () => {
  it.each(syntheticCases())('is within one fine bin of the exact quantiles: %s', (_, values) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let zeros = 0;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (v === 0) zeros++;
    }
    const counts = naiveHistogram(values, min, max, quantileBins);
    const ours = quantilesFromCounts(counts, min, max, zeros);
    const exact = exactQuantiles(values) as number[];
    const width = (max - min) / quantileBins;
    ours.forEach((q, i) => {
      const error = Math.abs(q - (exact[i] as number));
      expect(error, `level ${quantileLevels[i]}`).toBeLessThan(width + 5e-7 * (max - min));
    });
    expect(ours[0]).toBe(min);
    expect(ours.at(-1)).toBe(max);
  });

  it('puts exact zeros at 0: ReLU quantiles below its share of zeros are exactly 0', () => {
    const values = Float32Array.from([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    const counts = naiveHistogram(values, 0, 4, quantileBins);
    const ours = quantilesFromCounts(counts, 0, 4, 6);
    expect(ours.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('fails the bound when the counts are coarse: 4 bins over a normal are off by more than one fine bin', () => {
    const values = (syntheticCases()[0] as [string, Float32Array])[1];
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const ours = quantilesFromCounts(naiveHistogram(values, min, max, 4), min, max, 0);
    const exact = exactQuantiles(values) as number[];
    const worst = Math.max(...ours.map((q, i) => Math.abs(q - (exact[i] as number))));
    expect(worst).toBeGreaterThan((max - min) / quantileBins);
  });
});

describe('layerQuantiles() against NumPy', () => {
  it("a 20-layer zoo: the kernel's fine counts give every layer within (max − min)/256 of np.quantile of the same values (≤ 1% of the range)", async () => {
    const options = {
      activations: 'relu,tanh,gelu,leaky-relu:0.2,sigmoid,softsign,elu',
      inits: 'he,xavier,std:1,orthogonal:auto,std:0.05',
      layers: 20,
      width: 40,
      samples: 50,
      biasStd: 0.05,
      seed: 9,
    };
    const blocks: [string, Float32Array][] = [];
    referenceSweep(options, {
      onValues: (where, v) => {
        if (where.kind === 'activations')
          blocks.push([`${where.activation}/${where.init}/${where.layer}`, v.slice()]);
      },
    });
    expect(blocks).toHaveLength(7 * 5 * 20);
    const core = await getCore();
    const block = core.alloc(options.width * options.samples);
    const numpy = numpyQuantiles(blocks.map(([, v]) => v));
    let worstShare = 0;
    try {
      blocks.forEach(([key, v], i) => {
        block.array.set(v);
        const m = core.momentsOf(block);
        const quantiles = layerQuantiles(core, block, m.finite, m.min, m.max, m.zeros) as number[];
        const expected = numpy[i] as number[];
        expect(quantiles, key).toHaveLength(quantileLevels.length);
        const range = m.max - m.min;
        // one fine bin, the rounding to 7 digits of the range, and the edges' f64 rounding
        const bound =
          range / quantileBins + 5e-7 * range + 1e-12 * Math.max(Math.abs(m.min), Math.abs(m.max));
        quantiles.forEach((q, j) => {
          const error = Math.abs(q - (expected[j] as number));
          expect(error, `${key} level ${quantileLevels[j]}`).toBeLessThanOrEqual(bound);
          if (range > 0) worstShare = Math.max(worstShare, error / range);
        });
      });
    } finally {
      core.free(block);
    }
    expect(worstShare).toBeLessThanOrEqual(RANGE_SHARE);
  });

  it("sweep() writes the quantiles of the values its layers measured: within one fine bin of the reference's exact ones (5 layers, to f32 rounding)", async () => {
    const options = {
      activations: 'relu,tanh,sigmoid,gelu',
      inits: 'he,xavier,std:1',
      width: 30,
      samples: 40,
      seed: 4,
    };
    const theirs = referenceSweep(options);
    const ours = await sweep(options);
    ours.runs.forEach((run, r) => {
      run.layers.forEach((stats, l) => {
        const exact = theirs.runs[r]?.layers[l]?.quantiles as number[];
        const range = (stats.max as number) - (stats.min as number);
        const scale = Math.max(Math.abs(stats.min as number), Math.abs(stats.max as number));
        (stats.quantiles as number[]).forEach((q, j) => {
          expect(
            Math.abs(q - (exact[j] as number)),
            `${run.activation}/${run.init} layer ${stats.layer} level ${quantileLevels[j]}`,
          ).toBeLessThanOrEqual(range / quantileBins + 5e-7 * range + 8 * EPS_F32 * scale);
        });
      });
    });
  });

  it('same seed, same quantiles; a layer of equal values has them all equal', async () => {
    const options = { activations: 'relu', inits: 'he,const:0', layers: 3, width: 8, samples: 8 };
    const [a, b] = [await sweep(options), await sweep(options)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const constant = a.runs.find((run) => run.init === 'const:0')?.layers[1];
    expect(constant?.quantiles).toEqual(quantileLevels.map(() => 0));
  });
});
