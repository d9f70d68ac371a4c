import { layerTicks } from '../grid-layers.js';
import { labelGap } from './histogram-grid.js';
import { compactNumberExpr, initColor, type SpecContext } from './theme.js';

/** One point of a per-layer line: an initializer's value at a layer. */
export interface LayerPoint {
  init: string;
  layer: number;
  value: number;
}

/** What a per-layer line chart plots on its y axis. */
export interface PerLayerAxis {
  title: string;
  /** `log` for std (skipping values ≤ 0); `fraction` for shares in [0, 1]. */
  kind: 'log' | 'fraction';
}

/** Predictions drawn dashed over the simulated lines, in the same colors. */
export interface PredictedLines {
  points: readonly LayerPoint[];
  /** Legend of the solid lines. */
  simulated: string;
  /** Legend of the dashed lines. */
  predicted: string;
}

/** Plot height of a per-layer chart, px. */
export const chartHeight = 190;

/** Lines closer than this at every layer (px) would hide one another. */
const coincidentPx = 2;

/** Plot width of a per-layer chart, px: with its axis and a legend below, it fits a half-page column. */
export const chartWidth = 300;

/** Legend of a per-layer chart: below the plot, three initializers a row, names whole. */
export const lineLegend = { orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 0 };

/** The x encoding of a per-layer chart: the layers 1…N, labelled at {@link layerTicks}. */
export function layerX(layers: number, context: SpecContext): object {
  return {
    field: 'layer',
    type: 'ordinal',
    scale: { domain: Array.from({ length: layers }, (_, i) => i + 1) },
    axis: {
      title: context.messages.layerAxis,
      labelAngle: 0,
      values: layerTicks(layers),
      labelOverlap: true,
      labelSeparation: labelGap,
    },
  };
}

/** Longest and shortest dash of a coincident line, px. */
const longestDash = 6;
const shortestDash = 1.5;

/** A segment (layer → next layer) of one initializer's line that coincides with others there. */
export interface CoincidentSegment {
  init: string;
  /** The segment's first layer. */
  layer: number;
  /** How many lines share the segment, and this one's place among them (in initializer order). */
  size: number;
  place: number;
}

/**
 * The segments of lines that coincide on the chart: between two neighbouring layers, lines whose
 * ends are both within {@link coincidentPx} of the first such line's. Those segments are redrawn
 * in interleaved dashes, each line owning every k-th dash, so no line hides another.
 */
export function coincidentSegments(
  points: readonly LayerPoint[],
  kind: PerLayerAxis['kind'],
): CoincidentSegment[] {
  const y = (v: number) => (kind === 'log' ? Math.log10(v) : v);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    lo = Math.min(lo, y(point.value));
    hi = Math.max(hi, y(point.value));
  }
  // px per unit of y: fractions span [0, 1]; a log axis spans the data's decades
  const span = kind === 'log' ? hi - lo : 1;
  const perUnit = span > 0 ? chartHeight / span : Number.POSITIVE_INFINITY;
  const near = (a: number, b: number) => a === b || Math.abs(a - b) * perUnit <= coincidentPx;
  const series = new Map<string, Map<number, number>>();
  for (const point of points) {
    const line = series.get(point.init) ?? new Map<number, number>();
    series.set(point.init, line);
    line.set(point.layer, y(point.value));
  }
  const layers = [...new Set(points.map((point) => point.layer))].sort((a, b) => a - b);
  const out: CoincidentSegment[] = [];
  for (const layer of layers) {
    const ends: [string, number, number][] = [];
    for (const [init, line] of series) {
      const a = line.get(layer);
      const b = line.get(layer + 1);
      if (a !== undefined && b !== undefined) ends.push([init, a, b]);
    }
    const groups: [string, number, number][][] = [];
    for (const end of ends) {
      const group = groups.find((members) => {
        const [, a, b] = members[0] as [string, number, number];
        return near(a, end[1]) && near(b, end[2]);
      });
      if (group) group.push(end);
      else groups.push([end]);
    }
    for (const group of groups) {
      if (group.length < 2) continue;
      group.forEach(([init], place) => {
        out.push({ init, layer, size: group.length, place });
      });
    }
  }
  return out;
}

/** The dash pattern of place j of k coincident lines: dash j of every k. */
function interleavedDash(size: number, place: number, dash: number): number[] {
  return [0, place * dash, dash, (size - 1 - place) * dash];
}

/**
 * A line per initializer over layers 1…N: std per layer (log y) or a share per layer
 * (saturation, exact zeros). Points with a null value are skipped, as are values ≤ 0 on a log axis.
 * With `predicted`, a dashed line per initializer shows the prediction and a legend tells them apart.
 * Where lines coincide, their segments are redrawn in interleaved dashes ({@link coincidentSegments}),
 * so every initializer stays visible; deep stacks label some layers ({@link layerTicks}).
 */
