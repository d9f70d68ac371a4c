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

/**
 * A line per initializer over layers 1…N: std per layer (log y) or a share per layer
 * (saturation, exact zeros). Points with a null value are skipped, as are values ≤ 0 on a log axis.
 */
export function perLayerSpec(
  points: readonly LayerPoint[],
  layers: number,
  axis: PerLayerAxis,
  context: SpecContext,
): object {
  const values = points.filter((point) => axis.kind !== 'log' || point.value > 0);
  const y =
    axis.kind === 'log'
      ? {
          scale: { type: 'log' },
          axis: { title: axis.title, labelExpr: compactNumberExpr, tickCount: 6 },
        }
      : { scale: { domain: [0, 1] }, axis: { title: axis.title, format: '.0%' } };
  return {
    data: { values },
    width: 300,
    height: 190,
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'layer',
        type: 'ordinal',
        scale: { domain: Array.from({ length: layers }, (_, i) => i + 1) },
        axis: { title: context.messages.layerAxis, labelAngle: 0 },
      },
      y: { field: 'value', type: 'quantitative', ...y },
      color: initColor(context, [...new Set(points.map((point) => point.init))], true),
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
    },
  };
}
