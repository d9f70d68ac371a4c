import type { PhaseDiagram } from '@initscope/results';
import { compactNumberExpr, type SpecContext, theoryColor } from './theme.js';

/** The heatmap's colors saturate at χ₁ = 1/phaseColorClamp and phaseColorClamp (log scale centred on 1). */
export const phaseColorClamp = 4;

/** Fill of the cells where the variance map diverges (no fixed point, no χ₁). */
const divergingColor = '#b9bec4';

/** How an axis of the grid is drawn. */
export type GridScale = 'linear' | 'log';

/**
 * `log` for a grid of positive values spaced by a steady ratio (0.1, 0.2, 0.4, …) spanning more
 * than a factor of 20; `linear` otherwise.
 */
export function gridScale(values: readonly number[]): GridScale {
  if (values.length < 3 || values.some((v) => !(v > 0))) return 'linear';
  const first = values[0] ?? 1;
  const last = values[values.length - 1] ?? 1;
  if (last / first < 20) return 'linear';
  const spread = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) / Math.abs(mean);
  };
  const steps = values.slice(1).map((v, i) => v - (values[i] ?? 0));
  const ratios = values.slice(1).map((v, i) => v / (values[i] ?? 1));
  return spread(ratios) < spread(steps) ? 'log' : 'linear';
}

/** Cell boundaries of grid values: midpoints between neighbours (geometric on a log axis), half a step beyond the ends. */
export function cellEdges(values: readonly number[], scale: GridScale): [number, number][] {
  const to = scale === 'log' ? Math.log : (v: number) => v;
  const from = scale === 'log' ? Math.exp : (v: number) => v;
  const t = values.map(to);
  return t.map((v, i) => {
    const before = t[i - 1];
    const after = t[i + 1];
    const half =
      before !== undefined && after !== undefined
        ? [(v - before) / 2, (after - v) / 2]
        : before !== undefined
          ? [(v - before) / 2, (v - before) / 2]
          : after !== undefined
            ? [(after - v) / 2, (after - v) / 2]
            : [
                scale === 'log' ? 0.1 : Math.max(0.5, Math.abs(v) * 0.1),
                scale === 'log' ? 0.1 : Math.max(0.5, Math.abs(v) * 0.1),
              ];
    return [from(v - (half[0] ?? 0)), from(v + (half[1] ?? 0))];
  });
}

/** Where a configuration lands on the diagram: inside, or clamped to an edge with the arrows pointing to it. */
export interface PlacedPoint {
  x: number;
  y: number;
  /** Initializers at this spot, joined, with an arrow for each clamped direction. */
  label: string;
  outside: boolean;
}

/** Clamp each point into the grid's domain and merge points that land on the same spot. */
export function placePoints(
  diagram: PhaseDiagram,
  xDomain: [number, number],
  yDomain: [number, number],
): PlacedPoint[] {
  const placed = new Map<string, { x: number; y: number; inits: string[]; arrows: string }>();
  for (const point of diagram.points) {
    const x = Math.min(xDomain[1], Math.max(xDomain[0], point.sigmaW2));
    const y = Math.min(yDomain[1], Math.max(yDomain[0], point.sigmaB2));
    const arrows =
      (point.sigmaW2 < xDomain[0] ? '◀' : point.sigmaW2 > xDomain[1] ? '▶' : '') +
      (point.sigmaB2 < yDomain[0] ? '▼' : point.sigmaB2 > yDomain[1] ? '▲' : '');
    const key = `${x}|${y}|${arrows}`;
    const spot = placed.get(key) ?? { x, y, inits: [], arrows };
    spot.inits.push(point.init);
    placed.set(key, spot);
  }
  return [...placed.values()].map(({ x, y, inits, arrows }) => ({
    x,
    y,
    label: arrows === '' ? inits.join(', ') : `${inits.join(', ')} ${arrows}`,
    outside: arrows !== '',
  }));
}

