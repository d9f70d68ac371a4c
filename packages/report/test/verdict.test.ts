import { describe, expect, it } from 'vitest';
import {
  collapseGrowth,
  collapseSpread,
  deadThreshold,
  explodingGrowth,
  saturationThreshold,
  saturationZone,
  verdict,
  verdictKinds,
} from '../src/index.js';
import { saturationFraction } from '../src/saturation.js';
import { stdGrowth } from '../src/verdict.js';
import {
  erroredRun,
  histogramOf,
  layerWith,
  overflowRun,
  resultsFixture,
  runOf,
  runWith,
  sigmoidCounts,
} from './fixtures.js';

/** A sigmoid layer whose two outer bins (fully inside the 0.05 zones) hold `saturated` of 10,000 values. */
function sigmoidLayer(layer: number, saturated: number, std = 0.3) {
  const edge = (saturated * 10_000) / 2;
  return layerWith(layer, {
    std,
    mean: 0.5,
    histogram: histogramOf([0, 1], sigmoidCounts(edge, 10_000 - 2 * edge)),
  });
}

describe('verdict thresholds', () => {
  it('are named constants with the documented values', () => {
    expect({
      saturationZone,
      saturationThreshold,
      collapseGrowth,
      collapseSpread,
      explodingGrowth,
      deadThreshold,
    }).toEqual({
      saturationZone: 0.05,
      saturationThreshold: 0.3,
      collapseGrowth: 0.5,
      collapseSpread: 0.05,
      explodingGrowth: 2,
      deadThreshold: 0.9,
    });
  });

  it('lists the kinds most severe first', () => {
    expect(verdictKinds).toEqual([
      'errored',
      'overflow',
      'dead',
      'exploding',
      'saturated',
      'collapsed',
      'healthy',
    ]);
  });
});

