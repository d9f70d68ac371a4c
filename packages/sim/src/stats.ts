import type { Core, F32Block } from '@initscope/core-wasm';
import type { LayerStats } from './results.js';

/** Histogram edges `lo + (hi − lo)·i / bins`, i = 0…bins, with the last edge exactly `hi`. */
export function histogramEdges(lo: number, hi: number, bins: number): number[] {
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  edges[bins] = hi;
  return edges;
}

/**
 * Statistics of one layer's values (DESIGN.md results contract), in two passes over the block:
 * moments and extremes first (ReLU's range needs the max), then the histogram and squared deviations.
 */
export function layerStats(
  core: Core,
  values: F32Block,
  layer: number,
  bins: number,
  range: (max: number) => [number, number],
): LayerStats {
  const moments = core.momentsOf(values);
  const hasFinite = moments.finite > 0;
  const mean = hasFinite ? moments.sum / moments.finite : null;
  const [lo, hi] = range(hasFinite ? moments.max : Number.NaN);
  const pass = core.histogramOf(values, lo, hi, bins, mean ?? 0);
  return {
    layer,
    mean,
    std: hasFinite ? Math.sqrt(pass.sumSqDev / moments.finite) : null,
    min: hasFinite ? moments.min : null,
    max: hasFinite ? moments.max : null,
    zeroFraction: moments.zeros / moments.count,
    nonFinite: moments.nonFinite,
    histogram: {
      edges: histogramEdges(lo, hi, bins),
      counts: pass.counts,
      below: pass.below,
      above: pass.above,
    },
  };
}
