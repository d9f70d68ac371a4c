import type { LayerStats } from '@initscope/results';

/** All of a layer's values (`samples × width`): binned, below, above and non-finite. */
export function layerTotal(stats: LayerStats): number {
  const { counts, below, above } = stats.histogram;
  let total = below + above + stats.nonFinite;
  for (const count of counts) total += count;
  return total;
}
