import type { RunResult } from '@initscope/results';
import { activationProfile } from './activation-profile.js';
import { layerTotal } from './layer-total.js';
import { saturationFraction } from './saturation.js';

/** What a run's statistics say about its initialization, most severe first. */
export const verdictKinds = [
  'errored',
  'overflow',
  'dead',
  'exploding',
  'saturated',
  'collapsed',
  'healthy',
] as const;

/** One of {@link verdictKinds}. */
export type VerdictKind = (typeof verdictKinds)[number];

/** The statistic a verdict rests on. */
export type VerdictMeasure = 'nonFinite' | 'zeroFraction' | 'growth' | 'saturation' | 'spread';

/** A run's verdict and the evidence behind it. */
export interface Verdict {
  kind: VerdictKind;
  /** 1-based layer where the evidence is: the first overflowing or dead layer, the most saturated one, the deepest. */
  layer?: number;
  /** Which statistic decided it. */
  measure?: VerdictMeasure;
  /** Its value: a fraction of values, a per-layer std factor, or std over the activation's range. */
  value?: number;
  /** The run's error message, for `errored`. */
  message?: string;
}

/** Dead when at least this fraction of some layer's values is exactly zero (ReLU outputs ½ normally). */
export const deadThreshold = 0.9;
/** Exploding when std grows by more than this factor per layer (geometric mean from layer 1 to the deepest). */
export const explodingGrowth = 2;
/** Saturated when at least this fraction of some layer's values lies within `saturationZone` of a bound. */
export const saturationThreshold = 0.3;
/** Collapsed when std shrinks by more than this factor per layer (its growth falls below it). */
export const collapseGrowth = 0.5;
/** Collapsed when the deepest layer's std is below this fraction of a bounded activation's range. */
export const collapseSpread = 0.05;

/** Per-layer factor of std from layer 1 to the deepest, (std_N / std_1)^(1/(N−1)); null without two usable layers. */
export function stdGrowth(run: RunResult): number | null {
  const first = run.layers[0]?.std;
  const deepest = run.layers[run.layers.length - 1]?.std;
  const steps = run.layers.length - 1;
  if (steps < 1 || first == null || deepest == null || !(first > 0) || !(deepest >= 0)) return null;
  return (deepest / first) ** (1 / steps);
}

/**
 * Judge a run from its statistics, checking in the order of {@link verdictKinds}: errored, overflow
 * (NaN/±Inf at any layer), dead ({@link deadThreshold}), exploding ({@link explodingGrowth}),
 * saturated ({@link saturationThreshold}, bounded activations), collapsed ({@link collapseGrowth},
 * {@link collapseSpread}), else healthy.
 */
export function verdict(run: RunResult): Verdict {
  if (run.state === 'errored') return { kind: 'errored', message: run.message ?? '' };
  const { layers } = run;
  const overflow = layers.find((stats) => stats.nonFinite > 0);
  if (overflow) {
    const value = overflow.nonFinite / layerTotal(overflow);
    return { kind: 'overflow', layer: overflow.layer, measure: 'nonFinite', value };
  }
  const dead = layers.find((stats) => stats.zeroFraction >= deadThreshold);
  if (dead) {
    return { kind: 'dead', layer: dead.layer, measure: 'zeroFraction', value: dead.zeroFraction };
  }
  const deepest = layers[layers.length - 1];
  if (!deepest) return { kind: 'healthy' };
  const growth = stdGrowth(run);
  if (growth !== null && growth > explodingGrowth) {
    return { kind: 'exploding', layer: deepest.layer, measure: 'growth', value: growth };
  }
  let worst: { layer: number; value: number } | undefined;
  for (const stats of layers) {
    const value = saturationFraction(run.activation, stats.histogram, layerTotal(stats));
    if (value !== null && value >= saturationThreshold && value > (worst?.value ?? 0)) {
      worst = { layer: stats.layer, value };
    }
  }
  if (worst) return { kind: 'saturated', measure: 'saturation', ...worst };
  if (growth !== null && growth < collapseGrowth) {
    return { kind: 'collapsed', layer: deepest.layer, measure: 'growth', value: growth };
  }
  const { bounds } = activationProfile(run.activation);
  if (bounds && deepest.std !== null) {
    const spread = deepest.std / (bounds[1] - bounds[0]);
    if (spread < collapseSpread) {
      return { kind: 'collapsed', layer: deepest.layer, measure: 'spread', value: spread };
    }
  }
  return { kind: 'healthy' };
}
