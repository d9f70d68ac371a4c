// Statistics of a block, accumulated in f64: moments (pass 1), a histogram with Σ(x − center)²
// (pass 2), histogram counts alone, and Σx². x is (n) f32, n = x.length.

import { countsResult, histogramResult, momentsResult } from '../abi.js';
import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkFinite, checkRange } from '../checks.js';
import { show } from '../errors.js';
import type { HistogramCounts, HistogramPass, HistogramRange, Moments } from '../stats.js';

/** Count, finite count, f64 sum, min, max, zeros and non-finite count of x. */
export function measureMoments(backend: Backend, fn: string, x: F32Block): Moments {
  backend.checkBlock(fn, 'x', x);
  backend.wasm.moments(x.ptr, x.length, backend.results.ptr);
  return backend.results.read(momentsResult);
}

/** `bins` counts of x's finite values on [lo, hi] (the last bin includes hi), below, above and Σ(x − center)². */
export function measureHistogram(
  backend: Backend,
  fn: string,
  x: F32Block,
  lo: number,
  hi: number,
  bins: number,
  center: number,
): HistogramPass {
  backend.checkBlock(fn, 'x', x);
  checkRange(fn, '', lo, hi, bins);
  checkFinite(fn, 'center', center);
  const { wasm, results } = backend;
  const counts = backend.counters(bins);
  wasm.histogram(x.ptr, x.length, lo, hi, bins, center, counts, results.ptr);
  const r = results.read(histogramResult);
  return {
    counts: results.counts(counts, bins),
    below: r.below,
    above: r.above,
    sumSqDev: r.sumSqDev,
  };
}

/** The histogram part of `measureHistogram` alone, binned exactly as it bins. */
export function measureCounts(
  backend: Backend,
  fn: string,
  x: F32Block,
  range: HistogramRange,
): HistogramCounts {
  backend.checkBlock(fn, 'x', x);
  if (typeof range !== 'object' || range === null) {
    throw new Error(`${fn}: range must be { lo, hi, bins }, got ${show(range)}`);
  }
  const { lo, hi, bins } = range;
  checkRange(fn, 'range.', lo, hi, bins);
  const { wasm, results } = backend;
  const counts = backend.counters(bins);
  wasm.histogramCounts(x.ptr, x.length, lo, hi, bins, counts, results.ptr);
  const r = results.read(countsResult);
  return { counts: results.counts(counts, bins), below: r.below, above: r.above };
}

/** Σx² over all values of x in f64 (NaN and ±Inf propagate). */
export function measureSumSquares(backend: Backend, fn: string, x: F32Block): number {
  backend.checkBlock(fn, 'x', x);
  return backend.wasm.sumSquares(x.ptr, x.length);
}
