import { beforeAll, describe, expect, it } from 'vitest';
import { block, edgeValuesF32 } from '../../../testing/f32.js';
import {
  type ActivationKernel,
  type Core,
  type HistogramRange,
  type LayerPass,
  passSumTolerance,
  reference,
  type StatsRequest,
} from '../src/index.js';
import { edgeData, newCore, randn, shiftedSquares, sumAbs } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

/** Relative tolerance of a fused pass's sum and sumSqDev (see LayerPass): the package's constant. */
const EPS_PASS = passSumTolerance;

// A fused pass against the two-pass reference over the same outputs: exact counts and extremes,
// sum within EPS_PASS·Σ|x|, sumSqDev within EPS_PASS·Σ(x − K)².
function expectPass(got: LayerPass, outputs: Float32Array, stats: StatsRequest): void {
  const want = reference.layerPass(outputs, stats);
  const { sum, sumSqDev, ...exact } = got;
  const { sum: wantSum, sumSqDev: wantSq, ...wantExact } = want;
  expect(exact).toEqual(wantExact);
  expect(Math.abs(sum - wantSum)).toBeLessThanOrEqual(EPS_PASS * sumAbs(outputs));
  expect(Math.abs(sumSqDev - wantSq)).toBeLessThanOrEqual(EPS_PASS * shiftedSquares(outputs));
  // and the histogram equals histogramOf's on the same block exactly
  if (stats !== 'moments') {
    const h = core.histogramOf(block(core, outputs), stats.lo, stats.hi, stats.bins, 0);
    expect([got.counts, got.below, got.above]).toEqual([h.counts, h.below, h.above]);
    expect(core.momentsOf(block(core, outputs)).zeros).toBe(got.zeros);
  }
}

const bookRanges: [ActivationKernel, HistogramRange][] = [
  ['sigmoid', { lo: 0, hi: 1, bins: 30 }],
  ['tanh', { lo: -1, hi: 1, bins: 30 }],
  ['relu', { lo: 0, hi: 4, bins: 30 }],
  ['linear', { lo: -2.5, hi: 3, bins: 7 }],
  ['gelu', { lo: -0.5, hi: 2, bins: 30 }],
];

describe('denseInto() with stats', () => {
  for (const [kind, range] of bookRanges) {
    for (const stats of ['moments', range] as const) {
      const what = stats === 'moments' ? 'moments' : `a histogram on [${range.lo}, ${range.hi}]`;
      it(`measures ${kind} outputs (${what}) like the two-pass reference for 37×100·100×45`, () => {
        const [m, k, n] = [37, 100, 45];
        const x = block(core, randn(m * k, 40));
        const w = block(core, randn(k * n, 41));
        const out = core.alloc(m * n);
        const got = core.denseInto(x, w, out, m, k, n, kind, { scale: 0.1, stats });
        expectPass(got, out.array.slice(), stats);
      });
    }
  }

  it('leaves the outputs bit-identical to the pass without stats', () => {
    const [m, k, n] = [23, 31, 17];
    const x = block(core, randn(m * k, 42));
    const w = block(core, randn(k * n, 43));
    const plain = core.alloc(m * n);
    const measured = core.alloc(m * n);
    core.denseInto(x, w, plain, m, k, n, 'tanh', 0.3);
    core.denseInto(x, w, measured, m, k, n, 'tanh', {
      scale: 0.3,
      stats: { lo: -1, hi: 1, bins: 30 },
    });
    expect(measured.array).toEqual(plain.array);
  });

  it('measures every row strip once when n exceeds a column block (6×300·300×1030)', () => {
    const [m, k, n] = [6, 300, 1030];
    const x = block(core, randn(m * k, 44));
    const w = block(core, randn(k * n, 45, 0.1));
    const out = core.alloc(m * n);
    const stats = { lo: -1, hi: 1, bins: 30 };
    const got = core.denseInto(x, w, out, m, k, n, 'tanh', { stats });
    expect(got.count).toBe(m * n);
    expectPass(got, out.array.slice(), stats);
  });

  it('counts NaN and ±Inf outputs as non-finite and keeps them out of the sums', () => {
    const [m, k, n] = [edgeValuesF32.length, 9, 13];
    const xs = randn(m * k, 46);
    edgeValuesF32.forEach((v, i) => {
      xs[i * k] = v;
    });
    const x = block(core, xs);
    const w = block(core, randn(k * n, 47));
    const out = core.alloc(m * n);
    const stats = { lo: -3, hi: 3, bins: 11 };
    const got = core.denseInto(x, w, out, m, k, n, 'linear', { stats });
    expect(got.nonFinite).toBeGreaterThan(0);
    expectPass(got, out.array.slice(), stats);
  });

  it('measures an empty product and a k = 0 product', () => {
    const none = core.denseInto(core.alloc(0), core.alloc(0), core.alloc(0), 0, 3, 0, 'relu', {
      stats: 'moments',
    });
    expect([none.count, none.finite, none.sum, none.sumSqDev]).toEqual([0, 0, 0, 0]);
    expect(Number.isNaN(none.min) && Number.isNaN(none.max)).toBe(true);
    const zeros = core.denseInto(core.alloc(0), core.alloc(0), core.alloc(6), 2, 0, 3, 'sigmoid', {
      stats: { lo: 0, hi: 1, bins: 4 },
    });
    expect(zeros).toMatchObject({ count: 6, zeros: 0, min: 0.5, max: 0.5, sumSqDev: 0 });
    expect(zeros.counts).toEqual([0, 0, 6, 0]);
  });
});

