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
    // initializers whose σ_w² differ by rounding only (xavier 1, lecun 0.9999999999) share a spot
    const key = `${x.toPrecision(9)}|${y.toPrecision(9)}|${arrows}`;
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

/** Size of the heatmap's plot area in px. */
export const heatmapSize = { width: 520, height: 320 } as const;
/** Size of the χ₁ lines' plot area in px. */
export const linesSize = { width: 460, height: 260 } as const;
/** The χ₁ lines chart draws at most this many σ_b² rows of the grid, evenly spread over it. */
export const maxPhaseLines = 6;

/** Estimated width in px of a bold 11 px label (the charts’ label font), per character. */
const labelCharWidth = 7.5;
/** Least gap in px between two labels side by side. */
const labelPadding = 8;
/** Height in px of one row of stacked labels. */
const labelRowHeight = 14;
/** Gap in px between a marker's centre and the bottom of its label. */
const labelGap = 9;

/** Maps a value of a scale to px (0 at the domain's start) and back. */
interface Axis {
  scale: GridScale;
  domain: [number, number];
  length: number;
}
const forward = (scale: GridScale) => (scale === 'log' ? Math.log10 : (v: number) => v);
function toPx(axis: Axis, value: number): number {
  const t = forward(axis.scale);
  const [a, b] = axis.domain.map(t) as [number, number];
  return ((t(value) - a) / (b - a)) * axis.length;
}
function fromPx(axis: Axis, px: number): number {
  const t = forward(axis.scale);
  const [a, b] = axis.domain.map(t) as [number, number];
  const v = a + (px / axis.length) * (b - a);
  return axis.scale === 'log' ? 10 ** v : v;
}

/** A label placed above its marker, in data coordinates, and the row of the stack it sits in. */
export interface PlacedLabel {
  /** The marker. */
  x: number;
  y: number;
  /** The label's bottom centre. */
  labelX: number;
  labelY: number;
  /** 0 directly above the marker; 1, 2, … one label row higher each, to clear a neighbour's label. */
  row: number;
  text: string;
}

/**
 * Labels above their markers that neither overlap each other nor leave the plot: each label is
 * centred above its marker (shifted inwards at the sides) in the lowest row where it clears the
 * labels placed before it (markers taken left to right); a label that would leave the top goes below.
 */
export function stackLabels(
  markers: readonly { x: number; y: number; text: string }[],
  x: Axis,
  y: Axis,
): PlacedLabel[] {
  const boxes: { left: number; right: number; bottom: number; top: number }[] = [];
  const order = markers
    .map((marker, index) => ({ marker, index, px: toPx(x, marker.x) }))
    .sort((a, b) => a.px - b.px || a.index - b.index);
  const placed: PlacedLabel[] = new Array(markers.length);
  for (const { marker, index, px } of order) {
    const half = (marker.text.length * labelCharWidth + labelPadding) / 2;
    const centre = Math.min(Math.max(px, half), x.length - half);
    // px from the plot's bottom edge, growing upwards
    const py = toPx(y, marker.y);
    let row = 0;
    let bottom = py + labelGap;
    for (; ; row++) {
      bottom = py + labelGap + row * labelRowHeight;
      const box = {
        left: centre - half,
        right: centre + half,
        bottom,
        top: bottom + labelRowHeight,
      };
      const clash = boxes.some(
        (b) => b.left < box.right && box.left < b.right && b.bottom < box.top && box.bottom < b.top,
      );
      if (!clash || row > markers.length) break;
    }
    if (bottom + labelRowHeight > y.length) bottom = py - labelGap - labelRowHeight;
    boxes.push({ left: centre - half, right: centre + half, bottom, top: bottom + labelRowHeight });
    placed[index] = {
      x: marker.x,
      y: marker.y,
      labelX: fromPx(x, centre),
      labelY: fromPx(y, bottom),
      row,
      text: marker.text,
    };
  }
  return placed;
}

/** Powers of ten inside a log domain (axis ticks 0.01, 0.1, 1, …), or undefined for a linear one. */
function decadeTicks(scale: GridScale, domain: [number, number]): number[] | undefined {
  if (scale !== 'log') return undefined;
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(domain[0])); 10 ** e <= domain[1]; e++) ticks.push(10 ** e);
  return ticks.length >= 2 ? ticks : undefined;
}

/** The mark layers of labelled markers: a faint leader where a label was lifted, a haloed text. */
function labelLayers(kind: string, x: object, y: object): object[] {
  const only = [{ filter: `datum.k === '${kind}'` }];
  const text = {
    type: 'text',
    align: 'center',
    baseline: 'bottom',
    fontSize: 11,
    fontWeight: 'bold',
    color: theoryColor,
  };
  return [
    {
      transform: [...only, { filter: 'datum.row > 0' }],
      mark: { type: 'rule', color: theoryColor, strokeWidth: 0.8, opacity: 0.6 },
      encoding: {
        x: { field: 'x', ...x },
        y: { field: 'y', ...y },
        x2: { field: 'labelX' },
        y2: { field: 'labelY' },
      },
    },
    {
      transform: only,
      mark: { ...text, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85 },
      encoding: {
        x: { field: 'labelX', ...x },
        y: { field: 'labelY', ...y },
        text: { field: 'text' },
      },
    },
    {
      transform: only,
      mark: text,
      encoding: {
        x: { field: 'labelX', ...x },
        y: { field: 'labelY', ...y },
        text: { field: 'text' },
      },
    },
  ];
}