describe('verdict()', () => {
  it('calls a run saturated from the threshold on, at its most saturated layer', () => {
    const run = runWith('sigmoid', [sigmoidLayer(1, 0.2), sigmoidLayer(2, saturationThreshold)]);
    expect(verdict(run)).toEqual({
      kind: 'saturated',
      layer: 2,
      measure: 'saturation',
      value: expect.closeTo(0.3, 9),
    });
    expect(verdict(runWith('sigmoid', [sigmoidLayer(1, 0.29), sigmoidLayer(2, 0.29)])).kind).toBe(
      'healthy',
    );
  });

  it('calls a run dead when a layer reaches the zero threshold', () => {
    const layers = [
      layerWith(1, { zeroFraction: 0.5 }),
      layerWith(2, { zeroFraction: deadThreshold }),
    ];
    expect(verdict(runWith('relu', layers))).toEqual({
      kind: 'dead',
      layer: 2,
      measure: 'zeroFraction',
      value: 0.9,
    });
    const alive = [layerWith(1, { zeroFraction: 0.5 }), layerWith(2, { zeroFraction: 0.89 })];
    expect(verdict(runWith('relu', alive)).kind).toBe('healthy');
  });

  it.each([
    { kind: 'exploding', rule: 'grows faster than ×2', factor: 2.1, limit: explodingGrowth },
    { kind: 'collapsed', rule: 'shrinks faster than ×0.5', factor: 0.49, limit: collapseGrowth },
  ])('calls a run $kind when std $rule per layer, and not at the limit', (rule) => {
    // std 3·factorˡ⁻¹ over three layers: the geometric-mean growth is exactly factor
    const run = (factor: number) =>
      runWith(
        'relu',
        [1, 2, 3].map((layer) => layerWith(layer, { std: 3 * factor ** (layer - 1) })),
      );
    expect(verdict(run(rule.factor))).toEqual({
      kind: rule.kind,
      layer: 3,
      measure: 'growth',
      value: expect.closeTo(rule.factor, 9),
    });
    expect(verdict(run(rule.limit)).kind).toBe('healthy');
  });

  it('calls a bounded activation collapsed when its deepest std is under 5% of its range', () => {
    const flat = (std: number) => runWith('tanh', [layerWith(1, { std }), layerWith(2, { std })]);
    expect(verdict(flat(0.099))).toEqual({
      kind: 'collapsed',
      layer: 2,
      measure: 'spread',
      value: expect.closeTo(0.0495, 9),
    });
    expect(verdict(flat(2 * collapseSpread)).kind).toBe('healthy');
  });

  it('judges a single-layer run without a growth rule', () => {
    expect(stdGrowth(runWith('relu', [layerWith(1, { std: 1e6 })]))).toBeNull();
    expect(verdict(runWith('relu', [layerWith(1, { std: 1e6 })])).kind).toBe('healthy');
  });

  it('reports overflow with the first layer holding NaN/Inf, before any other verdict', () => {
    // relu std:1 through layers of 1000: 9027 of layer 29's 10,000 values are ±Inf or NaN
    expect(verdict(overflowRun())).toEqual({
      kind: 'overflow',
      layer: 29,
      measure: 'nonFinite',
      value: 0.9027,
    });
    // std:1e30 overflows at once: 4960 of layer 2's values
    expect(verdict(runOf(resultsFixture('overflow'), 'relu', 'std:1e30'))).toEqual({
      kind: 'overflow',
      layer: 2,
      measure: 'nonFinite',
      value: 0.496,
    });
    const deadToo = runWith('relu', [
      layerWith(1, { zeroFraction: 1 }),
      layerWith(2, { nonFinite: 30 }),
    ]);
    expect(verdict(deadToo)).toMatchObject({ kind: 'overflow', layer: 2 });
  });

  it('carries an errored run’s message', () => {
    expect(verdict(erroredRun('relu', 'he', 'Out of memory'))).toEqual({
      kind: 'errored',
      message: 'Out of memory',
    });
  });

  it('gives the book’s verdicts for its 12 runs', () => {
    const kinds = Object.fromEntries(
      resultsFixture('book').runs.map((run) => [
        `${run.activation} ${run.init}`,
        verdict(run).kind,
      ]),
    );
    expect(kinds).toEqual({
      'sigmoid std:1': 'saturated',
      'sigmoid std:0.01': 'collapsed',
      'sigmoid xavier': 'healthy',
      'sigmoid he': 'healthy',
      'relu std:1': 'exploding',
      'relu std:0.01': 'collapsed',
      'relu xavier': 'healthy',
      'relu he': 'healthy',
      'tanh std:1': 'saturated',
      'tanh std:0.01': 'collapsed',
      'tanh xavier': 'healthy',
      'tanh he': 'healthy',
    });
  });

  it('gives the same verdicts when the data is binned over the book’s range (0, 1)', () => {
    const kinds = resultsFixture('book-plot').runs.map((run) => verdict(run).kind);
    expect(kinds).toEqual(resultsFixture('book').runs.map((run) => verdict(run).kind));
  });
});

describe('saturationFraction()', () => {
  it('counts whole bins inside the zones and shares of bins across their edge', () => {
    // bins of 1/30: bin 0 lies inside [0, 0.05], bin 1 half inside; likewise at the top
    const counts = new Array<number>(30).fill(0);
    counts[0] = 100;
    counts[1] = 100;
    counts[15] = 800;
    expect(saturationFraction('sigmoid', histogramOf([0, 1], counts), 1000)).toBeCloseTo(0.15, 9);
  });

  it('is null for unbounded activations', () => {
    expect(saturationFraction('relu', histogramOf([0, 5]), 3000)).toBeNull();
  });

  it('counts values below the range when the whole tail lies in the zone', () => {
    const histogram = histogramOf([0.02, 0.98], new Array(30).fill(10), { below: 200, above: 100 });
    expect(saturationFraction('sigmoid', histogram, 600)).toBeGreaterThan(0.5);
  });

  it('is null when a tail straddles a zone', () => {
    const histogram = histogramOf([0.2, 0.8], new Array(30).fill(10), { below: 50 });
    expect(saturationFraction('sigmoid', histogram, 350)).toBeNull();
  });

  it('mirrors tanh’s upper zone when the bins only cover (0, 1)', () => {
    const counts = new Array<number>(30).fill(0);
    counts[29] = 300;
    const histogram = histogramOf([0, 1], counts, { below: 500 });
    // 300 in the upper zone (bin 29 lies inside [0.95, 1]); the lower zone is mirrored: 600 of 1000
    expect(saturationFraction('tanh', histogram, 1000)).toBeCloseTo(0.6, 9);
  });
});
