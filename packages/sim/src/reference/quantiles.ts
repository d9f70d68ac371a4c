import { quantileLevels } from '@initscope/results';

/**
 * The exact quantiles of the finite values at `levels`, as NumPy's `np.quantile` (method 'linear'):
 * sorted values x₍0₎ ≤ … ≤ x₍n−1₎, rank h = p·(n − 1), x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎);
 * null when no value is finite.
 */
export function exactQuantiles(
  values: Float32Array,
  levels: readonly number[] = quantileLevels,
): number[] | null {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  const n = sorted.length;
  if (n === 0) return null;
  return levels.map((p) => {
    const h = p * (n - 1);
    const k = Math.floor(h);
    const low = sorted[k] as number;
    return h === k ? low : low + (h - k) * ((sorted[k + 1] as number) - low);
  });
}
