/**
 * Adaptive Gauss–Kronrod quadrature (10-point Gauss, 21-point Kronrod) on a finite interval split at
 * given breakpoints; the interval with the largest error is bisected until the total error meets the
 * tolerance (the global strategy of QUADPACK's QAG: Piessens et al., QUADPACK, Springer 1983).
 * The nodes and weights are computed here rather than tabulated: the Gauss rule by Newton's method
 * on P_n, the Kronrod nodes as the zeros of the Stieltjes polynomial E_(n+1) (Legendre coefficients
 * from its orthogonality to P_n·P_j, a triangular system), the weights from the moment equations.
 */

/** Points of the Gauss rule; the Kronrod rule adds n + 1 (exact for polynomials of degree 3n + 1). */
export const gaussPoints = 10;
/** Default relative tolerance of `integrate`. */
export const defaultRelTol = 1e-12;
/**
 * Error allowed relative to ∫|f| as well, so that integrals that cancel to (nearly) zero — an odd
 * function's mean — stop at rounding level instead of chasing a relative tolerance of zero.
 */
export const cancellationTol = 1e-14;
/** Most intervals one integral may use before it returns its best estimate. */
export const maxIntervals = 2000;

/** Nodes and weights of a quadrature rule on [−1, 1]. */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

/** P_0(x) … P_n(x) by the three-term recurrence. */
function legendreUpTo(x: number, n: number): Float64Array {
  const p = new Float64Array(n + 1);
  p[0] = 1;
  if (n > 0) p[1] = x;
  for (let k = 2; k <= n; k++) {
    p[k] = ((2 * k - 1) * x * (p[k - 1] as number) - (k - 1) * (p[k - 2] as number)) / k;
  }
  return p;
}

/** The n-point Gauss–Legendre rule on [−1, 1], nodes ascending, by Newton's method on P_n. */
export function gaussLegendre(n: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      const p = legendreUpTo(x, n);
      const pn = p[n] as number;
      // P_n'(x) = n·(x·P_n − P_(n−1)) / (x² − 1)
      derivative = (n * (x * pn - (n > 0 ? (p[n - 1] as number) : 0))) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) <= 1e-16) break;
    }
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  return { nodes, weights };
}

/** Solves A·x = b (A square, row-major rows) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (
        Math.abs((m[r] as number[])[col] as number) >
        Math.abs((m[pivot] as number[])[col] as number)
      ) {
        pivot = r;
      }
    }
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const top = m[col] as number[];
    for (let r = col + 1; r < n; r++) {
      const row = m[r] as number[];
      const factor = (row[col] as number) / (top[col] as number);
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let sum = row[n] as number;
    for (let c = r + 1; c < n; c++) sum -= (row[c] as number) * (x[c] as number);
    x[r] = sum / (row[r] as number);
  }
  return x;
}

/** A (2n+1)-point Kronrod rule and its embedded n-point Gauss rule, nodes ascending. */
export interface KronrodRule extends QuadratureRule {
  /** Weights of the Gauss rule on the Gauss nodes, which are nodes[1], nodes[3], … (0 elsewhere). */
  gaussWeights: Float64Array;
}

/** The Gauss–Kronrod pair with n Gauss and 2n + 1 Kronrod points on [−1, 1] (n even). */
export function gaussKronrod(n: number): KronrodRule {
  const gauss = gaussLegendre(n);
  const exact = gaussLegendre(2 * n + 4);
  const legendreIntegral = (j: number, k: number) => {
    let sum = 0;
    for (let i = 0; i < exact.nodes.length; i++) {
      const p = legendreUpTo(exact.nodes[i] as number, Math.max(n, j, k));
      sum += (exact.weights[i] as number) * (p[n] as number) * (p[j] as number) * (p[k] as number);
    }
    return sum;
  };
  // E_(n+1) = Σ a_k P_k over k = n+1, n−1, …; ∫ P_n·E·P_j = 0 for j = n+1−2i < n+1 involves only
  // a_k with k ≥ n − j, so each equation yields the next coefficient.
  const coefficients = new Map<number, number>([[n + 1, 1]]);
  for (let j = (n + 1) % 2; j < n + 1; j += 2) {
    let rhs = 0;
    for (const [k, a] of coefficients) rhs -= a * legendreIntegral(j, k);
    coefficients.set(n - j, rhs / legendreIntegral(j, n - j));
  }
  const stieltjes = (x: number) => {
    const p = legendreUpTo(x, n + 1);
    let sum = 0;
    for (const [k, a] of coefficients) sum += a * (p[k] as number);
    return sum;
  };
  // The Kronrod nodes interlace the Gauss nodes: one in each gap, and one beyond each end.
  const fences = [-1, ...gauss.nodes, 1];
  const nodes = new Float64Array(2 * n + 1);
  const gaussWeights = new Float64Array(2 * n + 1);
  for (let i = 0; i + 1 < fences.length; i++) {
    let lo = fences[i] as number;
    let hi = fences[i + 1] as number;
    const positiveAtLo = stieltjes(lo) > 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      if (stieltjes(mid) > 0 === positiveAtLo) lo = mid;
      else hi = mid;
    }
    nodes[2 * i] = 0.5 * (lo + hi);
    if (i < n) {
      nodes[2 * i + 1] = gauss.nodes[i] as number;
      gaussWeights[2 * i + 1] = gauss.weights[i] as number;
    }
  }
  nodes[n] = 0;
  // Weights: Σ w_i P_m(x_i) = ∫ P_m = 2·[m = 0] for even m ≤ 2n, with w symmetric (x ≥ 0 unknowns).
  const half = Array.from({ length: n + 1 }, (_, i) => nodes[n + i] as number);
  const rows = Array.from({ length: n + 1 }, (_, r) =>
    half.map((x, i) => (i === 0 ? 1 : 2) * (legendreUpTo(x, 2 * n)[2 * r] as number)),
  );
  const w = solve(
    rows,
    Array.from({ length: n + 1 }, (_, r) => (r === 0 ? 2 : 0)),
  );
  const weights = new Float64Array(2 * n + 1);
  for (let i = 0; i <= n; i++) {
    weights[n + i] = w[i] as number;
    weights[n - i] = w[i] as number;
  }
  return { nodes, weights, gaussWeights };
}

