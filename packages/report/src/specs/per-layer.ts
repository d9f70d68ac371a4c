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

/**
 * A line per initializer over layers 1…N: std per layer (log y) or a share per layer
 * (saturation, exact zeros). Points with a null value are skipped, as are values ≤ 0 on a log axis.
 * With `predicted`, a dashed line per initializer shows the prediction and a legend tells them apart.
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
          axis: { title: axis.title, labelExpr: compactNumberExpr, tickCount: 6 },
        }
      : { scale: { domain: [0, 1] }, axis: { title: axis.title, format: '.0%' } };
  const inits = [...new Set([...points, ...(predicted?.points ?? [])].map((point) => point.init))];
  const encoding = {
    x: {
      field: 'layer',
      type: 'ordinal',
      scale: { domain: Array.from({ length: layers }, (_, i) => i + 1) },
      axis: { title: context.messages.layerAxis, labelAngle: 0 },
    },
    y: { field: 'value', type: 'quantitative', ...y },
    color: initColor(context, inits, true),
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
  if (!predicted) {
    return {
      data: { values },
      width: 300,
      height: 190,
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding,
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
      ],
    },
    width: 300,
    height: 190,
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
    ],
  };
}
