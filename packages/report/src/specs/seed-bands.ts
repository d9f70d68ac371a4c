import type { CompletedRun } from '@initscope/results';
import { compactNumberExpr, initColor, type SpecContext } from './theme.js';

/**
 * Std per layer over seeds (`--seeds K`): per initializer, a shaded band from the smallest to the
 * largest std of any seed and a line through the mean over seeds (log y); the tooltip gives the sd.
 */
export function stdBandSpec(
  runs: readonly CompletedRun[],
  layers: number,
  axisTitle: string,
  context: SpecContext,
): object {
  const values = runs.flatMap((run) =>
    run.layers.flatMap((stats) => {
      const std = stats.band?.std;
      if (!std || std.mean === null || std.min === null || std.max === null) return [];
      if (!(std.min > 0)) return [];
      return [
        {
          init: run.init,
          layer: stats.layer,
          mean: std.mean,
          lo: std.min,
          hi: std.max,
          sd: std.sd,
          seeds: stats.band?.seeds,
        },
      ];
    }),
  );
  const inits = [...new Set(values.map((value) => value.init))];
  const x = {
    field: 'layer',
    type: 'ordinal',
    scale: { domain: Array.from({ length: layers }, (_, i) => i + 1) },
    axis: { title: context.messages.layerAxis, labelAngle: 0 },
  };
  const y = {
    field: 'mean',
    type: 'quantitative',
    scale: { type: 'log' },
    axis: { title: axisTitle, labelExpr: compactNumberExpr, tickCount: 6 },
  };
  return {
    data: { values },
    width: 300,
    height: 190,
    encoding: { x, color: initColor(context, inits, true) },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
      },
      {
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          y,
          tooltip: [
            { field: 'init', type: 'nominal', title: context.messages.initializerAxis },
            { field: 'layer', type: 'ordinal', title: context.messages.layerAxis },
            { field: 'mean', type: 'quantitative', title: 'mean', format: '.3~g' },
            { field: 'sd', type: 'quantitative', title: 'sd', format: '.3~g' },
            { field: 'lo', type: 'quantitative', title: 'min', format: '.3~g' },
            { field: 'hi', type: 'quantitative', title: 'max', format: '.3~g' },
            { field: 'seeds', type: 'quantitative', title: 'seeds' },
          ],
        },
      },
    ],
  };
}

/**
 * Histogram envelopes over seeds: rows are initializers, columns layers; per bin a shaded 10–90 %
 * range of the counts and a line through the median count. Layers whose seeds' edges differ have no
 * envelope and are left out.
 */
export function envelopeSpec(runs: readonly CompletedRun[], context: SpecContext): object | null {
  const values = runs.flatMap((run) =>
    run.layers.flatMap((stats) => {
      const envelope = stats.band?.histogram;
      if (!envelope) return [];
      const { edges } = stats.histogram;
      return envelope.median.map((median, b) => ({
        init: run.init,
        layer: stats.layer,
        x: ((edges[b] as number) + (edges[b + 1] as number)) / 2,
        median,
        p10: envelope.p10[b],
        p90: envelope.p90[b],
      }));
    }),
  );
  if (values.length === 0) return null;
  const inits = [...new Set(values.map((value) => value.init))];
  const m = context.messages;
  return {
    data: { values },
    facet: {
      row: { field: 'init', type: 'nominal', sort: inits, title: m.initializerAxis },
      column: { field: 'layer', type: 'ordinal', title: m.layerAxis },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 110,
      height: 70,
      encoding: {
        x: { field: 'x', type: 'quantitative', title: m.valueAxis },
        color: initColor(context, inits, false),
      },
      layer: [
        {
          mark: { type: 'area', opacity: 0.3, interpolate: 'step' },
          encoding: {
            y: { field: 'p10', type: 'quantitative', title: m.countAxis },
            y2: { field: 'p90' },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step' },
          encoding: { y: { field: 'median', type: 'quantitative', title: m.countAxis } },
        },
      ],
    },
  };
}
