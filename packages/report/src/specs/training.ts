// The training page's charts (vega-lite, inline data): loss per iteration, test accuracy per
// evaluation, update ratio per layer at each checkpoint, and the per-layer histograms over training.
// Every value comes from the training document; colours are the run report's, per initializer.
import type { Training } from '@initscope/results';
import { smoothCurve } from '@initscope/results/smooth-curve';
import { compactNumberExpr, initColor, initPalette, type SpecContext } from './theme.js';

type TrainRun = Training['runs'][number];

/** The axis and legend texts of the training charts (see i18n/training.ts). */
export interface TrainingChartTexts {
  iteration: string;
  layer: string;
  lossAxis: string;
  accuracyAxis: string;
  ratioAxis: string;
  valueAxis: string;
  rowAxis: string;
  curveLegend: string;
  curves: { raw: string; smooth: string; median: string };
}

/** The loss axis of the page, as the hand-drawn chart had it: higher losses are clamped to the top. */
export const lossDomain = [0, 2.5] as const;

/** Colour by initializer with a legend of solid strokes (a faint band must not make it faint). */
function curveColor(context: SpecContext, inits: readonly string[]): object {
  const color = initColor(context, inits, true) as { legend: object };
  return {
    ...color,
    legend: { ...color.legend, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
}

/** Rows `{ init, iteration, value }` of a curve; nulls and non-finite values are left out. */
function points(init: string, ys: readonly (number | null)[], xs?: readonly number[]) {
  return ys.flatMap((v, k) =>
    v !== null && Number.isFinite(v) ? [{ init, iteration: xs ? xs[k] : k, value: v }] : [],
  );
}

/** Rows `{ init, iteration, lo, hi }` of a band; points where a bound is missing are left out. */
function bandPoints(
  init: string,
  xs: readonly number[],
  lower: readonly (number | null)[],
  upper: readonly (number | null)[],
) {
  return xs.flatMap((x, k) => {
    const lo = lower[k];
    const hi = upper[k];
    return lo != null && hi != null && Number.isFinite(lo) && Number.isFinite(hi)
      ? [{ init, iteration: x, lo, hi }]
      : [];
  });
}

/** The curve a run's thick loss line draws: the median of the seeds' smooth_curve, or its own. */
export function smoothLossOf(run: TrainRun): (number | null)[] {
  if (run.band) return run.band.smoothLoss.median;
  return smoothCurve(run.loss.map((v) => v ?? Number.NaN)).map((v) =>
    Number.isFinite(v) ? v : null,
  );
}

/** The x encoding of the curves over training: the iteration. */
function iterationAxis(t: TrainingChartTexts) {
  return { field: 'iteration', type: 'quantitative', axis: { title: t.iteration, tickCount: 8 } };
}

/**
 * Loss per iteration: thin raw loss (faint under a band), thick smooth_curve (median over seeds with
 * `--seeds`), and the seeds' 10–90% band of smoothLoss shaded. Layers are named raw, smooth, band.
 */
export function lossSpec(
  runs: readonly TrainRun[],
  t: TrainingChartTexts,
  context: SpecContext,
): object {
  const inits = runs.map((r) => r.init);
  const banded = runs.some((r) => r.band);
  const x = iterationAxis(t);
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [...lossDomain], clamp: true, nice: false },
    axis: { title: t.lossAxis, tickCount: 6 },
  };
  const color = curveColor(context, inits);
  const tooltip = [
    { field: 'init', type: 'nominal', title: context.messages.initializerAxis },
    { field: 'iteration', type: 'quantitative', title: t.iteration },
    { field: 'value', type: 'quantitative', title: t.lossAxis, format: '.4f' },
  ];
  // one row of arrays per run and curve (a loss is thousands of points), flattened by vega-lite
  const curve = (init: string, value: readonly (number | null)[]) => ({
    init,
    iteration: value.map((_, k) => k),
    value,
  });
  const columns = [{ flatten: ['iteration', 'value'] }, { filter: 'isFinite(datum.value)' }];
  const layer: object[] = [];
  if (banded)
    layer.push({
      name: 'band',
      data: {
        values: runs.flatMap((r) =>
          r.band
            ? [
                {
                  init: r.init,
                  iteration: r.band.smoothLoss.p10.map((_, k) => k),
                  lo: r.band.smoothLoss.p10,
                  hi: r.band.smoothLoss.p90,
                },
              ]
            : [],
        ),
      },
      transform: [
        { flatten: ['iteration', 'lo', 'hi'] },
        { filter: 'isFinite(datum.lo) && isFinite(datum.hi)' },
      ],
      mark: { type: 'area', opacity: 0.2 },
      encoding: {
        x,
        y: { ...y, field: 'lo' },
        y2: { field: 'hi' },
        color,
      },
    });
  layer.push(
    {
      name: 'raw',
      data: { values: runs.map((r) => curve(r.init, r.loss)) },
      transform: columns,
      mark: { type: 'line', strokeWidth: 0.6, opacity: banded ? 0.3 : 0.6, clip: true },
      encoding: { x, y, color, detail: { field: 'init' } },
    },
    {
      name: 'smooth',
      data: { values: runs.map((r) => curve(r.init, smoothLossOf(r))) },
      transform: columns,
      mark: { type: 'line', strokeWidth: 2.2, clip: true },
      encoding: { x, y, color, tooltip },
    },
  );
  return { width: 640, height: 280, layer };
}