export function perLayerSpec(
  points: readonly LayerPoint[],
  layers: number,
  axis: PerLayerAxis,
  context: SpecContext,
  predicted?: PredictedLines,
): object {
  const usable = (point: LayerPoint) =>
    Number.isFinite(point.value) && (axis.kind !== 'log' || point.value > 0);
  const values = points.filter(usable);
  const y =
    axis.kind === 'log'
      ? {
          scale: { type: 'log' },
          axis: {
            title: axis.title,
            labelExpr: compactNumberExpr,
            tickCount: 6,
            labelOverlap: true,
            labelSeparation: labelGap,
          },
        }
      : { scale: { domain: [0, 1] }, axis: { title: axis.title, format: '.0%' } };
  const inits = [...new Set([...points, ...(predicted?.points ?? [])].map((point) => point.init))];
  const color = initColor(context, inits, true) as { legend: object };
  const encoding = {
    x: layerX(layers, context),
    y: { field: 'value', type: 'quantitative', ...y },
    color: { ...color, legend: { ...color.legend, ...lineLegend } },
    tooltip: [
      { field: 'init', type: 'nominal', title: context.messages.initializerAxis },
      { field: 'layer', type: 'ordinal', title: context.messages.layerAxis },
      {
        field: 'value',
        type: 'quantitative',
        title: axis.title,
        format: axis.kind === 'log' ? '.3~g' : '.1%',
      },
    ],
  };
  // Runs of consecutive coincident segments with the same place are drawn as one dashed path, its
  // dash short enough that all of the run's lines show within it.
  const coincident = coincidentSegments(values, axis.kind);
  const step = chartWidth / Math.max(1, layers - 1);
  const runs: (CoincidentSegment & { last: number })[] = [];
  for (const segment of coincident) {
    const run = runs.find(
      (r) =>
        r.init === segment.init &&
        r.last + 1 === segment.layer &&
        r.size === segment.size &&
        r.place === segment.place,
    );
    if (run) run.last = segment.layer;
    else runs.push({ ...segment, last: segment.layer });
  }
  const dashOf = (run: (typeof runs)[number]) => {
    const length = ((run.last - run.layer + 1) * step) / run.size;
    return Math.max(shortestDash, Math.min(longestDash, Math.floor(length * 2) / 2));
  };
  const keyOf = (run: (typeof runs)[number]) => `${run.size}:${run.place}:${dashOf(run)}`;
  const overlays = [...new Set(runs.map(keyOf))].map((key) => {
    const [size, place, dash] = key.split(':').map(Number) as [number, number, number];
    return {
      transform: [{ filter: `datum.k === 'over' && datum.dash === '${key}'` }],
      mark: { type: 'line', strokeWidth: 2, strokeDash: interleavedDash(size, place, dash) },
      encoding: { detail: { field: 'run', type: 'quantitative' } },
    };
  });
  const valueAt = new Map(values.map((point) => [`${point.init}@${point.layer}`, point.value]));
  const overRows = runs.flatMap((run) =>
    Array.from({ length: run.last - run.layer + 2 }, (_, i) => ({
      init: run.init,
      layer: run.layer + i,
      value: valueAt.get(`${run.init}@${run.layer + i}`),
      k: 'over',
      dash: keyOf(run),
      run: run.layer,
    })),
  );
  if (!predicted && overlays.length === 0) {
    return {
      data: { values },
      width: chartWidth,
      height: chartHeight,
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding,
    };
  }
  if (!predicted) {
    return {
      data: { values: [...values.map((point) => ({ ...point, k: 'sim' })), ...overRows] },
      width: chartWidth,
      height: chartHeight,
      encoding,
      layer: [
        {
          transform: [{ filter: "datum.k === 'sim'" }],
          mark: { type: 'line', point: true, strokeWidth: 2 },
        },
        ...overlays,
      ],
    };
  }
  const dash = (label: string) => ({
    datum: label,
    type: 'nominal',
    scale: {
      domain: [predicted.simulated, predicted.predicted],
      range: [
        [1, 0],
        [5, 3],
      ],
    },
    legend: {
      title: null,
      orient: 'bottom',
      symbolType: 'stroke',
      symbolStrokeWidth: 2,
      symbolStrokeColor: '#59636e',
      labelLimit: 400,
    },
  });
  return {
    data: {
      values: [
        ...values.map((point) => ({ ...point, k: 'sim' })),
        ...predicted.points.filter(usable).map((point) => ({ ...point, k: 'fit' })),
        ...overRows,
      ],
    },
    width: chartWidth,
    height: chartHeight,
    encoding,
    layer: [
      {
        transform: [{ filter: "datum.k === 'sim'" }],
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { strokeDash: dash(predicted.simulated) },
      },
      // The dots apart from the line: a line's own points would turn the dash legend's strokes transparent.
      {
        transform: [{ filter: "datum.k === 'sim'" }],
        mark: { type: 'point', filled: true, opacity: 1 },
      },
      {
        transform: [{ filter: "datum.k === 'fit'" }],
        mark: { type: 'line', strokeWidth: 1.5, opacity: 0.85 },
        encoding: { strokeDash: dash(predicted.predicted) },
      },
      ...overlays,
    ],
  };
}
