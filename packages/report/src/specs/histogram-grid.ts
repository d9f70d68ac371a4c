import { formatCount, formatNumber, formatPercent } from '../format.js';
import { gridLayers } from '../grid-layers.js';
import type { Panel } from '../histogram-panels.js';
import type { Messages } from '../i18n/messages.js';
import {
  compactNumberExpr,
  initColor,
  type SpecContext,
  theoryColor,
  warningColor,
} from './theme.js';

/** How the grid draws its counts. */
export interface GridOptions {
  /** Count axis on a symlog scale. */
  logCounts: boolean;
  /** Panels come from book mode: note what each hides. */
  book: boolean;
  /** Layers of the deepest run; the columns are its {@link gridLayers} (every layer up to 8). */
  layers: number;
  /**
   * The panels of a row share one x domain across layers (unbounded activations, gradients), so
   * growth and shrinkage over depth show in the row; otherwise each panel fits its own bins.
   */
  sharedX: boolean;
  /**
   * A fixed count axis 0–yMax (the book's `plt.ylim(0, 7000)`): taller bars are cut at the top
   * and marked ▲. Undefined: each panel fits its counts.
   */
  yMax?: number;
}

/** The x extent `[lo, hi]` of each initializer's row: the union of its panels' bins. */
export function rowDomains(panels: readonly Panel[]): Map<string, [number, number]> {
  const domains = new Map<string, [number, number]>();
  for (const panel of panels) {
    const first = panel.bins[0]?.x0;
    const last = panel.bins[panel.bins.length - 1]?.x1;
    if (first === undefined || last === undefined) continue;
    if (!Number.isFinite(first) || !Number.isFinite(last)) continue;
    const known = domains.get(panel.init);
    domains.set(
      panel.init,
      known ? [Math.min(known[0], first), Math.max(known[1], last)] : [first, last],
    );
  }
  return domains;
}

/** Expected counts below this share of the panel's total are not drawn: they would only trace the axis. */
const fitFloor = 1e-4;

/** Least gap between two tick labels, px: closer ones are dropped, not run together ("1e+372e+37"). */
export const labelGap = 4;

/** Height of one histogram panel, px. */
export const panelHeight = 74;
/** Height of one line of a panel's notes, px. */
const noteLine = 11;

/**
 * Panel width for `columns` columns of a histogram grid: the book's five fit beside the text,
 * deeper stacks get narrower panels (at most 8 columns of {@link gridLayers}: 56–110 px).
 */
export function panelWidth(columns: number): number {
  return Math.max(56, Math.min(110, Math.floor(560 / Math.max(1, columns))));
}

/** The value (x) axis of a histogram panel: untitled, about three small compact labels. */
export const panelValueAxis = {
  title: null,
  tickCount: 3,
  labelFontSize: 8,
  labelFlush: true,
  labelOverlap: true,
  labelSeparation: labelGap,
  labelExpr: compactNumberExpr,
};

/** The count (y) axis of a histogram panel: untitled, about three small SI labels ("40k"). */
export const panelCountAxis = {
  title: null,
  tickCount: 3,
  tickMinStep: 1,
  labelFontSize: 8,
  labelOverlap: true,
  labelSeparation: labelGap,
  labelExpr: "format(datum.value, '~s')",
};

/**
 * The facet of a histogram grid and its spacing: rows = `inits` (upright labels at the left),
 * columns = `columns` in that order (layer labels, "1-layer"), from the fields `init` and `column`.
 */
export function gridFacet(
  inits: readonly string[],
  columns: readonly string[],
  m: Messages,
): { facet: object; spacing: object } {
  return {
    facet: {
      row: {
        field: 'init',
        type: 'nominal',
        sort: [...inits],
        header: {
          title: m.initializerAxis,
          labelAngle: 0,
          labelAlign: 'left',
          labelFontWeight: 'bold',
        },
      },
      column: {
        field: 'column',
        type: 'ordinal',
        sort: [...columns],
        header: { title: null, labelFontWeight: 'bold' },
      },
    },
    spacing: { row: 10, column: 6 },
  };
}

/**
 * The y value to reserve so the tallest bar stays below `lines` lines of notes: linear counts
 * need `tallest / (1 − f)`, symlog counts (≈ log1p) the same in log space.
 */
function headroom(tallest: number, lines: number, logCounts: boolean): number {
  if (lines === 0) return tallest;
  const free = 1 - Math.min(0.6, (lines * noteLine + 4) / panelHeight);
  return logCounts ? Math.expm1(Math.log1p(tallest) / free) : tallest / free;
}