/**
 * χ₁ over (σ_w², σ_b²) as a heatmap: a diverging color scheme on a log scale centred on χ₁ = 1
 * (blue ordered, orange chaotic) clamped at {@link phaseColorClamp}, grey where the variance map
 * diverges, the χ₁ = 1 edge of chaos as a black line, and the user's points marked and labelled.
 */
export function phaseHeatmapSpec(diagram: PhaseDiagram, context: SpecContext): object {
  const m = context.messages;
  const xScale = gridScale(diagram.sigmaW2);
  const yScale = gridScale(diagram.sigmaB2);
  const xCells = cellEdges(diagram.sigmaW2, xScale);
  const yCells = cellEdges(diagram.sigmaB2, yScale);
  const xDomain: [number, number] = [xCells[0]?.[0] ?? 0, xCells[xCells.length - 1]?.[1] ?? 1];
  const yDomain: [number, number] = [yCells[0]?.[0] ?? 0, yCells[yCells.length - 1]?.[1] ?? 1];
  const lo = 1 / phaseColorClamp;
  const hi = phaseColorClamp;
  const values: object[] = [];
  diagram.sigmaB2.forEach((sigmaB2, i) => {
    diagram.sigmaW2.forEach((sigmaW2, j) => {
      const chi1 = diagram.chi1[i]?.[j] ?? null;
      const [x0, x1] = xCells[j] ?? [0, 0];
      const [y0, y1] = yCells[i] ?? [0, 0];
      const cell = { x0, x1, y0, y1, sigmaW2, sigmaB2 };
      if (chi1 === null || !Number.isFinite(chi1))
        values.push({ k: 'diverges', ...cell, text: m.divergesLabel });
      else values.push({ k: 'cell', ...cell, chi1, shown: Math.min(hi, Math.max(lo, chi1)) });
    });
  });
  const edge = diagram.edge.filter(
    (point): point is { sigmaB2: number; sigmaW2: number } =>
      point.sigmaW2 !== null && Number.isFinite(point.sigmaW2),
  );
  for (const point of edge) values.push({ k: 'edge', x: point.sigmaW2, y: point.sigmaB2 });
  const top = edge.reduce<{ sigmaB2: number; sigmaW2: number } | undefined>(
    (best, point) => (best === undefined || point.sigmaB2 > best.sigmaB2 ? point : best),
    undefined,
  );
  if (top) values.push({ k: 'edge-label', x: top.sigmaW2, y: top.sigmaB2, text: m.edgeLabel });
  for (const point of placePoints(diagram, xDomain, yDomain)) values.push({ k: 'point', ...point });

  const axis = (title: string) => ({ title, labelExpr: compactNumberExpr, grid: false });
  const x = {
    type: 'quantitative',
    scale: { type: xScale, domain: xDomain, nice: false, ...noZero(xScale) },
    axis: axis(m.sigmaW2Axis),
  };
  const y = {
    type: 'quantitative',
    scale: { type: yScale, domain: yDomain, nice: false, ...noZero(yScale) },
    axis: axis(m.sigmaB2Axis),
  };
  const only = (kind: string) => [{ filter: `datum.k === '${kind}'` }];
  const cellTooltip = [
    { field: 'sigmaW2', type: 'quantitative', title: 'σ_w²', format: '.4~g' },
    { field: 'sigmaB2', type: 'quantitative', title: 'σ_b²', format: '.4~g' },
  ];
  return {
    data: { values },
    width: 520,
    height: 320,
    layer: [
      {
        transform: only('cell'),
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'x0', ...x },
          x2: { field: 'x1' },
          y: { field: 'y0', ...y },
          y2: { field: 'y1' },
          color: {
            field: 'shown',
            type: 'quantitative',
            scale: {
              type: 'log',
              domain: [lo, hi],
              domainMid: 1,
              scheme: 'blueorange',
              clamp: true,
            },
            legend: { title: m.chiAxis, labelExpr: compactNumberExpr, values: [lo, 0.5, 1, 2, hi] },
          },
          tooltip: [
            ...cellTooltip,
            { field: 'chi1', type: 'quantitative', title: m.chiAxis, format: '.3~g' },
          ],
        },
      },
      {
        transform: only('diverges'),
        mark: { type: 'rect', fill: divergingColor },
        encoding: {
          x: { field: 'x0', ...x },
          x2: { field: 'x1' },
          y: { field: 'y0', ...y },
          y2: { field: 'y1' },
          tooltip: [...cellTooltip, { field: 'text', type: 'nominal', title: m.chiAxis }],
        },
      },
      {
        transform: only('edge'),
        mark: {
          type: 'line',
          color: theoryColor,
          strokeWidth: 2.5,
          point: { size: 12, fill: theoryColor },
        },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'y', ...y },
          order: { field: 'y', type: 'quantitative' },
        },
      },
      {
        transform: only('edge-label'),
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          dx: 6,
          dy: -4,
          fontWeight: 'bold',
          color: theoryColor,
        },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'text' } },
      },
      {
        transform: only('point'),
        mark: {
          type: 'point',
          shape: 'circle',
          filled: true,
          fill: 'white',
          stroke: theoryColor,
          strokeWidth: 2,
          size: 90,
        },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'y', ...y },
          tooltip: [{ field: 'label', type: 'nominal', title: m.initializerAxis }],
        },
      },
      {
        transform: only('point'),
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 9,
          angle: 0,
          fontSize: 11,
          fontWeight: 'bold',
          color: theoryColor,
          stroke: 'white',
          strokeWidth: 3,
          strokeOpacity: 0.8,
        },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'label' } },
      },
      {
        transform: only('point'),
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 9,
          fontSize: 11,
          fontWeight: 'bold',
          color: theoryColor,
        },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'label' } },
      },
    ],
  };
}