describe('activateInto() with stats', () => {
  it('sums only the finite values when NaN and ±Inf share a vector with them', () => {
    // 16 values: 10 of them −1, the rest non-finite, spread over both 8-value steps.
    const values = [
      -1,
      -1,
      -1,
      Infinity,
      -1,
      NaN,
      -1,
      -1,
      Infinity,
      -1,
      -1,
      -Infinity,
      -1,
      NaN,
      -1,
      Infinity,
    ];
    const x = block(core, values);
    for (const stats of ['moments', { lo: -2, hi: 2, bins: 3 }] as const) {
      const got = core.activateInto('linear', x, core.alloc(values.length), { stats });
      expect([got.finite, got.nonFinite, got.sum, got.sumSqDev]).toEqual([10, 6, -10, 0]);
    }
    const many = Float32Array.from({ length: 1001 }, (_, i) => (i % 7 === 3 ? Number.NaN : 2.5));
    const got = core.activateInto('linear', block(core, many), core.alloc(many.length), {
      stats: 'moments',
    });
    expect(got.sum).toBe(core.momentsOf(block(core, many)).sum);
  });

  for (const [kind, range] of bookRanges) {
    it(`measures ${kind} of 1003 normals ×3 (scale 0.7) like the two-pass reference`, () => {
      const x = block(core, randn(1003, 48, 3));
      const out = core.alloc(1003);
      const got = core.activateInto(kind, x, out, { scale: 0.7, stats: range });
      // `activate` may grow memory: take its result before reading out's view
      const want = core.activate(kind, x.array, 0.7);
      expect(out.array).toEqual(want);
      expectPass(got, out.array.slice(), range);
    });
  }

  it('measures a block larger than one chunk (10 007 values) in place', () => {
    const values = randn(10_007, 49, 2);
    const x = block(core, values);
    const got = core.activateInto('sigmoid', x, x, { stats: { lo: 0, hi: 1, bins: 30 } });
    expectPass(
      got,
      reference.activate('sigmoid', values).map((_, i) => x.array[i] as number),
      {
        lo: 0,
        hi: 1,
        bins: 30,
      },
    );
  });

  // data on and around every bin edge, where an f32 bin estimate could be off by one
  const edgeRanges: HistogramRange[] = [
    { lo: 0, hi: 1, bins: 30 },
    { lo: -1, hi: 1, bins: 30 },
    { lo: 0.1, hi: 0.7, bins: 13 },
    { lo: 1000, hi: 1001, bins: 30 },
    { lo: -3e-5, hi: 7e-5, bins: 9 },
    { lo: 0, hi: 3.3, bins: 1 },
    { lo: -1, hi: 1, bins: 5000 },
    { lo: 0, hi: 1e30, bins: 3 },
    // the f32 estimate's error bound exceeds 1/4 bin here: every value takes the f64 formula
    { lo: 1e6, hi: 1e6 + 1, bins: 30 },
  ];
  for (const range of edgeRanges) {
    it(`bins values on and next to the edges of [${range.lo}, ${range.hi}] / ${range.bins} exactly`, () => {
      const bins = Math.min(range.bins, 300);
      const values = edgeData(range.lo, range.hi, bins);
      const got = core.activateInto('linear', block(core, values), core.alloc(values.length), {
        stats: range,
      });
      expectPass(got, values, range);
    });
  }

  it('keeps std ≪ |mean| accurate: sigmoid of 0.01-scaled sums (std ≈ 1e-3 about 0.5)', () => {
    const values = randn(100_000, 50, 0.004);
    const x = block(core, values);
    const out = core.alloc(values.length);
    const got = core.activateInto('sigmoid', x, out, { stats: { lo: 0, hi: 1, bins: 30 } });
    const want = reference.layerPass(out.array.slice(), 'moments');
    expect(Math.abs(got.sumSqDev - want.sumSqDev) / want.sumSqDev).toBeLessThan(1e-12);
    expect(Math.sqrt(got.sumSqDev / got.finite)).toBeCloseTo(1e-3, 4);
  });

  it('reports a zero extreme as +0 and NaN extremes when nothing is finite', () => {
    const negZero = core.activateInto('linear', block(core, [-0, 1, -0]), core.alloc(3), {
      stats: 'moments',
    });
    expect(Object.is(negZero.min, 0)).toBe(true);
    const none = core.activateInto(
      'linear',
      block(core, [Number.NaN, Number.NEGATIVE_INFINITY]),
      core.alloc(2),
      {
        stats: { lo: 0, hi: 1, bins: 2 },
      },
    );
    expect(none).toMatchObject({ count: 2, finite: 0, nonFinite: 2, sum: 0, sumSqDev: 0 });
    expect(Number.isNaN(none.min) && Number.isNaN(none.max)).toBe(true);
    expect([none.counts, none.below, none.above]).toEqual([[0, 0], 0, 0]);
  });

  it('rejects a bad stats request with one line naming it', () => {
    const x = core.alloc(4);
    expect(() => core.activateInto('relu', x, x, { stats: 'histogram' as 'moments' })).toThrow(
      `activateInto: stats must be 'moments' or { lo, hi, bins }, got "histogram"`,
    );
    expect(() => core.activateInto('relu', x, x, { stats: { lo: 1, hi: 0, bins: 3 } })).toThrow(
      'activateInto: stats.lo must be less than stats.hi, got lo = 1, hi = 0',
    );
    expect(() =>
      core.denseInto(x, x, x, 0, 0, 0, 'relu', { stats: { lo: 0, hi: 1, bins: 0 } }),
    ).toThrow('denseInto: stats.bins must be an integer in [1, 16777216], got 0');
    expect(() => core.activate('relu', new Float32Array(2), { stats: 'moments' } as never)).toThrow(
      'activate: stats are measured by activateInto only',
    );
  });
});