/** A panel's notes: values below the range at the top left, everything else stacked at the top right. */
function panelNotes(panel: Panel, context: SpecContext, options: GridOptions) {
  const m = context.messages;
  const share = (count: number) => formatPercent(panel.total > 0 ? count / panel.total : 0);
  const left: string[] = [];
  const right: string[] = [];
  if (panel.std !== null) right.push(m.stdNote(formatNumber(panel.std)));
  if (panel.below > 0) left.push(m.belowNote(share(panel.below)));
  if (panel.zeros > 0) right.push(m.zerosNote(share(panel.zeros)));
  if (panel.above > 0) right.push(m.aboveNote(share(panel.above)));
  if (panel.nonFinite > 0) right.push(m.nonFiniteNote(share(panel.nonFinite)));
  if (options.book) {
    const note = m.hiddenNote(formatCount(panel.hidden), share(panel.hidden));
    right.push(panel.approximate ? `≈ ${note}` : note);
  }
  return { left, right };
}

/**
 * The book's figure for one activation: a grid of histograms, rows = initializers, columns =
 * "1-layer" … "N-layer" (deeper than 8 layers: the {@link gridLayers}, 1, 2, 5, 10, 20, …, N). Every panel has its own y scale; x is the data's histogram edges, shared
 * across a row when `sharedX` (invisible `span` points carry the row's extent into every panel).
 * Each panel notes its layer's std; values outside the range, NaN/Inf, ReLU's exact zeros and
 * (book mode) hidden values are noted too.
 */
