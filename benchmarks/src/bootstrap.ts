import { uint32Source } from './random.js';

// Percentile bootstrap of a ratio of medians (Efron & Tibshirani, An Introduction to the Bootstrap,
// ch. 13): each engine's timing samples are resampled with replacement, independently, and the
// interval is the middle `confidence` of the replicated ratios. It covers sampling noise within
// one run, not a machine that changes speed between two engines' runs.

/** Resamples per bootstrap. */
export const defaultReplicates = 1000;

/** Two-sided coverage of every interval. */
export const intervalConfidence = 0.95;

/** Median of ascending values: the middle one, or the mean of the middle two (tinybench's p50). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) throw new Error('the median of no samples is undefined');
  return ((sorted[(n - 1) >> 1] as number) + (sorted[n >> 1] as number)) / 2;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending values, interpolated linearly between order statistics. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('the quantile of no samples is undefined');
  const at = q * (n - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, n - 1);
  const low = sorted[below] as number;
  return low + (at - below) * ((sorted[above] as number) - low);
}

/**
 * `replicates` bootstrap medians of `samples`. A resample is n uniform indices into the sorted
 * samples; sorting is monotone, so its median is the value at its middle index, which counting
 * the indices finds in O(n) without sorting the resample.
 */
export function bootstrapMedians(
  samples: readonly number[],
  replicates: number,
  next: () => number,
): Float64Array {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const out = new Float64Array(replicates);
  if (n === 0) throw new Error('cannot bootstrap no samples');
  const counts = new Uint32Array(n);
  const lowRank = (n - 1) >> 1;
  const highRank = n >> 1;
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    // ⌊u·n / 2³²⌋: uniform on 0..n−1 up to a bias below n/2³² (n is a sample count).
    for (let i = 0; i < n; i++) {
      const j = Math.floor((next() * n) / 4294967296);
      counts[j] = (counts[j] as number) + 1;
    }
    let seen = 0;
    let low = -1;
    for (let j = 0; j < n; j++) {
      seen += counts[j] as number;
      if (low < 0 && seen > lowRank) low = j;
      if (seen > highRank) {
        out[r] = ((sorted[low] as number) + (sorted[j] as number)) / 2;
        break;
      }
    }
  }
  return out;
}

/** FNV-1a of a string: a stable seed per (suite, case, engine), whatever order ratios come in. */
export function seedOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Options of {@link ratioInterval}. */
export interface IntervalOptions {
  /** @default {@link defaultReplicates} */
  replicates?: number;
  /** @default {@link intervalConfidence} */
  confidence?: number;
  /** @default 1 */
  seed?: number;
}

/**
 * The interval of a ratio from its parts' bootstrap medians (replicate i of each, paired by index
 * but drawn independently): [low, high] holds the middle `confidence` of top[i] / bottom[i].
 */
export function intervalOfReplicates(
  top: Float64Array,
  bottom: Float64Array,
  confidence: number = intervalConfidence,
): [number, number] {
  const ratios = top.map((value, i) => value / (bottom[i] as number)).sort();
  const tail = (1 - confidence) / 2;
  return [quantileOfSorted(ratios, tail), quantileOfSorted(ratios, 1 - tail)];
}

/**
 * The bootstrap interval of median(numerator) / median(denominator), each sample set resampled
 * on its own: [low, high] holds the middle `confidence` of the replicated ratios.
 */
export function ratioInterval(
  numerator: readonly number[],
  denominator: readonly number[],
  {
    replicates = defaultReplicates,
    confidence = intervalConfidence,
    seed = 1,
  }: IntervalOptions = {},
): [number, number] {
  const top = bootstrapMedians(numerator, replicates, uint32Source(seed, 1));
  const bottom = bootstrapMedians(denominator, replicates, uint32Source(seed, 2));
  return intervalOfReplicates(top, bottom, confidence);
}