/**
 * χ₁ over (σ_w², σ_b²) as a heatmap: a diverging color scheme on a log scale centred on χ₁ = 1
 * (blue ordered, orange chaotic) clamped at {@link phaseColorClamp}, grey where the variance map
 * diverges, the χ₁ = 1 edge of chaos as a labelled black line, and the user's points marked with
 * their labels above them (stacked where they would overlap; decades as σ_w² ticks on a log axis).
 */
export function phaseHeatmapSpec(diagram: PhaseDiagram, context: SpecContext): object {
  const m = context.messages;
  const xScale = gridScale(diagram.sigmaW2);
  const yScale = gridScale(diagram.sigmaB2);
  const xCells = cellEdges(diagram.sigmaW2, xScale);
  const yCells = cellEdges(diagram.sigmaB2, yScale);
  const xDomain: [number, number] = [xCells[0]?.[0] ?? 0, xCells[xCells.length - 1]?.[1] ?? 1];
  const yDomain: [number, number] = [yCells[0]?.[0] ?? 0, yCells[yCells.length - 1]?.[1] ?? 1];
  const xAxis: Axis = { scale: xScale, domain: xDomain, length: heatmapSize.width };
  const yAxis: Axis = { scale: yScale, domain: yDomain, length: heatmapSize.height };
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
  // The edge's label sits just inside the plot below the curve's top end, on the side with room.
  const edgeAlign = top && toPx(xAxis, top.sigmaW2) > heatmapSize.width / 2 ? 'right' : 'left';
  if (top) values.push({ k: 'edge-label', x: top.sigmaW2, y: top.sigmaB2, text: m.edgeLabel });
  const placed = placePoints(diagram, xDomain, yDomain);
  const labels = stackLabels(
    placed.map((point) => ({ x: point.x, y: point.y, text: point.label })),
    xAxis,
    yAxis,
  );
  placed.forEach((point, i) => {
    const label = labels[i] as PlacedLabel;
    values.push({
      k: 'point',
      ...point,
      text: point.label,
      labelX: label.labelX,
      labelY: label.labelY,
      row: label.row,
    });
  });

  const axis = (title: string, ticks: number[] | undefined) => ({
    title,
    labelExpr: compactNumberExpr,
    grid: false,
    ...(ticks ? { values: ticks } : {}),
  });
  const x = {
    type: 'quantitative',
    scale: { type: xScale, domain: xDomain, nice: false, ...noZero(xScale) },
    axis: axis(m.sigmaW2Axis, decadeTicks(xScale, xDomain)),
  };
  const y = {
    type: 'quantitative',
    scale: { type: yScale, domain: yDomain, nice: false, ...noZero(yScale) },
    axis: axis(m.sigmaB2Axis, decadeTicks(yScale, yDomain)),
  };
  const only = (kind: string) => [{ filter: `datum.k === '${kind}'` }];
  const chiScale = {
    type: 'log',
    domain: [lo, hi],
    domainMid: 1,
    scheme: 'blueorange',
    clamp: true,
  };
  const cellTooltip = [
    { field: 'sigmaW2', type: 'quantitative', title: 'σ_w²', format: '.4~g' },
    { field: 'sigmaB2', type: 'quantitative', title: 'σ_b²', format: '.4~g' },
  ];
  const edgeText = {
    type: 'text',
    align: edgeAlign,
    baseline: 'top',
    dx: edgeAlign === 'right' ? -6 : 6,
    dy: 6,
    fontSize: 11,
    fontWeight: 'bold',
    color: theoryColor,
  };
  const edgeEncoding = {
    x: { field: 'x', ...x },
    y: { field: 'y', ...y },
    text: { field: 'text' },
  };
  return {
    data: { values },
    ...heatmapSize,
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
            scale: chiScale,
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
        mark: { ...edgeText, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85 },
        encoding: edgeEncoding,
      },
      {
        transform: only('edge-label'),
        mark: edgeText,
        encoding: edgeEncoding,
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
      ...labelLayers('point', x, y),
    ],
  };
}

/**
 * The σ_b² rows the χ₁ lines chart draws: at most {@link maxPhaseLines}, evenly spread over the
 * grid's rows, first and last included (σ_b² = 0, 0.1, …, 0.5 on the default grid).
 */
export function lineRows(sigmaB2: readonly number[], count = maxPhaseLines): number[] {
  const n = sigmaB2.length;
  if (n <= count) return sigmaB2.map((_, i) => i);
  return [
    ...new Set(Array.from({ length: count }, (_, k) => Math.round((k * (n - 1)) / (count - 1)))),
  ];
}

