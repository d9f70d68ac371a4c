import type { Histogram } from '@initscope/results';

/** The book's bins: `plt.hist(a.flatten(), 30, range=(0,1))`. */
export const bookBins = 30;
/** The book's y limit for ReLU and tanh: `plt.ylim(0, 7000)` in `ch06/weight_init_activation_histogram.py`. */
export const bookYMax = 7000;
/** Activations whose book figure fixes the y axis to 0–{@link bookYMax} (sigmoid's figure fits its counts). */
export const bookYLimited: readonly string[] = ['relu', 'tanh'];
/** The book's histogram range. */
export const bookRange: [number, number] = [0, 1];

/** Relative tolerance under which two sets of edges are the same binning. */
const edgeTolerance = 1e-9;

/** `bins + 1` evenly spaced edges over `[lo, hi]`. */
export function evenEdges([lo, hi]: [number, number], bins: number): number[] {
  return Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
}

/** Index of the bin holding `value` (bin i is [edges[i], edges[i+1]), the last also holds its top edge); −1 outside. */
export function binIndex(edges: readonly number[], value: number): number {
  const bins = edges.length - 1;
  const first = edges[0];
  const last = edges[bins];
  if (bins < 1 || first === undefined || last === undefined || !(value >= first && value <= last)) {
    return -1;
  }
  for (let i = 0; i < bins; i++) if (value < (edges[i + 1] ?? last)) return i;
  return bins - 1;
}

function sameEdges(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const scale = Math.max(1, Math.abs((b[b.length - 1] ?? 0) - (b[0] ?? 0)));
  return a.every((edge, i) => Math.abs(edge - (b[i] ?? Number.NaN)) <= edgeTolerance * scale);
}

/** Counts over new edges, and whether they are exact (same binning) or re-binned. */
export interface Rebinned {
  counts: number[];
  exact: boolean;
}

/**
 * Move a histogram's bin counts onto `edges`. The same binning is copied exactly; otherwise each
 * source bin's count is spread evenly over its width, except `zeros` exact zeros, which stay a point
 * mass at 0. Values below or above the source range are left out (their position is unknown).
 */
export function rebin(histogram: Histogram, edges: readonly number[], zeros = 0): Rebinned {
  const bins = edges.length - 1;
  if (sameEdges(histogram.edges, edges)) return { counts: [...histogram.counts], exact: true };
  const counts = new Array<number>(bins).fill(0);
  const source = histogram.edges;
  const zeroSource = binIndex(source, 0);
  const zeroTarget = binIndex(edges, 0);
  for (let i = 0; i < histogram.counts.length; i++) {
    let count = histogram.counts[i] ?? 0;
    if (i === zeroSource && zeros > 0) {
      const moved = Math.min(count, zeros);
      count -= moved;
      if (zeroTarget >= 0) counts[zeroTarget] = (counts[zeroTarget] ?? 0) + moved;
    }
    const a = source[i] ?? 0;
    const b = source[i + 1] ?? a;
    if (count === 0) continue;
    if (b <= a) {
      const j = binIndex(edges, a);
      if (j >= 0) counts[j] = (counts[j] ?? 0) + count;
      continue;
    }
    for (let j = 0; j < bins; j++) {
      const lo = edges[j] ?? 0;
      const hi = edges[j + 1] ?? lo;
      const share = Math.max(0, Math.min(b, hi) - Math.max(a, lo)) / (b - a);
      if (share > 0) counts[j] = (counts[j] ?? 0) + count * share;
    }
  }
  return { counts, exact: false };
}
