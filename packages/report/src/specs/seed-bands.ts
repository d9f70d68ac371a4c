import type { CompletedRun } from '@initscope/results';
import { allGridLayersUpTo, gridLayers } from '../grid-layers.js';
import type { Messages } from '../i18n/messages.js';
import {
  gridFacet,
  labelGap,
  panelCountAxis,
  panelHeight,
  panelValueAxis,
  panelWidth,
} from './histogram-grid.js';
import { chartHeight, chartWidth, layerX, lineLegend } from './per-layer.js';
import { compactNumberExpr, initColor, type SpecContext } from './theme.js';

/**
 * Std per layer over seeds (`--seeds K`): per initializer, a shaded band from the smallest to the
 * largest std of any seed and a line through the mean over seeds (log y); the tooltip gives the sd.
 * Sized and labelled as the per-layer charts, so it fits a half-page column at any depth.
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
  const color = initColor(context, inits, true) as { legend: object };
  const y = {
    field: 'mean',
    type: 'quantitative',
    scale: { type: 'log' },
    axis: {
      title: axisTitle,
      labelExpr: compactNumberExpr,
      tickCount: 6,
      labelOverlap: true,
      labelSeparation: labelGap,
    },
  };
  return {
    data: { values },
    width: chartWidth,
    height: chartHeight,
    encoding: {
      x: layerX(layers, context),
      // the band's opacity would fade the legend's symbols
      color: { ...color, legend: { ...color.legend, ...lineLegend, symbolOpacity: 1 } },
    },
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
 * Histogram envelopes over seeds: rows are initializers, columns the layers of the histogram grid
 * ({@link gridLayers}), with its panel sizes, headers and axes, so it is as wide as that grid and
 * takes the page's width, not a half column. Per bin a shaded 10–90 % range of the counts and a
 * line through the median count. Layers whose seeds' edges differ have no envelope and are left out.
 */
export function envelopeSpec(
  runs: readonly CompletedRun[],
  layers: number,
  context: SpecContext,
): object | null {
  const m = context.messages;
  const shown = gridLayers(layers);
  const values = runs.flatMap((run) =>
    run.layers.flatMap((stats) => {
      const envelope = stats.band?.histogram;
      if (!envelope || !shown.includes(stats.layer)) return [];
      const { edges } = stats.histogram;
      return envelope.median.map((median, b) => ({
        init: run.init,
        layer: stats.layer,
        column: m.layerLabel(stats.layer),
        x: ((edges[b] as number) + (edges[b + 1] as number)) / 2,
        median,
        p10: envelope.p10[b],
        p90: envelope.p90[b],
      }));
    }),
  );
  if (values.length === 0) return null;
  const inits = context.inits.filter((init) => values.some((value) => value.init === init));
  const drawn = shown.filter((layer) => values.some((value) => value.layer === layer));
  const columns = drawn.map((layer) => m.layerLabel(layer));
  // vega-lite misplaces missing cells of a sorted facet: a cell without an envelope gets a row
  // that draws nothing (null values are filtered out), so the cell stays in place and empty.
  const holes = inits.flatMap((init) =>
    drawn
      .filter((layer) => !values.some((value) => value.init === init && value.layer === layer))
      .map((layer) => ({ init, layer, column: m.layerLabel(layer), x: null, median: null })),
  );
  const tooltip = [
    { field: 'init', type: 'nominal', title: m.initializerAxis },
    { field: 'column', type: 'ordinal', title: m.layerAxis },
    { field: 'x', type: 'quantitative', title: m.valueAxis, format: '.4~g' },
    { field: 'median', type: 'quantitative', title: 'median', format: ',.0f' },
    { field: 'p10', type: 'quantitative', title: '10 %', format: ',.0f' },
    { field: 'p90', type: 'quantitative', title: '90 %', format: ',.0f' },
  ];
  return {
    data: { values: [...values, ...holes] },
    ...gridFacet(inits, columns, m),
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: panelWidth(columns.length),
      height: panelHeight,
      encoding: {
        x: { field: 'x', type: 'quantitative', axis: panelValueAxis },
        color: initColor(context, inits, false),
      },
      layer: [
        {
          mark: { type: 'area', opacity: 0.3, interpolate: 'step' },
          encoding: {
            y: { field: 'p10', type: 'quantitative', axis: panelCountAxis },
            y2: { field: 'p90' },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step' },
          encoding: {
            y: { field: 'median', type: 'quantitative', axis: panelCountAxis },
            tooltip,
          },
        },
      ],
    },
  };
}

/** The envelope chart's text: how to read it and, for deep stacks, which layers it shows. */
export function envelopeText(layers: number, m: Messages): string {
  return layers > allGridLayersUpTo
    ? `${m.seedEnvelopeText} ${m.seedEnvelopeLayersNote(gridLayers(layers), layers)}`
    : m.seedEnvelopeText;
}
