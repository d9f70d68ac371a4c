import { describe, expect, it } from 'vitest';
import {
  bootstrapMedians,
  medianOfSorted,
  quantileOfSorted,
  ratioInterval,
  seedOf,
} from '../src/bootstrap.js';
import { normalSource, uint32Source } from '../src/random.js';

/** n timing-like samples: base·(1 + 0.1·|z|), z ~ N(0, 1). */
function samples(base: number, n: number, seed: number): number[] {
  const z = normalSource(seed, 9).fill(new Float32Array(n));
  return Array.from(z, (v) => base * (1 + 0.1 * Math.abs(v)));
}

function sortedMedian(values: readonly number[]): number {
  return medianOfSorted([...values].sort((a, b) => a - b));
}

describe('medianOfSorted() and quantileOfSorted()', () => {
  it('take the middle value, or the mean of the middle two', () => {
    expect(medianOfSorted([1, 2, 10])).toBe(2);
    expect(medianOfSorted([1, 2, 4, 10])).toBe(3);
  });

  it('interpolate quantiles linearly between order statistics', () => {
    expect(quantileOfSorted([0, 10, 20], 0.25)).toBe(5);
    expect(quantileOfSorted([0, 10, 20], 1)).toBe(20);
  });

  it('refuse no samples', () => {
    expect(() => medianOfSorted([])).toThrow('the median of no samples is undefined');
  });
});

describe('bootstrapMedians()', () => {
  it('gives medians of resamples: values of the sample, centred on its median', () => {
    const x = samples(2, 301, 1);
    const medians = bootstrapMedians(x, 500, uint32Source(3));
    const values = new Set(x);
    for (const m of medians) expect(values.has(m)).toBe(true); // odd n: always one sample value
    const centre = medianOfSorted(Float64Array.from(medians).sort());
    expect(Math.abs(centre - sortedMedian(x))).toBeLessThan(0.01);
  });

  it('matches resampling by sorting, draw for draw', () => {
    const x = samples(1, 40, 2);
    const fast = bootstrapMedians(x, 50, uint32Source(5));
    // The same draws, resample built and sorted explicitly.
    const next = uint32Source(5);
    const sorted = [...x].sort((a, b) => a - b);
    for (const m of fast) {
      const resample = Array.from(
        { length: x.length },
        () => sorted[Math.floor((next() * x.length) / 4294967296)] as number,
      );
      expect(m).toBe(sortedMedian(resample));
    }
  });
});

describe('ratioInterval()', () => {
  it('brackets the true ratio of medians, tighter with more samples', () => {
    const wide = ratioInterval(samples(3, 20, 1), samples(1, 20, 2));
    const narrow = ratioInterval(samples(3, 2000, 3), samples(1, 2000, 4));
    for (const [low, high] of [wide, narrow]) {
      expect(low).toBeLessThan(3.1);
      expect(high).toBeGreaterThan(2.9);
    }
    expect(narrow[1] - narrow[0]).toBeLessThan((wide[1] - wide[0]) / 3);
  });

  it('is a point when neither engine varies', () => {
    expect(ratioInterval([4, 4, 4], [2, 2, 2, 2])).toEqual([2, 2]);
  });

  it('gives the same interval for the same samples and seed', () => {
    const a = samples(3, 100, 1);
    const b = samples(1, 100, 2);
    expect(ratioInterval(a, b, { seed: seedOf('x') })).toEqual(
      ratioInterval(a, b, { seed: seedOf('x') }),
    );
  });
});
