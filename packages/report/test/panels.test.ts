import { describe, expect, it } from 'vitest';
import { histogramPanels } from '../src/histogram-panels.js';
import { binIndex, evenEdges, rebin } from '../src/rebin.js';
import { histogramOf, layerWith, resultsFixture, runWith } from './fixtures.js';

/** Tolerance for counts spread over bins in floating point. */
const EPS_COUNT = 1e-9;

describe('binIndex()', () => {
  const edges = evenEdges([0, 1], 4);

  it('puts a value in [edges[i], edges[i+1]) and the top edge in the last bin', () => {
    expect([0, 0.24, 0.25, 0.99, 1].map((v) => binIndex(edges, v))).toEqual([0, 0, 1, 3, 3]);
  });

  it('is −1 outside the edges', () => {
    expect([-0.01, 1.01, Number.NaN].map((v) => binIndex(edges, v))).toEqual([-1, -1, -1]);
  });
});

describe('rebin()', () => {
  it('copies counts exactly when the binning is the same', () => {
    const histogram = histogramOf([0, 1], [1, 2, 3]);
    expect(rebin(histogram, evenEdges([0, 1], 3))).toEqual({ counts: [1, 2, 3], exact: true });
  });

  it('spreads each bin evenly over the new bins it overlaps', () => {
    // [-1, 1] in 4 bins of 0.5 → [0, 1] in 4 bins of 0.25: each upper source bin splits in two
    const { counts, exact } = rebin(histogramOf([-1, 1], [10, 20, 30, 40]), evenEdges([0, 1], 4));
    expect(exact).toBe(false);
    expect(counts).toEqual([15, 15, 20, 20]);
  });

  it('keeps exact zeros a point mass at 0', () => {
    // ReLU over [0, 2] in 2 bins; 60 of the 100 values in bin 0 are exact zeros
    const { counts } = rebin(histogramOf([0, 2], [100, 50]), evenEdges([0, 1], 4), 60);
    expect(counts[0]).toBeCloseTo(60 + 10, 9);
    expect(counts.slice(1).every((count) => Math.abs(count - 10) < EPS_COUNT)).toBe(true);
  });
});

describe('histogramPanels()', () => {
  it('takes ReLU’s exact zeros out of the bin at 0', () => {
    const layer = layerWith(1, {
      zeroFraction: 0.5,
      histogram: histogramOf([0, 3], [600, ...new Array(29).fill(400 / 29)]),
    });
    const [panel] = histogramPanels(runWith('relu', [layer]), { book: false });
    expect(panel?.zeros).toBe(500);
    expect(panel?.bins[0]?.count).toBe(100);
    expect(panel?.total).toBeCloseTo(1000, 9);
  });

  it('leaves sigmoid’s bins as they are', () => {
    const run = resultsFixture('book').runs[0];
    if (!run) throw new Error('no run');
    const panels = histogramPanels(run, { book: false });
    expect(panels.map((panel) => panel.bins.map((bin) => bin.count))).toEqual(
      run.layers.map((stats) => stats.histogram.counts),
    );
    expect(panels.every((panel) => panel.zeros === 0 && panel.hidden === 0)).toBe(true);
  });

  it('counts what the book’s plot hides: outside (0, 1) and NaN/Inf', () => {
    const layer = layerWith(1, {
      nonFinite: 7,
      histogram: histogramOf([-1, 1], new Array(30).fill(10), { below: 3, above: 5 }),
    });
    const [panel] = histogramPanels(runWith('tanh', [layer]), { book: true });
    // 315 values: 150 in bins below 0, 3 below, 5 above, 7 non-finite are hidden; 150 are shown
    expect(panel?.hidden).toBeCloseTo(165, 9);
    expect(panel?.bins).toHaveLength(30);
    expect(panel?.approximate).toBe(true);
  });
});
