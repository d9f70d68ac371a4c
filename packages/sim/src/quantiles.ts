import type { Core, F32Block } from '@initscope/core-wasm';
import { quantileBins, quantileLevels } from '@initscope/results';

/**
 * The quantiles at `levels` of n finite values from their counts in equal bins on [min, max]
 * (min and max their exact extremes), NumPy's default definition: rank h = p·(n − 1), linear
 * between the order statistics x₍⌊h⌋₎ and x₍⌊h⌋+1₎. Order statistic k is placed evenly inside its
 * bin, e_i + (k − C_i + ½)/c_i · w (C_i values lie below bin i), so it stays in the bin of the true
 * x₍k₎: |error| < w = (max − min)/bins, also after interpolating two of them. x₍0₎ = min and
 * x₍n−1₎ = max are exact; `zeros` exact zeros at an end of the range (ReLU's min 0) sit at 0 exactly.
 * The others are rounded to 7 significant digits of the range (`roundToRange`).
 */
export function quantilesFromCounts(
  counts: readonly number[],
  min: number,
  max: number,
  zeros: number,
  levels: readonly number[] = quantileLevels,
): number[] {
  const bins = counts.length;
  const edge = (i: number) => (i === bins ? max : min + ((max - min) * i) / bins);
  // Segments: bins, with exact zeros counted in the first bin (min 0) or the last (max 0) split
  // off as a point mass at that end. below[s] values lie before segment s.
  const splitFirst = zeros > 0 && min === 0 && (counts[0] ?? 0) >= zeros;
  const splitLast = !splitFirst && zeros > 0 && max === 0 && (counts[bins - 1] ?? 0) >= zeros;
  const size = bins + (splitFirst || splitLast ? 1 : 0);
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  const count = new Float64Array(size);
  let s = 0;
  if (splitFirst) {
    count[s++] = zeros;
  }
  for (let i = 0; i < bins; i++, s++) {
    lo[s] = edge(i);
    hi[s] = edge(i + 1);
    count[s] =
      (counts[i] as number) -
      ((i === 0 && splitFirst) || (i === bins - 1 && splitLast) ? zeros : 0);
  }
  if (splitLast) count[s] = zeros;
  const below = new Float64Array(size + 1);
  for (let i = 0; i < size; i++) below[i + 1] = (below[i] as number) + (count[i] as number);
  const n = below[size] as number;
  if (n === 0) return levels.map(() => Number.NaN);
  // The estimate of order statistic k: the last segment with below[s] ≤ k (binary search).
  const orderStatistic = (k: number): number => {
    if (k <= 0) return min;
    if (k >= n - 1) return max;
    let a = 0;
    let b = size - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if ((below[mid] as number) <= k) a = mid;
      else b = mid - 1;
    }
    const c = count[a] as number;
    const from = lo[a] as number;
    return from + ((k - (below[a] as number) + 0.5) / c) * ((hi[a] as number) - from);
  };
  return levels.map((p) => {
    const h = p * (n - 1);
    const k = Math.floor(h);
    const low = orderStatistic(k);
    const q = h === k ? low : low + (h - k) * (orderStatistic(k + 1) - low);
    return q === min || q === max ? q : roundToRange(q, max - min);
  });
}

/** Significant digits of the range kept in a quantile: a rounding error ≤ 5·10⁻⁷ of the range. */
const rangeDigits = 7;

/**
 * q rounded to `rangeDigits` significant digits of `range` (short JSON, error ≤ range·5·10⁻⁷,
 * far below the fine bins' range/256).
 */
export function roundToRange(q: number, range: number): number {
  if (q === 0 || !(range > 0)) return q;
  const digits = Math.floor(Math.log10(Math.abs(q))) - Math.floor(Math.log10(range)) + rangeDigits;
  return Number(q.toPrecision(Math.min(17, Math.max(1, digits))));
}

/**
 * A layer's quantiles at `quantileLevels` (results contract) from one more counting pass of the
 * kernel on [min, max] in `quantileBins` bins; null without finite values. `min`, `max` and `zeros`
 * are the layer's exact extremes and exact-zero count from its measured pass.
 */
export function layerQuantiles(
  core: Core,
  values: F32Block,
  finite: number,
  min: number,
  max: number,
  zeros: number,
): number[] | null {
  if (finite === 0) return null;
  if (min === max) return quantileLevels.map(() => min);
  const { counts } = core.countsOf(values, { lo: min, hi: max, bins: quantileBins });
  return quantilesFromCounts(counts, min, max, zeros);
}