/**
 * χ₁ along σ_w² (log y) for at most {@link maxPhaseLines} σ_b² rows, coloured in order with a
 * legend of their σ_b², the dashed χ₁ = 1 rule labelled as the edge of chaos, and the user's
 * configurations marked at their own χ₁ with labels above them.
 */
export function phaseLinesSpec(diagram: PhaseDiagram, context: SpecContext): object {
  const m = context.messages;
  const xScale = gridScale(diagram.sigmaW2);
  const xDomain: [number, number] = [diagram.sigmaW2[0] ?? 0, diagram.sigmaW2.at(-1) ?? 1];
  const rows = lineRows(diagram.sigmaB2);
  const values: { sigmaW2: number; sigmaB2: number; chi1: number }[] = [];
  for (const i of rows) {
    const sigmaB2 = diagram.sigmaB2[i] as number;
    diagram.sigmaW2.forEach((sigmaW2, j) => {
      const chi1 = diagram.chi1[i]?.[j];
      if (chi1 != null && Number.isFinite(chi1) && chi1 > 0)
        values.push({ sigmaW2, sigmaB2, chi1 });
    });
  }
  const inside = diagram.points.filter(
    (p): p is typeof p & { chi1: number } =>
      p.chi1 !== null &&
      p.chi1 > 0 &&
      Number.isFinite(p.chi1) &&
      p.sigmaW2 >= xDomain[0] &&
      p.sigmaW2 <= xDomain[1],
  );
  const chis = [...values.map((v) => v.chi1), ...inside.map((p) => p.chi1), 1];
  const yDomain: [number, number] = [Math.min(...chis) / 1.5, Math.max(...chis) * 1.5];
  const xAxis: Axis = { scale: xScale, domain: xDomain, length: linesSize.width };
  const yAxis: Axis = { scale: 'log', domain: yDomain, length: linesSize.height };
  // Configurations at the same spot get one marker and one label.
  const spots = new Map<string, { x: number; y: number; inits: string[] }>();
  for (const p of inside) {
    const key = `${p.sigmaW2}|${p.chi1}`;
    const spot = spots.get(key) ?? { x: p.sigmaW2, y: p.chi1, inits: [] };
    spot.inits.push(p.init);
    spots.set(key, spot);
  }
  const markers = [...spots.values()].map((s) => ({ x: s.x, y: s.y, text: s.inits.join(', ') }));
  const points = stackLabels(markers, xAxis, yAxis).map((label) => ({ k: 'point', ...label }));
  const x = {
    type: 'quantitative',
    scale: { type: xScale, domain: xDomain, nice: false, ...noZero(xScale) },
    axis: {
      title: m.sigmaW2Axis,
      labelExpr: compactNumberExpr,
      ...(decadeTicks(xScale, xDomain) ? { values: decadeTicks(xScale, xDomain) } : {}),
    },
  };
  const y = {
    type: 'quantitative',
    scale: { type: 'log', domain: yDomain, nice: false },
    axis: {
      title: m.chiAxis,
      labelExpr: compactNumberExpr,
      ...(decadeTicks('log', yDomain) ? { values: decadeTicks('log', yDomain) } : {}),
    },
  };
  return {
    ...linesSize,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: {
          x: { field: 'sigmaW2', ...x },
          y: { field: 'chi1', ...y },
          color: {
            field: 'sigmaB2',
            type: 'ordinal',
            scale: { scheme: 'viridis' },
            legend: { title: 'σ_b²', labelExpr: "format(datum.value, '.3~g')" },
          },
          tooltip: [
            { field: 'sigmaW2', type: 'quantitative', title: 'σ_w²', format: '.4~g' },
            { field: 'sigmaB2', type: 'quantitative', title: 'σ_b²', format: '.4~g' },
            { field: 'chi1', type: 'quantitative', title: m.chiAxis, format: '.3~g' },
          ],
        },
      },
      {
        data: { values: [{ chi1: 1, text: m.edgeLabel }] },
        layer: [
          {
            mark: { type: 'rule', color: theoryColor, strokeDash: [5, 3], strokeWidth: 1.5 },
            encoding: { y: { field: 'chi1', ...y } },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'bottom',
              x: 4,
              dy: -3,
              fontSize: 11,
              fontWeight: 'bold',
              color: theoryColor,
            },
            encoding: { y: { field: 'chi1', ...y }, text: { field: 'text' } },
          },
        ],
      },
      {
        data: { values: points },
        layer: [
          {
            mark: {
              type: 'point',
              shape: 'circle',
              filled: true,
              fill: 'white',
              stroke: theoryColor,
              strokeWidth: 2,
              size: 70,
            },
            encoding: {
              x: { field: 'x', ...x },
              y: { field: 'y', ...y },
              tooltip: [
                { field: 'text', type: 'nominal', title: m.initializerAxis },
                { field: 'y', type: 'quantitative', title: m.chiAxis, format: '.3~g' },
              ],
            },
          },
          ...labelLayers('point', x, y),
        ],
      },
    ],
  };
}

/** `zero: false` for a linear scale; a log scale has no zero (vega-lite warns when it is given). */
function noZero(scale: GridScale): { zero?: false } {
  return scale === 'linear' ? { zero: false } : {};
}