const rule = gaussKronrod(gaussPoints);
const kronrodPoints = 2 * gaussPoints + 1;

interface Piece {
  a: number;
  b: number;
  value: number;
  error: number;
  abs: number;
}

/** ∫ₐᵇ f by the Kronrod rule, its error estimate against the Gauss rule, and ∫ₐᵇ |f|. */
function piece(f: (x: number) => number, a: number, b: number): Piece {
  const half = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  const values = new Float64Array(kronrodPoints);
  let kronrod = 0;
  let gauss = 0;
  let abs = 0;
  for (let i = 0; i < kronrodPoints; i++) {
    const value = f(mid + half * (rule.nodes[i] as number));
    values[i] = value;
    kronrod += (rule.weights[i] as number) * value;
    gauss += (rule.gaussWeights[i] as number) * value;
    abs += (rule.weights[i] as number) * Math.abs(value);
  }
  // QUADPACK's error scaling: |K − G| is the Gauss rule's error, far larger than the Kronrod rule's;
  // (200·|K − G| / I|f − mean|)^1.5 maps it to a realistic estimate, capped at the raw difference.
  const mean = kronrod / 2;
  let spread = 0;
  for (let i = 0; i < kronrodPoints; i++) {
    spread += (rule.weights[i] as number) * Math.abs((values[i] as number) - mean);
  }
  const raw = Math.abs(kronrod - gauss) * Math.abs(half);
  const scale = spread * Math.abs(half);
  const error = scale > 0 && raw > 0 ? scale * Math.min(1, (200 * raw) / scale) ** 1.5 : raw;
  return { a, b, value: kronrod * half, error, abs: abs * Math.abs(half) };
}

/** Options of `integrate`. */
export interface IntegrateOptions {
  /** Relative tolerance on the integral. @default 1e-12 */
  relTol?: number;
  /** Absolute tolerance on the integral. @default 0 */
  absTol?: number;
}

/** An integral with its estimated absolute error and the intervals it took. */
export interface Quadrature {
  value: number;
  error: number;
  intervals: number;
}

/**
 * ∫ f over [points[0], points[last]], splitting the domain at every point (kinks, steps and spikes
 * of f belong there). Points must be finite and increasing.
 */
export function integrate(
  f: (x: number) => number,
  points: readonly number[],
  options: IntegrateOptions = {},
): Quadrature {
  const { relTol = defaultRelTol, absTol = 0 } = options;
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (b > a) pieces.push(piece(f, a, b));
  }
  for (;;) {
    let value = 0;
    let error = 0;
    let abs = 0;
    let worst = -1;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i] as Piece;
      value += p.value;
      error += p.error;
      abs += p.abs;
      // Intervals too narrow to bisect in f64 keep their error; they cannot improve.
      const splittable = p.b - p.a > 1e-13 * Math.max(1e-300, Math.abs(p.a), Math.abs(p.b));
      if (splittable && (worst < 0 || p.error > (pieces[worst] as Piece).error)) worst = i;
    }
    const tolerance = Math.max(absTol, relTol * Math.abs(value), cancellationTol * abs);
    if (!(error > tolerance) || worst < 0 || pieces.length >= maxIntervals) {
      return { value, error, intervals: pieces.length };
    }
    const p = pieces[worst] as Piece;
    const m = 0.5 * (p.a + p.b);
    pieces[worst] = piece(f, p.a, m);
    pieces.push(piece(f, m, p.b));
  }
}
