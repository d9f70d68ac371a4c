import type { RunResult } from '@initscope/results';
import { layerTicks } from '../grid-layers.js';
import { labelGap } from './histogram-grid.js';
import { compactNumberExpr, initPalette, type SpecContext } from './theme.js';

/**
 * Bins of the fine count sim reads the quantiles from (`quantileBins` of `@initscope/results`,
 * which the report takes types only from; a test checks they agree): the error bound the chart states.
 */
export const quantileBins = 256;

/** Opacity of each band; nested bands add up, so the middle of the distribution is darkest. */
const bandOpacity = [0.16, 0.2, 0.26, 0.34];

/**
 * The bands over `quantileLevels` (0, 7, 16, 31, 50, 69, 84, 93, 100 %): pairs of indices, widest
 * first (min–max, 7–93, 16–84, 31–69 %); index 4 is the median.
 */
const bandIndices: [number, number][] = [
  [0, 8],
  [1, 7],
  [2, 6],
  [3, 5],
];

/** Panel size of one run, px. */
const panelWidth = 250;
const panelHeight = 140;

/** Panels per row of the facet. */
const facetColumns = 3;

/**
 * TensorBoard-style distribution chart of one activation's runs: one panel per initializer, x the
 * layer 1…N, nested bands of each layer's quantiles (`LayerStats.quantiles`) in the initializer's
 * color and the median as a line. Layers without quantiles (no finite value, or documents written
 * before them) are left out. Undefined when no run has quantiles.
 */
export function distributionSpec(
  runs: readonly RunResult[],
  layers: number,
  context: SpecContext,
): object | undefined {
  const m = context.messages;
  const bandNames = m.distributionBands;
  const bands: object[] = [];
  const medians: object[] = [];
  for (const run of runs) {
    if (run.state !== 'completed') continue;
    for (const stats of run.layers) {
      const q = stats.quantiles;
      if (!q?.every(Number.isFinite)) continue;
      bandIndices.forEach(([lo, hi], band) => {
        bands.push({
          init: run.init,
          layer: stats.layer,
          band: bandNames[band],
          lo: q[lo],
          hi: q[hi],
        });
      });
      medians.push({
        init: run.init,
        layer: stats.layer,
        median: q[4],
        q0: q[0],
        q7: q[1],
        q16: q[2],
        q31: q[3],
        q69: q[5],
        q84: q[6],
        q93: q[7],
        q100: q[8],
      });
    }
  }
  if (medians.length === 0) return undefined;
  const inits = context.inits.filter((init) =>
    medians.some((row) => (row as { init: string }).init === init),
  );
  const color = {
    field: 'init',
    type: 'nominal',
    scale: { domain: [...context.inits], range: initPalette },
    legend: null,
  };
  const x = {
    field: 'layer',
    type: 'quantitative',
    scale: { domain: [1, Math.max(2, layers)], nice: false },
    axis: {
      title: m.layerAxis,
      values: layerTicks(layers),
      format: 'd',
      labelFlush: true,
      labelOverlap: true,
      labelSeparation: labelGap,
    },
  };
  const y = {
    type: 'quantitative',
    scale: { zero: false, nice: true },
    axis: {
      title: m.valueAxis,
      tickCount: 4,
      labelExpr: compactNumberExpr,
      labelOverlap: true,
      labelSeparation: labelGap,
      labelFlush: true,
    },
  };
  const valueFormat = '.4~g';
  return {
    data: {
      values: [
        ...bands.map((row) => ({ k: 'band', ...row })),
        ...medians.map((row) => ({ k: 'median', ...row })),
      ],
    },
    facet: {
      field: 'init',
      type: 'nominal',
      sort: inits,
      header: { title: null, labelFontWeight: 'bold', labelLimit: 0 },
    },
    columns: Math.min(facetColumns, inits.length),
    spacing: { row: 16, column: 20 },
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: panelWidth,
      height: panelHeight,
      layer: [
        {
          transform: [{ filter: "datum.k === 'band'" }],
          mark: { type: 'area', interpolate: 'monotone', strokeWidth: 0 },
          encoding: {
            x,
            y: { ...y, field: 'lo' },
            y2: { field: 'hi' },
            color,
            detail: { field: 'band', type: 'nominal' },
            opacity: {
              field: 'band',
              type: 'nominal',
              scale: { domain: [...bandNames], range: bandOpacity },
              legend: {
                title: m.distributionLegend,
                orient: 'top',
                direction: 'horizontal',
                symbolType: 'square',
                symbolFillColor: '#59636e',
                symbolStrokeWidth: 0,
                labelLimit: 0,
              },
            },
          },
        },
        {
          transform: [{ filter: "datum.k === 'median'" }],
          mark: { type: 'line', interpolate: 'monotone', strokeWidth: 1.6 },
          encoding: {
            x,
            y: { ...y, field: 'median' },
            color,
          },
        },
        {
          transform: [{ filter: "datum.k === 'median'" }],
          mark: { type: 'point', filled: true, size: 14, opacity: 0.9 },
          encoding: {
            x,
            y: { ...y, field: 'median' },
            color,
            tooltip: [
              { field: 'init', type: 'nominal', title: m.initializerAxis },
              { field: 'layer', type: 'quantitative', title: m.layerAxis },
              ...['q0', 'q7', 'q16', 'q31'].map((field) => ({
                field,
                type: 'quantitative',
                title: `${field.slice(1)} %`,
                format: valueFormat,
              })),
              { field: 'median', type: 'quantitative', title: m.medianLabel, format: valueFormat },
              ...['q69', 'q84', 'q93', 'q100'].map((field) => ({
                field,
                type: 'quantitative',
                title: `${field.slice(1)} %`,
                format: valueFormat,
              })),
            ],
          },
        },
      ],
    },
  };
}
