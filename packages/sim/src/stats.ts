import type {
  Core,
  F32Block,
  LayerPass,
  Moments,
  SaturationBounds,
  StatsRequest,
} from '@initscope/core-wasm';
import type { LayerGradients, LayerStats } from '@initscope/results';
import { layerQuantiles } from './quantiles.js';

/** Histogram edges `lo + (hi − lo)·i / bins`, i = 0…bins, with the last edge exactly `hi`. */
export function histogramEdges(lo: number, hi: number, bins: number): number[] {
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  edges[bins] = hi;
  return edges;
}

/** Picks a layer's histogram range from its finite min and max (NaN when there are none). */
export type RangeChooser = (min: number, max: number) => [number, number];

/**
 * Statistics of one layer's values (docs/results.md), in two passes over the block:
 * moments and extremes first (ReLU's range needs the max), then the histogram and squared deviations.
 */
export function layerStats(
  core: Core,
  values: F32Block,
  layer: number,
  bins: number,
  range: RangeChooser,
): LayerStats {
  const moments = core.momentsOf(values);
  const hasFinite = moments.finite > 0;
  const mean = hasFinite ? moments.sum / moments.finite : null;
  const [lo, hi] = hasFinite ? range(moments.min, moments.max) : range(Number.NaN, Number.NaN);
  const pass = core.histogramOf(values, lo, hi, bins, mean ?? 0);
  return statsFromPass({ ...moments, ...pass }, layer, lo, hi, bins);
}

/** A symmetric gradient range [−m, m], m = the largest finite |δ| ([−1, 1] when all are 0 or none finite). */
export function gradientRange(min: number, max: number): [number, number] {
  const m = Math.max(Math.abs(min), Math.abs(max));
  return Number.isFinite(m) && m > 0 ? [-m, m] : [-1, 1];
}

/** The gradient statistics of δ^l (without the weight-gradient norm) from its layer statistics. */
export function gradientsOf(stats: LayerStats): Omit<LayerGradients, 'weightGradNorm'> {
  return {
    variance: stats.std === null ? null : stats.std ** 2,
    mean: stats.mean,
    nonFinite: stats.nonFinite,
    zeroFraction: stats.zeroFraction,
    histogram: stats.histogram,
  };
}

/** Statistics of one layer's pre-activation gradient δ^l (without the weight-gradient norm). */
export function gradientStats(
  core: Core,
  delta: F32Block,
  bins: number,
): Omit<LayerGradients, 'weightGradNorm'> {
  return gradientsOf(layerStats(core, delta, 0, bins, gradientRange));
}

/** What a fused pass (`denseInto`/`activateInto` with `stats`) measured, with the histogram counts. */
export interface MeasuredPass extends Moments {
  sumSqDev: number;
  counts: number[];
  below: number;
  above: number;
  /** Values within `saturationMargin` of a bound, when the pass counted them. */
  saturated?: number;
}

/** The results-contract statistics of a layer from its measured pass on [lo, hi]. */
export function statsFromPass(
  pass: MeasuredPass,
  layer: number,
  lo: number,
  hi: number,
  bins: number,
  bounded?: boolean,
): LayerStats {
  const hasFinite = pass.finite > 0;
  const stats = {
    layer,
    mean: hasFinite ? pass.sum / pass.finite : null,
    std: hasFinite ? Math.sqrt(Math.max(0, pass.sumSqDev) / pass.finite) : null,
    min: hasFinite ? pass.min : null,
    max: hasFinite ? pass.max : null,
    zeroFraction: pass.zeros / pass.count,
    nonFinite: pass.nonFinite,
  } as LayerStats;
  // exact saturation: the share of ALL values near a bound; null for an unbounded activation
  if (bounded !== undefined) stats.saturation = bounded ? (pass.saturated ?? 0) / pass.count : null;
  return {
    ...stats,
    histogram: {
      edges: histogramEdges(lo, hi, bins),
      counts: pass.counts,
      below: pass.below,
      above: pass.above,
    },
  };
}

/**
 * Runs `measure` (a fused pass) and completes it into layer statistics: with a fixed range the pass
 * bins the values itself; a range that depends on the layer's extremes (ReLU's [0, max]) is binned by
 * one more `histogramOf` pass once the extremes are known. One more counting pass on [min, max]
 * gives the layer's quantiles (see `layerQuantiles`).
 */
export function measureLayer(
  core: Core,
  values: F32Block,
  layer: number,
  bins: number,
  fixed: [number, number] | undefined,
  range: RangeChooser,
  measure: (stats: StatsRequest, saturation?: SaturationBounds) => LayerPass,
  bounds: readonly [number, number] | null = null,
): LayerStats {
  const saturation = bounds ? { lo: bounds[0], hi: bounds[1] } : undefined;
  const withQuantiles = (stats: LayerStats, pass: LayerPass): LayerStats => ({
    ...stats,
    quantiles: layerQuantiles(core, values, pass.finite, pass.min, pass.max, pass.zeros),
  });
  if (fixed) {
    const [lo, hi] = fixed;
    const pass = measure({ lo, hi, bins }, saturation) as MeasuredPass;
    return withQuantiles(statsFromPass(pass, layer, lo, hi, bins, bounds !== null), pass);
  }
  const pass = measure('moments', saturation);
  const hasFinite = pass.finite > 0;
  const [lo, hi] = hasFinite ? range(pass.min, pass.max) : range(Number.NaN, Number.NaN);
  const histogram = core.countsOf(values, { lo, hi, bins });
  const stats = statsFromPass(
    { ...pass, counts: histogram.counts, below: histogram.below, above: histogram.above },
    layer,
    lo,
    hi,
    bins,
    bounds !== null,
  );
  return withQuantiles(stats, pass);
}
