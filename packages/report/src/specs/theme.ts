import type { Messages } from '../i18n/messages.js';

/** Colors of the initializers, in their order of appearance (Tableau 10). */
export const initPalette = [
  '#4c78a8',
  '#f58518',
  '#54a24b',
  '#e45756',
  '#72b7b2',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
];

/** Color of mean-field predictions drawn over the data: near-black, apart from every initializer's color. */
export const theoryColor = '#1f2328';

/** Color of warnings drawn in charts: exact zeros, values outside the range, NaN/Inf. */
export const warningColor = '#c0392b';

/**
 * A vega expression labelling numbers compactly: `0.5`, `120`, `1e-5`, `1.3e+5`.
 * Axes use it through `labelExpr`, so tiny ReLU ranges and exploding ones stay readable.
 */
export const compactNumberExpr =
  "abs(datum.value) >= 1e4 || (abs(datum.value) < 1e-3 && datum.value != 0) ? format(datum.value, '.1~e') : format(datum.value, '~g')";

/** What every spec builder needs to know besides its data. */
export interface SpecContext {
  messages: Messages;
  /** Every initializer of the results, in order: the color domain shared by all charts. */
  inits: readonly string[];
}

/** The vega-lite `config` of every chart: fonts of the language, quiet views. */
export function chartConfig(messages: Messages): object {
  return {
    font: messages.fontStack,
    view: { stroke: '#d0d0d0' },
    axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#eeeeee' },
    header: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
    legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  };
}

/**
 * Color by initializer, with the same colors in every chart (the domain is every initializer of the
 * results); the legend lists only `shown`, the initializers of this chart.
 */
export function initColor(context: SpecContext, shown: readonly string[], legend: boolean): object {
  return {
    field: 'init',
    type: 'nominal',
    scale: { domain: [...context.inits], range: initPalette },
    legend: legend
      ? { title: context.messages.initializerAxis, orient: 'right', values: [...shown] }
      : null,
  };
}
