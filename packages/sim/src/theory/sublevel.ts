/**
 * Sublevel sets {x : φ(x) < y} of activations, as unions of open intervals of pre-activations: what the
 * expected histogram of φ(x), x ~ N(0, q), integrates the normal density over.
 */

/** An open interval of pre-activations (either end may be infinite). */
export type Interval = readonly [number, number];

/**
 * The pre-activations where φ(x) < y (or ≤ y when `inclusive`), as disjoint intervals; the ends
 * matter only up to sets of probability zero, except for a constant piece (ReLU's x ≤ 0 ↦ 0).
 */
export type Sublevel = (y: number, inclusive: boolean) => Interval[];

const inf = Number.POSITIVE_INFINITY;

/** Sublevel sets of a strictly increasing φ from its inverse on the open range (lo, hi). */
export function increasing(inverse: (y: number) => number, lo: number, hi: number): Sublevel {
  return (y) => {
    if (!(y > lo)) return [];
    if (y >= hi) return [[-inf, inf]];
    return [[-inf, inverse(y)]];
  };
}

/** Sublevel sets of φ = x for x > 0 and exactly 0 below (ReLU, and leaky-relu or elu with α = 0). */
export const zeroBelow: Sublevel = (y, inclusive) =>
  y > 0 || (inclusive && y === 0) ? [[-inf, y]] : [];

/** The x in [a, b] where a monotone φ crosses y (φ(a) and φ(b) on either side), by bisection. */
function crossing(phi: (x: number) => number, y: number, a: number, b: number): number {
  const rising = phi(b) > phi(a);
  let lo = a;
  let hi = b;
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (phi(mid) < y === rising) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The x where φ' changes sign between a and b (the minimum of GELU or SiLU), by bisection on φ'. */
export function minimumOf(dphi: (x: number) => number, a: number, b: number): number {
  return crossing(dphi, 0, a, b);
}

/**
 * Sublevel sets of φ that falls from 0 (x → −∞) to its minimum at xMin, then rises to ∞:
 * GELU and SiLU.
 */
export function dipping(phi: (x: number) => number, xMin: number): Sublevel {
  const yMin = phi(xMin);
  return (y) => {
    if (!(y > yMin)) return [];
    // The right branch: from xMin up to where φ reaches y.
    let b = Math.max(1, xMin);
    while (phi(b) < y && b < 1e300) b *= 2;
    const right = crossing(phi, y, xMin, b);
    if (y >= 0) return [[-inf, right]];
    // The left branch: from where φ (coming up from yMin towards 0⁻) passes y, down to xMin.
    let a = Math.min(-1, xMin);
    while (phi(a) < y && a > -1e300) a *= 2;
    return [[crossing(phi, y, a, xMin), right]];
  };
}
