import type { Histogram } from '@initscope/results';
import { activationProfile } from './activation-profile.js';

/** Width of the zone next to each bound (sigmoid 0 and 1, tanh −1 and 1) whose values count as saturated. */
export const saturationZone = 0.05;

/** Share of bin `[a, b)` inside `[lo, hi]`, with the bin's values spread evenly over it. */
function binShare(a: number, b: number, lo: number, hi: number): number {
  if (b <= a) return a >= lo && a <= hi ? 1 : 0;
  return Math.max(0, Math.min(b, hi) - Math.max(a, lo)) / (b - a);
}

/** A tail of `count` values somewhere in `[a, b]`: all of it, none of it, or unknown (null) for `[lo, hi]`. */
function tailShare(count: number, a: number, b: number, lo: number, hi: number): number | null {
  if (count === 0 || (a >= lo && b <= hi)) return count;
  if (b <= lo || a >= hi) return 0;
  return null;
}

/**
 * Estimated number of values in `[lo, hi]` of an activation bounded by `bounds`, from the histogram bins
 * (values spread evenly within each bin) and its below/above tails; null when a tail straddles the zone.
 */
export function zoneCount(
  histogram: Histogram,
  [lo, hi]: [number, number],
  bounds: [number, number],
): number | null {
  const { edges, counts, below, above } = histogram;
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? 0;
  let count = 0;
  for (let i = 0; i < counts.length; i++) {
    count += (counts[i] ?? 0) * binShare(edges[i] ?? 0, edges[i + 1] ?? 0, lo, hi);
  }
  const low = tailShare(below, bounds[0], first, lo, hi);
  const high = tailShare(above, last, bounds[1], lo, hi);
  return low === null || high === null ? null : count + low + high;
}

/**
 * Fraction of a layer's `total` values within {@link saturationZone} of a bounded activation's bounds,
 * estimated from the histogram bins. Null for unbounded activations and when the histogram cannot tell;
 * for an odd-symmetric activation (tanh) a zone the histogram misses is mirrored from the other one.
 */
export function saturationFraction(
  activation: string,
  histogram: Histogram,
  total: number,
): number | null {
  const { bounds, symmetric } = activationProfile(activation);
  if (!bounds || total <= 0) return null;
  const [lo, hi] = bounds;
  const low = zoneCount(histogram, [lo, lo + saturationZone], bounds);
  const high = zoneCount(histogram, [hi - saturationZone, hi], bounds);
  if (low !== null && high !== null) return (low + high) / total;
  const one = low ?? high;
  return symmetric && one !== null ? (2 * one) / total : null;
}