/**
 * Test accuracy per evaluation: the run's (or with `--seeds`, the mean over the seeds) as a line
 * with points, over the min–max band of the seeds. Layers are named band and accuracy.
 */
export function accuracySpec(
  runs: readonly TrainRun[],
  t: TrainingChartTexts,
  context: SpecContext,
): object {
  const inits = runs.map((r) => r.init);
  const x = iterationAxis(t);
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [0, 1] },
    axis: { title: t.accuracyAxis, tickCount: 6 },
  };
  const color = curveColor(context, inits);
  const layer: object[] = [];
  if (runs.some((r) => r.band))
    layer.push({
      name: 'band',
      data: {
        values: runs.flatMap((r) =>
          r.band
            ? bandPoints(
                r.init,
                r.band.evals.map((e) => e.iteration),
                r.band.evals.map((e) => e.testAccuracy.min),
                r.band.evals.map((e) => e.testAccuracy.max),
              )
            : [],
        ),
      },
      mark: { type: 'area', opacity: 0.2 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
    });
  layer.push({
    name: 'accuracy',
    data: {
      values: runs.flatMap((r) =>
        r.band
          ? points(
              r.init,
              r.band.evals.map((e) => e.testAccuracy.mean),
              r.band.evals.map((e) => e.iteration),
            )
          : points(
              r.init,
              r.evals.map((e) => e.testAccuracy),
              r.evals.map((e) => e.iteration),
            ),
      ),
    },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x,
      y,
      color,
      tooltip: [
        { field: 'init', type: 'nominal', title: context.messages.initializerAxis },
        { field: 'iteration', type: 'quantitative', title: t.iteration },
        { field: 'value', type: 'quantitative', title: t.accuracyAxis, format: '.4f' },
      ],
    },
  });
  return { width: 640, height: 240, layer };
}

/**
 * Update ratio ‖ΔW‖/‖W‖ per layer (one panel per layer) at each checkpoint, one line per
 * initializer, log y. Ratios that are null or not positive (no update yet) are left out.
 */
