// Seed bands of training (`initscope train --seeds K`): each initializer's run over seeds
// seed … seed+K−1, summarized per iteration (loss) and per evaluation (accuracy), with how many
// seeds reached each outcome and each diagnosis at init.

import { smoothCurve } from '@initscope/results';
import { quantileSorted, seedSummary } from '@initscope/sim';
import { type Outcome, outcomeOf } from './outcome.js';
import type { TrainRun } from './train.js';

/** One statistic over seeds: mean, sample sd (ddof 1), min, max (null when no seed has a value). */
export type TrainSeedSummary = ReturnType<typeof seedSummary>;

/** A curve over seeds, per iteration: median and 10–90% of the seeds with a finite value there. */
export interface CurveBand {
  median: (number | null)[];
  p10: (number | null)[];
  p90: (number | null)[];
}

/** One evaluation iteration over seeds. */
export interface EvalBand {
  iteration: number;
  /** Seeds evaluated at this iteration. */
  seeds: number;
  testAccuracy: TrainSeedSummary;
  testLoss: TrainSeedSummary;
  trainAccuracy: TrainSeedSummary;
}

/** A run over seeds (the results contract's `runs[].band` of the training document). */
export interface TrainBand {
  seeds: number;
  loss: CurveBand;
  /** Per iteration, over the seeds' smooth_curve of their loss. */
  smoothLoss: CurveBand;
  evals: EvalBand[];
  /** Seeds per outcome (absent outcomes did not occur). */
  outcomes: Partial<Record<Outcome, number>>;
  /** Seeds per diagnosis code at initialization. */
  diagnoses: { activations: Record<string, number>; gradients: Record<string, number> };
}

/** A training run, with its band over seeds when there are several. */
export interface BandedTrainRun extends TrainRun {
  band?: TrainBand;
}

/** Per index, median and 10–90% of the curves' finite values there (curves may differ in length). */
export function curveBand(curves: readonly (readonly number[])[]): CurveBand {
  const length = Math.max(0, ...curves.map((c) => c.length));
  const band: CurveBand = { median: [], p10: [], p90: [] };
  for (let i = 0; i < length; i++) {
    const xs = curves
      .map((c) => c[i])
      .filter((x): x is number => x !== undefined && Number.isFinite(x))
      .sort((a, b) => a - b);
    const q = (p: number) => (xs.length === 0 ? null : quantileSorted(xs, p));
    band.median.push(q(0.5));
    band.p10.push(q(0.1));
    band.p90.push(q(0.9));
  }
  return band;
}

function count<K extends string>(keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** The band of one initializer's runs, one per seed (the first seed's first). */
export function trainBand(runs: readonly TrainRun[]): TrainBand {
  const iterations = [...new Set(runs.flatMap((r) => r.evals.map((e) => e.iteration)))].sort(
    (a, b) => a - b,
  );
  const evals = iterations.map((iteration) => {
    const at = runs.flatMap((r) => r.evals.filter((e) => e.iteration === iteration));
    return {
      iteration,
      seeds: at.length,
      testAccuracy: seedSummary(at.map((e) => e.testAccuracy)),
      testLoss: seedSummary(at.map((e) => (Number.isFinite(e.testLoss) ? e.testLoss : null))),
      trainAccuracy: seedSummary(at.map((e) => e.trainAccuracy)),
    };
  });
  return {
    seeds: runs.length,
    loss: curveBand(runs.map((r) => r.loss)),
    smoothLoss: curveBand(runs.map((r) => smoothCurve(r.loss))),
    evals,
    outcomes: count(runs.map(outcomeOf)),
    diagnoses: {
      activations: count(runs.map((r) => r.diagnosis.activations.code)) as Record<string, number>,
      gradients: count(
        runs.flatMap((r) => (r.diagnosis.gradients ? [r.diagnosis.gradients.code] : [])),
      ) as Record<string, number>,
    },
  };
}

/**
 * The first seed's runs, each with its band over the seeds (`perSeed[s][r]`: seed `seed + s`,
 * initializer r in `--inits` order). One seed: the runs as they are.
 */
export function withTrainBands(perSeed: readonly (readonly TrainRun[])[]): BandedTrainRun[] {
  const first = perSeed[0] ?? [];
  if (perSeed.length < 2) return [...first];
  return first.map((run, r) => ({
    ...run,
    band: trainBand(perSeed.map((runs) => runs[r] as TrainRun)),
  }));
}
