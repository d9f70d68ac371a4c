/**
 * Order and chaos at the fixed point of the mean-field maps (Poole et al. 2016; Schoenholz et al. 2017):
 * the length map q ↦ F(q) = σ_w²·E[φ(√q·z)²] + σ_b², its fixed point q*, χ₁ = σ_w²·E[φ'(√q*·z)²], the
 * correlation map c ↦ (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/q* and its depth scale ξ_c = −1/ln χ_c*.
 */
import { bindActivation } from '../activation-registry.js';
import type { ActivationLike } from '../activations.js';
import { bivariateExpectation, gaussianExpectation } from './gaussian.js';
import { brent } from './roots.js';

/** |χ₁ − 1| ≤ this is "critical" (the edge of chaos); below it is ordered, above it chaotic. */
export const criticalTolerance = 1e-6;
/** A fixed point q* below this is reported as 0 (the signal dies out: σ_b = 0 and φ(0) = 0). */
export const qZero = 1e-30;
/** A fixed point q* above this is reported as Infinity (the signal grows without bound). */
export const qInfinity = 1e12;
/** The correlation fixed point c* is found to within this. */
export const correlationTolerance = 1e-10;
/** Plain iterations of the length map before the fixed point is bracketed and solved by Brent. */
const plainIterations = 6;

/** Which side of the edge of chaos a network is on. */
export type MeanFieldPhase = 'ordered' | 'critical' | 'chaotic';

/** The fixed-point analysis of one (activation, σ_w², σ_b²). */
export interface PhaseResult {
  /** The fixed point of the length map reached from q⁰; 0 when the signal dies, Infinity when it explodes. */
  qStar: number;
  /** χ₁ = σ_w²·E[φ'(√q*·z)²]: the slope of the correlation map at c = 1 and the gradient factor per layer. */
  chi1: number;
  phase: MeanFieldPhase;
  /** The stable fixed point of the correlation map: 1 when ordered, < 1 when chaotic. */
  cStar: number;
  /** ξ_c = −1/ln χ_c: layers over which correlations approach c* (Infinity at criticality). */
  depthScale: number;
  /** ξ_q = −1/ln F'(q*): layers over which the length q approaches q* (Infinity when it does not). */
  qDepthScale: number;
}

