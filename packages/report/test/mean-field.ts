/**
 * A tiny mean-field theory for fixtures (Poole et al. 2016; Schoenholz et al. 2017), in f64:
 * Gaussian expectations by composite Simpson on z ∈ [−zMax, zMax], expected histograms from the
 * CDF of φ(√q·z) for the monotone activations. Plausible numbers for the report tests, not sim's.
 */
import type { Histogram, LayerTheory, Phase, PhaseDiagram, RunTheory } from '@initscope/sim';
import { activationFn } from './activation-fns.js';

/** Half-width of the z-range integrated. */
const zMax = 10;
/** Simpson intervals over [−zMax, zMax] (even): a step of 2.5e-3, fine for φ'² spikes up to q ≈ 1e4. */
const fine = 8000;
/** Intervals for phase diagrams, whose q stays small: hundreds of fixed points stay fast. */
const coarse = 400;
/** |χ₁ − 1| below this is called critical. */
export const criticalBand = 0.02;

/** E[f(√q·z)], z ~ N(0, 1). */
export function gaussian(f: (x: number) => number, q: number, intervals = fine): number {
  if (q <= 0) return f(0);
  const h = (2 * zMax) / intervals;
  const sd = Math.sqrt(q);
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const z = -zMax + i * h;
    const weight = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * f(sd * z) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** Φ(x), by erfc's Chebyshev fit (Numerical Recipes, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/** φ⁻¹ of the monotone activations the fixtures give theory for; ±Infinity outside φ's range. */
function inverse(activation: string, y: number): number {
  switch (activation) {
    case 'sigmoid':
      return y <= 0 ? -Infinity : y >= 1 ? Infinity : Math.log(y / (1 - y));
    case 'tanh':
      return y <= -1 ? -Infinity : y >= 1 ? Infinity : Math.atanh(y);
    case 'relu':
    case 'linear':
      return y;
    default:
      throw new Error(`No theory histogram for "${activation}" in the fixtures.`);
  }
}

/** P(φ(√q·z) < y) (strict: ReLU's point mass at 0 is not below 0) and P(φ ≤ y). */
function cdf(activation: string, q: number, y: number, strict: boolean): number {
  if (activation === 'relu' && (y < 0 || (strict && y === 0))) return 0;
  const x = inverse(activation, y);
  if (q <= 0) return (strict ? 0 < x : 0 <= x) ? 1 : 0;
  return normalCdf(x / Math.sqrt(q));
}

/** Expected counts of `total` values of φ(√q·z) on a histogram's edges. */
export function expectedHistogram(
  activation: string,
  q: number,
  edges: readonly number[],
  total: number,
): Pick<LayerTheory, 'counts' | 'below' | 'above'> {
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? 0;
  const counts = edges.slice(0, -1).map((lo, i) => {
    const hi = edges[i + 1] ?? lo;
    const from = i === 0 ? cdf(activation, q, lo, true) : cdf(activation, q, lo, false);
    return total * Math.max(0, cdf(activation, q, hi, false) - from);
  });
  return {
    counts,
    below: total * cdf(activation, q, first, true),
    above: total * (1 - cdf(activation, q, last, false)),
  };
}

/** q ↦ σ_w²·E[φ(√q·z)²] + σ_b². */
function varianceMap(activation: string, sigmaW2: number, sigmaB2: number, intervals: number) {
  const { phi } = activationFn(activation);
  return (q: number) => sigmaW2 * gaussian((x) => phi(x) ** 2, q, intervals) + sigmaB2;
}

/** χ = σ_w²·E[φ'(√q·z)²]. */
export function chiAt(activation: string, sigmaW2: number, q: number, intervals = fine): number {
  const { dphi } = activationFn(activation);
  return sigmaW2 * gaussian((x) => dphi(x) ** 2, q, intervals);
}

/** The fixed point q* of the variance map from q = 1, null when it diverges. */
export function fixedPoint(
  activation: string,
  sigmaW2: number,
  sigmaB2: number,
  intervals = fine,
): number | null {
  const map = varianceMap(activation, sigmaW2, sigmaB2, intervals);
  let q = 1;
  for (let i = 0; i < 400; i++) {
    const next = map(q);
    if (!Number.isFinite(next) || next > 1e12) return null;
    if (Math.abs(next - q) <= 1e-10 * Math.max(1, q)) return next;
    q = next;
  }
  return q;
}

/** Ordered below 1, chaotic above, critical within {@link criticalBand}. */
export function phaseOf(chi1: number | null): Phase | null {
  if (chi1 === null) return null;
  if (Math.abs(chi1 - 1) < criticalBand) return 'critical';
  return chi1 < 1 ? 'ordered' : 'chaotic';
}

/** The run's mean-field summary; ReLU's χ₁ = σ_w²/2 holds at any q, so it is given even when q* diverges. */
export function runTheory(
  activation: string,
  sigmaW2: number,
  sigmaB2 = 0,
  intervals = fine,
): RunTheory {
  const qStar = fixedPoint(activation, sigmaW2, sigmaB2, intervals);
  const chi1 =
    qStar !== null
      ? chiAt(activation, sigmaW2, qStar, intervals)
      : activation === 'relu'
        ? sigmaW2 / 2
        : null;
  const depthScale = chi1 === null ? null : chi1 === 1 ? Infinity : 1 / Math.abs(Math.log(chi1));
  return { sigmaW2, sigmaB2, qStar, chi1, phase: phaseOf(chi1), depthScale };
}

/** Per-layer predictions for layers of fan-in σ_w² values, input E[x²] = 1, on the layers' edges. */
export function layerTheories(
  activation: string,
  sigmaW2: readonly number[],
  histograms: readonly Histogram[],
  totals: readonly number[],
): LayerTheory[] {
  const { phi } = activationFn(activation);
  let secondMoment = 1;
  return sigmaW2.map((s2, i) => {
    const q = s2 * secondMoment;
    const mean = gaussian(phi, q);
    secondMoment = gaussian((x) => phi(x) ** 2, q);
    const next = sigmaW2[i + 1] ?? s2;
    const edges = histograms[i]?.edges ?? [0, 1];
    return {
      q,
      mean,
      std: Math.sqrt(Math.max(0, secondMoment - mean * mean)),
      chi: chiAt(activation, next, q),
      ...expectedHistogram(activation, q, edges, totals[i] ?? 0),
    };
  });
}

/** A χ₁ phase diagram over a (σ_w², σ_b²) grid with the χ₁ = 1 edge by bisection. */
export function phaseDiagram(
  activation: string,
  sigmaW2: readonly number[],
  sigmaB2: readonly number[],
  points: { init: string; sigmaW2: number; sigmaB2: number }[],
): PhaseDiagram {
  const chi1 = sigmaB2.map((b2) =>
    sigmaW2.map((w2) => {
      const theory = runTheory(activation, w2, b2, coarse);
      return theory.qStar === null ? null : theory.chi1;
    }),
  );
  const lo = sigmaW2[0] ?? 0;
  const hi = sigmaW2[sigmaW2.length - 1] ?? 1;
  const edge = sigmaB2.map((b2) => {
    const f = (w2: number) => (runTheory(activation, w2, b2, coarse).chi1 ?? Infinity) - 1;
    if (f(lo) > 0 || f(hi) < 0) return { sigmaB2: b2, sigmaW2: null };
    let a = lo;
    let b = hi;
    for (let i = 0; i < 24; i++) {
      const mid = (a + b) / 2;
      if (f(mid) < 0) a = mid;
      else b = mid;
    }
    return { sigmaB2: b2, sigmaW2: (a + b) / 2 };
  });
  return {
    tool: 'initscope',
    version: '0.1.0',
    activation,
    sigmaW2: [...sigmaW2],
    sigmaB2: [...sigmaB2],
    chi1,
    edge,
    points: points.map((point) => {
      const theory = runTheory(activation, point.sigmaW2, point.sigmaB2, coarse);
      return { ...point, chi1: theory.chi1, phase: theory.phase };
    }),
  };
}
