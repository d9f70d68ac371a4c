import { beforeAll, describe, expect, it } from 'vitest';
import { block, edgeValuesF32 } from '../../../testing/f32.js';
import { type Core, reference } from '../src/index.js';
import { edgeData, newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

// normals, every edge value, exact bin edges of [-1, 1] with 30 bins, lo/hi themselves and values outside
function awkwardData(): Float32Array {
  const edges = Array.from({ length: 31 }, (_, i) => -1 + (2 * i) / 30);
  return Float32Array.from([
    ...randn(1001, 30, 1.5),
    ...edgeValuesF32,
    ...edges,
    -1,
    1,
    -1.0000001,
    1.0000001,
    0,
    -0,
    Number.NaN,
    2,
    -2,
  ]);
}

describe('momentsOf()', () => {
  it('equals the reference exactly on data with NaN, ±Inf, zeros and extremes', () => {
    const x = awkwardData();
    const got = core.momentsOf(block(core, x));
    expect(got).toEqual(reference.moments(x));
  });

  it('counts +0 and −0 as zeros and NaN/±Inf as non-finite', () => {
    const x = Float32Array.from([
      0,
      -0,
      1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    expect(core.momentsOf(block(core, x))).toEqual({
      count: 6,
      finite: 3,
      sum: 1,
      min: 0,
      max: 1,
      zeros: 2,
      nonFinite: 3,
    });
  });

  it('reports NaN min and max when no value is finite, and handles an empty block', () => {
    const none = core.momentsOf(block(core, [Number.NaN, Number.POSITIVE_INFINITY]));
    expect(none).toEqual(
      reference.moments(Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY])),
    );
    expect(Number.isNaN(none.min) && Number.isNaN(none.max)).toBe(true);
    expect(core.momentsOf(core.alloc(0))).toEqual(reference.moments(new Float32Array(0)));
  });
});

describe('histogramOf()', () => {
  const ranges: [number, number, number, number][] = [
    [-1, 1, 30, 0],
    [0, 1, 30, 0.5],
    [-3, 3, 1, 0.1],
    [-0.5, 2.5, 7, -0.25],
  ];
  for (const [lo, hi, bins, center] of ranges) {
    it(`equals the reference exactly on [${lo}, ${hi}] with ${bins} bins`, () => {
      const x = awkwardData();
      const got = core.histogramOf(block(core, x), lo, hi, bins, center);
      expect(got).toEqual(reference.histogram(x, lo, hi, bins, center));
      const moments = core.momentsOf(block(core, x));
      const inside = got.counts.reduce((s, c) => s + c, 0);
      expect(inside + got.below + got.above + moments.nonFinite).toBe(x.length);
      const odd = x.subarray(1);
      expect(core.histogramOf(block(core, odd), lo, hi, bins, center)).toEqual(
        reference.histogram(odd, lo, hi, bins, center),
      );
    });
  }

  const edgeRanges: [number, number, number][] = [
    [0, 1, 30],
    [-1, 1, 30],
    [0.1, 0.7, 13],
    [1000, 1001, 30],
    [-3e-5, 7e-5, 9],
    [0, 5.5, 5000],
    [1e6, 1e6 + 1, 30],
  ];
  for (const [lo, hi, bins] of edgeRanges) {
    it(`bins values on and next to every edge of [${lo}, ${hi}] / ${bins} exactly like the reference`, () => {
      const x = edgeData(lo, hi, Math.min(bins, 300));
      for (const values of [x, x.subarray(3)]) {
        expect(core.histogramOf(block(core, values), lo, hi, bins, 0.25)).toEqual(
          reference.histogram(values, lo, hi, bins, 0.25),
        );
      }
    });
  }

  it('puts hi in the last bin, lo in the first, and bin edges in the upper bin', () => {
    const got = core.histogramOf(block(core, [0, 0.25, 0.5, 0.75, 1, -0.1, 1.1]), 0, 1, 4, 0);
    expect(got.counts).toEqual([1, 1, 1, 2]);
    expect([got.below, got.above]).toEqual([1, 1]);
    expect(got.sumSqDev).toBeCloseTo(0 + 0.0625 + 0.25 + 0.5625 + 1 + 0.01 + 1.21, 6);
  });

  it('skips NaN and ±Inf (momentsOf counts them)', () => {
    const got = core.histogramOf(
      block(core, [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5]),
      0,
      1,
      2,
      0,
    );
    expect(got).toEqual({ counts: [0, 1], below: 0, above: 0, sumSqDev: 0.25 });
  });

  it('does not grow memory over 10 000 calls', () => {
    const x = block(core, randn(1000, 31));
    core.histogramOf(x, -1, 1, 30, 0);
    const bytes = core.memory.buffer.byteLength;
    for (let i = 0; i < 10_000; i++) core.histogramOf(x, -1, 1, 30, 0);
    expect(core.memory.buffer.byteLength).toBe(bytes);
  });
});

describe('countsOf()', () => {
  it('equals histogramOf counts and reference.counts exactly, on awkward and edge data', () => {
    for (const [lo, hi, bins] of [
      [-1, 1, 30],
      [0, 1, 30],
      [0, 5.5, 5000],
      [1000, 1001, 30],
    ] as const) {
      for (const x of [awkwardData(), edgeData(lo, hi, Math.min(bins, 300)).subarray(1)]) {
        const got = core.countsOf(block(core, x), { lo, hi, bins });
        const { counts, below, above } = core.histogramOf(block(core, x), lo, hi, bins, 0);
        expect(got).toEqual({ counts, below, above });
        expect(got).toEqual(reference.counts(x, lo, hi, bins));
      }
    }
  });

  it('checks its range like histogramOf', () => {
    expect(() => core.countsOf(core.alloc(3), { lo: 0, hi: 0, bins: 3 })).toThrow(
      'countsOf: range.lo must be less than range.hi, got lo = 0, hi = 0',
    );
  });
});

describe('sumSquaresOf()', () => {
  it('equals the reference exactly for lengths 0, 1, 7, 8, 9 and 1001', () => {
    for (const length of [0, 1, 7, 8, 9, 1001]) {
      const x = randn(length, 90 + length, 3);
      expect(core.sumSquaresOf(block(core, x))).toBe(reference.sumSquares(x));
    }
  });

  it('is the squared Frobenius norm in f64 (3² + 4² + 12² = 169)', () => {
    expect(core.sumSquaresOf(block(core, [3, -4, 12]))).toBe(169);
    expect(core.sumSquaresOf(block(core, [3e38, 3e38]))).toBe(2 * Math.fround(3e38) ** 2);
  });

  it('propagates NaN and ±Inf', () => {
    expect(core.sumSquaresOf(block(core, [1, Number.NEGATIVE_INFINITY, 2]))).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(core.sumSquaresOf(block(core, [1, Number.NaN, Number.POSITIVE_INFINITY]))).toBeNaN();
  });
});