/** χ₁ along σ_w², one line per σ_b² (log y), with a dashed rule at χ₁ = 1. */
export function phaseLinesSpec(diagram: PhaseDiagram, context: SpecContext): object {
  const m = context.messages;
  const xScale = gridScale(diagram.sigmaW2);
  const values: object[] = [];
  diagram.sigmaB2.forEach((sigmaB2, i) => {
    diagram.sigmaW2.forEach((sigmaW2, j) => {
      const chi1 = diagram.chi1[i]?.[j];
      if (chi1 != null && Number.isFinite(chi1) && chi1 > 0)
        values.push({ sigmaW2, sigmaB2, chi1 });
    });
  });
  return {
    width: 420,
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: {
          x: {
            field: 'sigmaW2',
            type: 'quantitative',
            scale: { type: xScale, nice: false, ...noZero(xScale) },
            axis: { title: m.sigmaW2Axis, labelExpr: compactNumberExpr },
          },
          y: {
            field: 'chi1',
            type: 'quantitative',
            scale: { type: 'log', nice: false, padding: 8 },
            axis: { title: m.chiAxis, labelExpr: compactNumberExpr, tickCount: 5 },
          },
          color: {
            field: 'sigmaB2',
            type: 'ordinal',
            scale: { scheme: 'viridis' },
            legend: { title: 'σ_b²', labelExpr: compactNumberExpr },
          },
          tooltip: [
            { field: 'sigmaW2', type: 'quantitative', title: 'σ_w²', format: '.4~g' },
            { field: 'sigmaB2', type: 'quantitative', title: 'σ_b²', format: '.4~g' },
            { field: 'chi1', type: 'quantitative', title: m.chiAxis, format: '.3~g' },
          ],
        },
      },
      {
        data: { values: [{ chi1: 1 }] },
        mark: { type: 'rule', color: theoryColor, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { y: { field: 'chi1', type: 'quantitative' } },
      },
    ],
  };
}

/** `zero: false` for a linear scale; a log scale has no zero (vega-lite warns when it is given). */
function noZero(scale: GridScale): { zero?: false } {
  return scale === 'linear' ? { zero: false } : {};
}