export function histogramGridSpec(
  allPanels: readonly Panel[],
  context: SpecContext,
  options: GridOptions,
): object {
  const m = context.messages;
  const shown = gridLayers(options.layers);
  const width = panelWidth(shown.length);
  const panels = allPanels.filter((panel) => shown.includes(panel.layer));
  const inits = context.inits.filter((init) => panels.some((panel) => panel.init === init));
  const columns = shown.map((layer) => m.layerLabel(layer));
  const values: object[] = [];
  const domains = options.sharedX ? rowDomains(panels) : new Map<string, [number, number]>();
  const span = (cell: object, init: string) => {
    const domain = domains.get(init);
    if (domain)
      values.push({ k: 'span', ...cell, x: domain[0] }, { k: 'span', ...cell, x: domain[1] });
  };
  for (const panel of panels) {
    const cell = { init: panel.init, column: m.layerLabel(panel.layer) };
    span(cell, panel.init);
    for (const bin of panel.bins) values.push({ k: 'bin', ...cell, ...bin });
    const expected = panel.expected ?? [];
    expected.forEach((count, i) => {
      const bin = panel.bins[i];
      if (!bin || !Number.isFinite(count)) return;
      // Within one panel the line only needs its shape: skip the flat runs far below the bars.
      const near = (j: number) => (expected[j] ?? 0) >= fitFloor * panel.total;
      if (!near(i) && !near(i - 1) && !near(i + 1)) return;
      values.push({ k: 'fit', ...cell, x: (bin.x0 + bin.x1) / 2, count });
    });
    const notes = panelNotes(panel, context, options);
    if (notes.left.length > 0) values.push({ k: 'left', ...cell, text: notes.left.join('\n') });
    if (notes.right.length > 0) values.push({ k: 'right', ...cell, text: notes.right.join('\n') });
    // Every panel gets its zero-rule and headroom rows (hidden when unused): a layer without data
    // in some panel would give that panel's independent scale an infinite extent.
    const first = panel.bins[0]?.x0 ?? 0;
    values.push({ k: 'zero', ...cell, x0: panel.zeros > 0 ? 0 : first, shown: panel.zeros > 0 });
    const yMax = options.yMax;
    if (yMax !== undefined) {
      for (const bin of panel.bins) {
        if (bin.count > yMax) {
          values.push({
            k: 'clip',
            ...cell,
            x: (bin.x0 + bin.x1) / 2,
            count: bin.count,
            top: yMax,
          });
        }
      }
    }
    const tallest = Math.max(1, ...panel.bins.map((bin) => bin.count), ...expected);
    const lines = Math.max(notes.left.length, notes.right.length);
    values.push({ k: 'pad', ...cell, count: headroom(tallest, lines, options.logCounts) });
  }
  // Runs with fewer layers leave cells empty; vega-lite misplaces missing cells of a sorted facet,
  // so they get placeholder rows.
  for (const init of inits) {
    for (const column of columns) {
      const present = panels.some((p) => p.init === init && m.layerLabel(p.layer) === column);
      if (present) continue;
      const cell = { init, column };
      values.push({ k: 'bin', ...cell, x0: 0, x1: 0, count: 0 }, { k: 'zero', ...cell, x0: 0 });
      values.push({ k: 'pad', ...cell, count: 1 });
      span(cell, init);
    }
  }
  const y = {
    field: 'count',
    type: 'quantitative',
    stack: null,
    scale:
      options.yMax !== undefined
        ? { type: 'linear', domain: [0, options.yMax], clamp: true, nice: false }
        : { type: options.logCounts ? 'symlog' : 'linear' },
    axis: {
      ...panelCountAxis,
      ...(options.yMax !== undefined ? { values: [0, options.yMax / 2, options.yMax] } : {}),
    },
  };
  const only = (kind: string) => [{ filter: `datum.k === '${kind}'` }];
  const fits = panels.some((panel) => panel.expected);
  // The prediction's line and dots, over the bars; `stroke` has its own scale, so its legend
  // names the prediction without touching the initializers' colors.
  const fit = (mark: object) => ({
    transform: only('fit'),
    mark,
    encoding: {
      x: { field: 'x', type: 'quantitative' },
      y,
      stroke: {
        datum: m.theoryLegend,
        type: 'nominal',
        scale: { range: [theoryColor] },
        legend: {
          title: null,
          orient: 'top',
          symbolType: 'stroke',
          symbolStrokeWidth: 2,
          labelLimit: 400,
        },
      },
      tooltip: [
        { field: 'init', type: 'nominal', title: m.initializerAxis },
        { field: 'column', type: 'ordinal', title: m.layerAxis },
        { field: 'x', type: 'quantitative', title: m.valueAxis, format: '.4~g' },
        { field: 'count', type: 'quantitative', title: m.theoryLegend, format: ',.0f' },
      ],
    },
  });
  const fitLayers = fits
    ? [
        fit({ type: 'line', strokeWidth: 1.2, interpolate: 'monotone' }),
        fit({ type: 'point', filled: true, fill: theoryColor, size: 6, strokeWidth: 0 }),
      ]
    : [];
  const note = (side: 'left' | 'right') => ({
    transform: only(side),
    mark: {
      type: 'text',
      align: side,
      baseline: 'top',
      fontSize: 9,
      lineHeight: noteLine,
      lineBreak: '\n',
      color: warningColor,
    },
    encoding: {
      x: { value: side === 'left' ? 3 : width - 3 },
      y: { value: 3 },
      text: { field: 'text', type: 'nominal' },
    },
  });
  return {
    data: { values },
    ...gridFacet(inits, columns, m),
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width,
      height: panelHeight,
      layer: [
        {
          transform: only('bin'),
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.3 },
          encoding: {
            x: {
              field: 'x0',
              type: 'quantitative',
              scale: { zero: false, nice: false },
              axis: panelValueAxis,
            },
            x2: { field: 'x1' },
            y,
            y2: { datum: 0 },
            color: initColor(context, inits, false),
            tooltip: [
              { field: 'init', type: 'nominal', title: m.initializerAxis },
              { field: 'column', type: 'ordinal', title: m.layerAxis },
              { field: 'x0', type: 'quantitative', title: m.fromField, format: '.4~g' },
              { field: 'x1', type: 'quantitative', title: m.toField, format: '.4~g' },
              { field: 'count', type: 'quantitative', title: m.countAxis, format: ',.0f' },
            ],
          },
        },
        {
          transform: only('zero'),
          mark: { type: 'rule', color: warningColor, strokeWidth: 2 },
          encoding: {
            x: { field: 'x0', type: 'quantitative' },
            opacity: { condition: { test: 'datum.shown', value: 1 }, value: 0 },
          },
        },
        ...fitLayers,
        {
          transform: only('pad'),
          mark: { type: 'point', opacity: 0 },
          encoding: { y },
        },
        ...(options.yMax !== undefined
          ? [
              {
                transform: only('clip'),
                mark: {
                  type: 'point',
                  shape: 'triangle-up',
                  filled: true,
                  color: warningColor,
                  size: 45,
                  yOffset: 5,
                },
                encoding: {
                  x: { field: 'x', type: 'quantitative' },
                  y: { field: 'top', type: 'quantitative' },
                  tooltip: [
                    { field: 'init', type: 'nominal', title: m.initializerAxis },
                    { field: 'column', type: 'ordinal', title: m.layerAxis },
                    { field: 'x', type: 'quantitative', title: m.valueAxis, format: '.4~g' },
                    { field: 'count', type: 'quantitative', title: m.countAxis, format: ',.0f' },
                  ],
                },
              },
            ]
          : []),
        ...(domains.size > 0
          ? [
              {
                transform: only('span'),
                mark: { type: 'point', opacity: 0 },
                encoding: { x: { field: 'x', type: 'quantitative' } },
              },
            ]
          : []),
        note('left'),
        note('right'),
      ],
    },
  };
}
