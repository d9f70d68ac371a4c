/**
 * `sweep()` (WASM kernels, shared scaled draws, fused statistics) against its plain-JS reference
 * (`referenceSweep`: the same draws from core-wasm's TS RNG, weights materialized as f32 σ·z, i-k-j
 * matmuls, f64 activation formulas, JS statistics) on small odd shapes: every statistic agrees up to
 * f32 rounding, and histogram counts up to the values that sit within that rounding of a bin edge.
 */
import { describe, expect, it } from 'vitest';
import { EPS_F32 } from '../../../testing/f32.js';
import { type LayerStats, type SweepOptions, sweep } from '../src/index.js';
import { referenceSweep, type ValuesOf } from '../src/reference/index.js';

/**
 * Agreement allowed, relative to the largest |value| of the layer: the kernels round differently
 * (σ applied inside the kernel vs. σ·z stored, f32 exp vs. Math.exp); measured worst 5.5e-7.
 */
const REFERENCE_TOL = 8 * EPS_F32;

const cases: Record<string, SweepOptions> = {
  "the book's 12 configurations on odd shapes": { samples: 37, width: 23, layers: 4, seed: 3 },
  'the zoo with biases, widths, gradients and every kind of draw': {
    activations: 'linear,leaky-relu:0.2,elu,selu,gelu,silu,softplus,softsign,leaky-relu:0',
    inits: 'lecun,glorot-uniform,orthogonal:auto,const:0.05,pytorch-linear,std:0.3',
    widths: '19,29,13,31',
    samples: 41,
    biasStd: 0.1,
    gradients: true,
    seed: 11,
  },
  'a range override with values outside it, 7 bins': {
    activations: 'sigmoid,relu,tanh',
    inits: 'std:1,he',
    widths: '17,33,9',
    samples: 29,
    gradients: true,
    range: '-0.5,0.5',
    bins: 7,
    seed: 5,
  },
};

/** Values within `delta` of x. */
function near(values: Float32Array, x: number, delta: number): number {
  let n = 0;
  for (const v of values) if (Math.abs(v - x) <= delta) n++;
  return n;
}

/** Finite values below each edge (`below`, then adding each bin's count), then all but `above`. */
function cumulative(stats: Pick<LayerStats, 'histogram'>): number[] {
  const { counts, below } = stats.histogram;
  const out = [below];
  for (const count of counts) out.push((out.at(-1) as number) + count);
  return out;
}

/** One layer's statistics (activations or gradients) against the reference's and its values. */
function expectAgreement(
  label: string,
  ours: LayerStats,
  theirs: LayerStats,
  values: Float32Array,
): void {
  let scale = Number.MIN_VALUE;
  for (const v of values) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const delta = REFERENCE_TOL * scale;
  expect(ours.nonFinite, `${label} nonFinite`).toBe(theirs.nonFinite);
  for (const key of ['mean', 'std', 'min', 'max'] as const) {
    expect(
      Math.abs((ours[key] as number) - (theirs[key] as number)),
      `${label} ${key}`,
    ).toBeLessThanOrEqual(delta);
  }
  // A value within rounding of 0 may be an exact zero in one engine and not in the other.
  const zeros = (fraction: number) => Math.round(fraction * values.length);
  const tiny = near(values, 0, delta) - zeros(theirs.zeroFraction);
  expect(
    Math.abs(zeros(ours.zeroFraction) - zeros(theirs.zeroFraction)),
    `${label} zeros`,
  ).toBeLessThanOrEqual(tiny);
  const edges = theirs.histogram.edges;
  ours.histogram.edges.forEach((edge, i) => {
    expect(Math.abs(edge - (edges[i] as number)), `${label} edge ${i}`).toBeLessThanOrEqual(delta);
  });
  // Counts below each edge may differ by the values that sit within rounding of that edge.
  const mine = cumulative(ours);
  cumulative(theirs).forEach((count, i) => {
    const edge = edges[Math.min(i, edges.length - 1)] as number;
    const slack = near(values, edge, 2 * delta);
    expect(Math.abs((mine[i] as number) - count), `${label} below edge ${i}`).toBeLessThanOrEqual(
      slack,
    );
  });
}

describe('sweep() against referenceSweep()', () => {
  it.each(Object.entries(cases))('agrees to f32 rounding: %s', async (_, options) => {
    const values = new Map<string, Float32Array>();
    const key = (w: ValuesOf) => `${w.activation}/${w.init}/${w.layer}/${w.kind}`;
    const theirs = referenceSweep(options, {
      onValues: (where, v) => values.set(key(where), v.slice()),
    });
    const ours = await sweep(options);
    expect(ours.config).toEqual(theirs.config);
    expect(ours.runs.map((run) => [run.activation, run.init, run.state])).toEqual(
      theirs.runs.map((run) => [run.activation, run.init, 'completed']),
    );
    let compared = 0;
    ours.runs.forEach((run, r) => {
      const reference = theirs.runs[r];
      expect(run.weightStd).toEqual(reference?.weightStd);
      run.layers.forEach((layer, l) => {
        const other = reference?.layers[l] as LayerStats;
        const where = { activation: run.activation, init: run.init, layer: l + 1 };
        const label = `${where.activation}/${where.init} layer ${where.layer}`;
        const z = values.get(key({ ...where, kind: 'activations' })) as Float32Array;
        expectAgreement(label, layer, other, z);
        compared++;
        if (!layer.gradients) return;
        const g = layer.gradients;
        const h = other.gradients as NonNullable<LayerStats['gradients']>;
        const d = values.get(key({ ...where, kind: 'gradients' })) as Float32Array;
        const asStats = (x: typeof g) => ({
          ...x,
          layer: 0,
          std: x.variance === null ? null : Math.sqrt(x.variance),
          min: x.histogram.edges[0] as number,
          max: x.histogram.edges.at(-1) as number,
        });
        expectAgreement(`${label} δ`, asStats(g), asStats(h), d);
        expect(
          Math.abs((g.weightGradNorm as number) / (h.weightGradNorm as number) - 1),
          `${label} ‖∇W‖`,
        ).toBeLessThanOrEqual(REFERENCE_TOL);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(0);
  });

  it('fails when the draws differ: a run of another seed is not within rounding of the reference', async () => {
    const options = cases["the book's 12 configurations on odd shapes"] as SweepOptions;
    let values = new Float32Array();
    const theirs = referenceSweep(options, {
      onValues: (where, v) => {
        if (where.activation === 'tanh' && where.init === 'xavier' && where.layer === 1)
          values = v.slice();
      },
    });
    const ours = await sweep({ ...options, seed: 4 });
    const layerOf = (results: typeof ours) =>
      results.runs.find((run) => run.activation === 'tanh' && run.init === 'xavier')
        ?.layers[0] as LayerStats;
    expect(() => expectAgreement('seed 4', layerOf(ours), layerOf(theirs), values)).toThrow();
  });
});
