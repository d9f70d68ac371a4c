/**
 * Expected histogram counts of φ(x), x ~ N(0, q): the probability mass of each bin (the same bins as
 * the simulation's results: [e_i, e_(i+1)), the last bin closed) times the number of values.
 */
import { normalMass } from '@initscope/core-wasm';
import { bindActivation } from '../activation-registry.js';
import type { ActivationLike } from '../activations.js';

/** Expected counts per bin and outside the range; they sum to `total`. */
export interface ExpectedHistogram {
  /** Expected values in each bin (fractional). */
  counts: number[];
  /** Expected values below edges[0]. */
  below: number;
  /** Expected values above edges[bins]. */
  above: number;
}

/**
 * Expected bin counts of `total` values φ(√q·z) for the given edges, ReLU's point mass at exactly 0
 * included in the bin that holds 0 (as the simulation counts its exact zeros).
 */
export function expectedHistogram(
  activation: ActivationLike,
  q: number,
  edges: readonly number[],
  total: number,
): ExpectedHistogram {
  const info = bindActivation(activation);
  if (!(q >= 0) || !Number.isFinite(q)) {
    throw new RangeError(`q must be a finite number ≥ 0, got ${q}.`);
  }
  if (edges.length < 2 || edges.some((e, i) => i > 0 && !(e > (edges[i - 1] as number)))) {
    throw new RangeError('edges must hold at least two increasing numbers.');
  }
  const sd = Math.sqrt(q);
  // P(φ(x) < y), or P(φ(x) ≤ y) when inclusive.
  const cdf = (y: number, inclusive: boolean): number => {
    if (q === 0) {
      const value = info.phi(0);
      return value < y || (inclusive && value === y) ? 1 : 0;
    }
    let mass = 0;
    for (const [a, b] of info.sublevel(y, inclusive)) mass += normalMass(a / sd, b / sd);
    return mass;
  };
  const bins = edges.length - 1;
  const below = cdf(edges[0] as number, false);
  const counts: number[] = [];
  let previous = below;
  for (let i = 1; i <= bins; i++) {
    const next = cdf(edges[i] as number, i === bins);
    counts.push(total * Math.max(0, next - previous));
    previous = next;
  }
  return { counts, below: total * below, above: total * Math.max(0, 1 - previous) };
}