function checkParameters(sigmaW2: number, sigmaB2: number): void {
  for (const [name, value] of [
    ['sigmaW2', sigmaW2],
    ['sigmaB2', sigmaB2],
  ] as const) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}.`);
    }
  }
}

/**
 * The fixed point q* = F(q*) of the length map reached from q0: a few plain iterations, then Brent's
 * method on F(q) − q in the bracket that the iterates point to (plain iteration crawls near the edge
 * of chaos, e.g. tanh at σ_w² = 1 where q^l ~ 1/(2l)). 0 below `qZero`, Infinity above `qInfinity`.
 */
export function fixedPoint(
  activation: ActivationLike,
  sigmaW2: number,
  sigmaB2 = 0,
  q0 = 1,
): number {
  const { phi } = bindActivation(activation);
  checkParameters(sigmaW2, sigmaB2);
  if (!(q0 >= 0) || !Number.isFinite(q0)) {
    throw new RangeError(`q0 must be a finite number ≥ 0, got ${q0}.`);
  }
  const map = (q: number) => sigmaW2 * gaussianExpectation((x) => phi(x) * phi(x), q) + sigmaB2;
  const gap = (q: number) => map(q) - q;
  let q = q0;
  let next = map(q);
  for (let i = 0; ; i++) {
    if (Math.abs(next - q) <= 1e-14 * Math.max(next, q)) return next;
    if (next > qInfinity) return Number.POSITIVE_INFINITY;
    if (next < qZero) return 0;
    if (i === plainIterations) break;
    q = next;
    next = map(q);
  }
  // Bracket the root of F(q) − q in the direction the iterates move, with steps that square each
  // time (×4, ×16, ×256, …) so that reaching qZero or qInfinity takes a handful of evaluations.
  let near = q;
  let step = 4;
  if (next > q) {
    for (;;) {
      const far = near * step;
      if (gap(far) < 0) return brent(gap, near, far);
      if (far > qInfinity) return Number.POSITIVE_INFINITY;
      near = far;
      step *= step;
    }
  }
  for (;;) {
    const far = near / step;
    if (gap(far) > 0) return brent(gap, far, near);
    if (far < qZero) return 0;
    near = far;
    step *= step;
  }
}

/** The phase of χ₁ with `criticalTolerance`. */
export function phaseOf(chi1: number): MeanFieldPhase {
  if (Math.abs(chi1 - 1) <= criticalTolerance) return 'critical';
  return chi1 < 1 ? 'ordered' : 'chaotic';
}

/** −1/ln s for a contraction slope s < 1; Infinity when s ≥ 1 (no exponential approach). */
function depthOf(slope: number): number {
  return slope < 1 && slope > 0 ? -1 / Math.log(slope) : slope <= 0 ? 0 : Number.POSITIVE_INFINITY;
}

/**
 * The q at which to evaluate the maps for a fixed point: q* itself, or its limit when the signal
 * dies (q* = 0) or explodes (q* = ∞); a homogeneous φ (ReLU) looks the same at every q.
 */
function evaluationQ(qStar: number, homogeneous: boolean): number {
  // q* = 0 needs σ_b = 0, so the maps of a homogeneous φ are the same at q = 1.
  if (homogeneous && qStar === 0) return 1;
  return Math.min(Math.max(qStar, qZero), qInfinity);
}

/** χ₁ = σ_w²·E[φ'(√q*·z)²] at the fixed point, and q*. */
export function chi1At(
  activation: ActivationLike,
  sigmaW2: number,
  sigmaB2 = 0,
): { qStar: number; chi1: number } {
  const { dphi, homogeneous } = bindActivation(activation);
  const qStar = fixedPoint(activation, sigmaW2, sigmaB2);
  const q = evaluationQ(qStar, homogeneous);
  return { qStar, chi1: sigmaW2 * gaussianExpectation((x) => dphi(x) * dphi(x), q) };
}

/**
 * q*, χ₁, the phase, the stable correlation c* and the depth scales ξ_c and ξ_q of one
 * (activation, σ_w², σ_b²) (Schoenholz et al. 2017, eqs. 6–9).
 */
export function phase(activation: ActivationLike, sigmaW2: number, sigmaB2 = 0): PhaseResult {
  const { phi, dphi, homogeneous } = bindActivation(activation);
  const { qStar, chi1 } = chi1At(activation, sigmaW2, sigmaB2);
  const q = evaluationQ(qStar, homogeneous);
  const secondMoment = gaussianExpectation((x) => phi(x) * phi(x), q);
  // F(q) normalizes the correlation map (= q* at a finite fixed point; the growth when q* = ∞).
  const next = sigmaW2 * secondMoment + sigmaB2;
  // F'(q) = σ_w²·E[z·φ(√q z)·φ'(√q z)]/√q = χ₁ + σ_w²·E[φ·φ''] (Stein's lemma), needing no φ''.
  const sd = Math.sqrt(q);
  const lengthSlope = (sigmaW2 * gaussianExpectation((x) => (x / sd) * phi(x) * dphi(x), q)) / sd;
  const slopeAtOne = (chi1 * q) / next;
  const kind = phaseOf(chi1);
  let cStar = 1;
  let correlationSlope = slopeAtOne;
  if (kind === 'chaotic' && next > 0) {
    const map = (c: number) => (sigmaW2 * bivariateExpectation(phi, phi, q, c) + sigmaB2) / next;
    const gap = (c: number) => map(c) - c;
    // c = 1 is unstable; the stable c* is where the map crosses below the diagonal under 1.
    let hi = Number.NaN;
    for (let k = 1; k <= 8; k++) {
      if (gap(1 - 10 ** -k) < 0) {
        hi = 1 - 10 ** -k;
        break;
      }
    }
    if (Number.isNaN(hi)) {
      // No stable c* < 1 (ReLU-like growth): correlations still creep to 1, but not exponentially.
      correlationSlope = 1;
    } else {
      // c = 0 is (within the maps' accuracy) fixed when φ is odd and σ_b = 0, or SELU at q* = 1.
      const g0 = gap(0);
      cStar = g0 <= correlationTolerance ? 0 : brent(gap, 0, hi, 1e-10, correlationTolerance);
      correlationSlope = (sigmaW2 * q * bivariateExpectation(dphi, dphi, q, cStar)) / next;
    }
  }
  return {
    qStar,
    chi1,
    phase: kind,
    cStar,
    depthScale: depthOf(correlationSlope),
    qDepthScale: depthOf(lengthSlope),
  };
}

/** Grid of the phase diagram; each axis is a list of values. */
export interface PhaseGrid {
  sigmaW2: readonly number[];
  sigmaB2: readonly number[];
}

/** σ_w² points per decade of the default (log-spaced) phase-diagram grid. */
export const defaultSigmaW2PerDecade = 16;
/**
 * log10 of the default grid's σ_w² ends: 10^−2.5 … 10^2.5 ≈ 0.0032 … 316, so the book's std:0.01
 * (σ_w² = 100·0.01² = 0.01), Xavier (1), He (2) and std:1 (100) at fan-in 100 all lie inside, half a
 * decade from the edges; so do the edges of chaos of every activation at σ_b² ≤ 0.5 (sigmoid's is
 * the furthest out, σ_w² ≈ 103–104).
 */
export const defaultSigmaW2Decades: readonly [number, number] = [-2.5, 2.5];
/** σ_b² points of the default grid: steps of 0.01, so 0, 0.1, …, 0.5 are grid rows. */
export const defaultSigmaB2Points = 51;
/** σ_b² range of the default grid. */
export const defaultSigmaB2Range: readonly [number, number] = [0, 0.5];

/** n evenly spaced values from lo to hi, both included. */
export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
}

/**
 * 10^e for e from `from` to `to` in steps of 1/perDecade, both ends included: exact powers of ten
 * where e is a whole number (10^0 = 1, 10^2 = 100) when `from` is a multiple of 1/perDecade.
 */
export function logspace(from: number, to: number, perDecade: number): number[] {
  const n = Math.round((to - from) * perDecade) + 1;
  return Array.from({ length: n }, (_, i) => 10 ** (from + i / perDecade));
}

/** The default phase-diagram grid (the same for every activation; the activation is validated). */
export function defaultPhaseGrid(activation: ActivationLike): PhaseGrid {
  bindActivation(activation);
  const [w0, w1] = defaultSigmaW2Decades;
  const [b0, b1] = defaultSigmaB2Range;
  return {
    sigmaW2: logspace(w0, w1, defaultSigmaW2PerDecade),
    sigmaB2: linspace(b0, b1, defaultSigmaB2Points),
  };
}

/** One point of the edge of chaos. */
export interface EdgePoint {
  sigmaB2: number;
  sigmaW2: number;
}

/** χ₁ and q* over a (σ_b², σ_w²) grid, and the χ₁ = 1 curve. */
export interface PhaseDiagramResult {
  sigmaW2: number[];
  sigmaB2: number[];
  /** chi1[i][j] at sigmaB2[i], sigmaW2[j]. */
  chi1: number[][];
  /** qStar[i][j] at sigmaB2[i], sigmaW2[j]. */
  qStar: number[][];
  /** For each σ_b² of the grid, every σ_w² where χ₁ crosses 1 between grid columns (root-found). */
  edge: EdgePoint[];
}

/** The σ_w² in [lo, hi] where χ₁ = 1 at this σ_b², by Brent's method; χ₁ − 1 must change sign. */
export function edgeOfChaos(
  activation: ActivationLike,
  sigmaB2: number,
  lo: number,
  hi: number,
): number {
  return brent((w) => chi1At(activation, w, sigmaB2).chi1 - 1, lo, hi, 1e-10);
}

/** One σ_b² row of a phase diagram: χ₁ and q* at each σ_w², and the row's edge-of-chaos points. */
export interface PhaseRow {
  chi1: number[];
  qStar: number[];
  edge: EdgePoint[];
}

/** The phase diagram's row at σ_b² = `b` over the σ_w² grid (rows are independent of each other). */
export function phaseRow(
  activation: ActivationLike,
  sigmaW2: readonly number[],
  b: number,
): PhaseRow {
  bindActivation(activation);
  const row = sigmaW2.map((w) => chi1At(activation, w, b));
  const edge: EdgePoint[] = [];
  for (let j = 0; j + 1 < row.length; j++) {
    const left = (row[j] as { chi1: number }).chi1 - 1;
    const right = (row[j + 1] as { chi1: number }).chi1 - 1;
    if (left === 0) edge.push({ sigmaB2: b, sigmaW2: sigmaW2[j] as number });
    else if (left < 0 !== right < 0 && right !== 0) {
      edge.push({
        sigmaB2: b,
        sigmaW2: edgeOfChaos(activation, b, sigmaW2[j] as number, sigmaW2[j + 1] as number),
      });
    }
  }
  const last = row.at(-1);
  if (last && last.chi1 === 1) edge.push({ sigmaB2: b, sigmaW2: sigmaW2.at(-1) as number });
  return { chi1: row.map((point) => point.chi1), qStar: row.map((point) => point.qStar), edge };
}

/**
 * χ₁ over a grid of (σ_w², σ_b²) and the edge of chaos χ₁ = 1 (default grid: `defaultPhaseGrid`).
 * `rows`, when given, are the grid's rows computed elsewhere (e.g. by worker threads with `phaseRow`).
 */
export function phaseDiagram(
  activation: ActivationLike,
  grid?: PhaseGrid,
  rows?: readonly PhaseRow[],
): PhaseDiagramResult {
  bindActivation(activation);
  const { sigmaW2, sigmaB2 } = grid ?? defaultPhaseGrid(activation);
  if (rows && rows.length !== sigmaB2.length) {
    throw new RangeError(`Expected ${sigmaB2.length} phase rows, got ${rows.length}.`);
  }
  const chi1: number[][] = [];
  const qStar: number[][] = [];
  const edge: EdgePoint[] = [];
  sigmaB2.forEach((b, i) => {
    const row = rows?.[i] ?? phaseRow(activation, sigmaW2, b);
    chi1.push(row.chi1);
    qStar.push(row.qStar);
    edge.push(...row.edge);
  });
  return { sigmaW2: [...sigmaW2], sigmaB2: [...sigmaB2], chi1, qStar, edge };
}