export function updateRatioSpec(
  runs: readonly TrainRun[],
  t: TrainingChartTexts,
  context: SpecContext,
): object {
  const inits = runs.map((r) => r.init);
  const values = runs.flatMap((r) =>
    r.checkpoints.flatMap((c) =>
      c.layers.flatMap((l, k) =>
        l.updateRatio !== null && l.updateRatio > 0 && Number.isFinite(l.updateRatio)
          ? [{ init: r.init, iteration: c.iteration, layer: k + 1, value: l.updateRatio }]
          : [],
      ),
    ),
  );
  const iterations = [...new Set(runs.flatMap((r) => r.checkpoints.map((c) => c.iteration)))].sort(
    (a, b) => a - b,
  );
  return {
    data: { values },
    facet: {
      column: {
        field: 'layer',
        type: 'ordinal',
        header: { title: null, labelExpr: `'${t.layer} ' + datum.value` },
      },
    },
    spec: {
      width: 150,
      height: 180,
      mark: { type: 'line', point: true, strokeWidth: 1.6 },
      encoding: {
        x: {
          field: 'iteration',
          type: 'ordinal',
          scale: { domain: iterations },
          axis: { title: t.iteration, labelAngle: 0 },
        },
        y: {
          field: 'value',
          type: 'quantitative',
          scale: { type: 'log' },
          axis: {
            title: t.ratioAxis,
            labelExpr: compactNumberExpr,
            tickCount: 6,
            labelOverlap: 'greedy',
          },
        },
        color: initColor(context, inits, true),
        tooltip: [
          { field: 'init', type: 'nominal', title: context.messages.initializerAxis },
          { field: 'layer', type: 'ordinal', title: t.layer },
          { field: 'iteration', type: 'ordinal', title: t.iteration },
          { field: 'value', type: 'quantitative', title: t.ratioAxis, format: '.3e' },
        ],
      },
    },
  };
}

/** How many rows a ridge may rise into the rows above it (TensorBoard's overlap). */
export const ridgeRise = 1.6;

/**
 * TensorBoard-style histograms over training of one run: one panel per layer, in it one ridge per
 * checkpoint, earliest on top; a ridge is its counts over its own highest bin (at the bins' centres,
 * closed at the outer edges), rising up to {@link ridgeRise} rows from its baseline; x from the
 * lowest to the highest edge of the layer's checkpoints.
 */
export function ridgelineSpec(
  run: TrainRun,
  which: 'activations' | 'gradients',
  t: TrainingChartTexts,
  context: SpecContext,
): object {
  const rows = run.checkpoints.length;
  // one row of arrays per checkpoint and layer: the curve's x and counts, closed at the outer edges
  const values = run.checkpoints.flatMap((c, r) =>
    c.layers.map((l, k) => {
      const { edges, counts } = l[which].histogram;
      return {
        iteration: c.iteration,
        layer: k + 1,
        base: rows - 1 - r,
        peak: Math.max(1, ...counts),
        x: [
          edges[0] as number,
          ...counts.map((_, i) => ((edges[i] as number) + (edges[i + 1] as number)) / 2),
          edges.at(-1) as number,
        ],
        count: [0, ...counts, 0],
      };
    }),
  );
  const fill = initPalette[Math.max(0, context.inits.indexOf(run.init)) % initPalette.length];
  // the baseline of each row labelled with its checkpoint's iteration
  const labelExpr = `${run.checkpoints.map((c, r) => `datum.value == ${rows - 1 - r} ? '${c.iteration}' : `).join('')}''`;
  return {
    data: { values },
    transform: [
      { flatten: ['x', 'count'] },
      { calculate: 'datum.count / datum.peak', as: 'height' },
      { calculate: `datum.base + datum.height * ${ridgeRise}`, as: 'top' },
    ],
    facet: {
      column: {
        field: 'layer',
        type: 'ordinal',
        header: { title: null, labelExpr: `'${t.layer} ' + datum.value` },
      },
    },
    spacing: { column: 16 },
    resolve: { scale: { x: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 200,
      height: Math.max(60, 22 * (rows + ridgeRise)),
      mark: {
        type: 'area',
        fill,
        fillOpacity: 0.35,
        stroke: fill,
        strokeWidth: 1,
        orient: 'vertical',
      },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          scale: { zero: false, nice: false },
          axis: {
            title: t.valueAxis,
            labelExpr: compactNumberExpr,
            tickCount: 4,
            labelFlush: true,
          },
        },
        y: {
          field: 'top',
          type: 'quantitative',
          scale: { domain: [0, rows - 1 + ridgeRise], nice: false, zero: true },
          axis: {
            title: t.rowAxis,
            values: run.checkpoints.map((_, r) => r),
            labelExpr,
            grid: true,
          },
        },
        y2: { field: 'base' },
        detail: { field: 'iteration', type: 'ordinal' },
        tooltip: [
          { field: 'iteration', type: 'ordinal', title: t.iteration },
          { field: 'x', type: 'quantitative', title: t.valueAxis, format: '.3g' },
          { field: 'count', type: 'quantitative' },
        ],
      },
    },
  };
}
