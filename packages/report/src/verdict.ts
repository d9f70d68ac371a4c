// The report's verdicts are the JSON's (`runs[].verdict`, judged by @initscope/sim with the
// document's `verdictThresholds`): the page states them, it never judges on its own.

import type { GradientVerdict, RunResult, VerdictThresholds } from '@initscope/results';

/** What a run's activations say, most severe first (errored: the run failed; unjudged: a document without verdicts). */
export const verdictKinds = [
  'errored',
  'overflow',
  'dead',
  'exploding',
  'saturated',
  'collapsed',
  'drifting',
  'healthy',
  'unjudged',
] as const;

/** One of {@link verdictKinds}. */
export type VerdictKind = (typeof verdictKinds)[number];

/** The statistic an activations verdict rests on. */
export type VerdictMeasure =
  | 'nonFinite'
  | 'zeroFraction'
  | 'growth'
  | 'saturation'
  | 'spread'
  | 'drift';

/** A run's verdicts as the JSON states them. */
export interface Verdict {
  kind: VerdictKind;
  /** 1-based layer of the evidence. */
  layer?: number;
  /** Which statistic decided it. */
  measure?: VerdictMeasure;
  /** Its value (see docs/results.md). */
  value?: number;
  /** The run's error message, for `errored`. */
  message?: string;
  /** The gradients verdict, when the run measured or predicted gradients. */
  gradients?: GradientVerdict;
}

/** The verdicts of a run, read from `run.verdict`. */
export function verdict(run: RunResult): Verdict {
  if (run.state === 'errored') return { kind: 'errored', message: run.message ?? '' };
  const judged = run.verdict;
  if (!judged) return { kind: 'unjudged' };
  const a = judged.activations;
  const v: Verdict = { kind: a.code };
  if (a.layer !== null) v.layer = a.layer;
  if (a.measure !== null) v.measure = a.measure as VerdictMeasure;
  if (a.value !== null) v.value = a.value;
  if (judged.gradients) v.gradients = judged.gradients;
  return v;
}

/** The thresholds a page states: the document's, with the saturation margin the kernel counts with. */
export interface StatedThresholds extends VerdictThresholds {
  /** A value within this distance of a bound is saturated. */
  saturationZone: number;
}
