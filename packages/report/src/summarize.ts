import type { Results, RunResult } from '@initscope/results';
import { formatNumber } from './format.js';
import { gradientTrend } from './gradients.js';
import { messagesFor } from './i18n/tables.js';
import { defaultLang, type Lang } from './lang.js';
import { verdict, verdictKinds } from './verdict.js';

/** Options of {@link summarize}. */
export interface SummaryOptions {
  /** @default 'en' */
  lang?: Lang;
}

/** Layers shown in full in the summary; deeper stacks show the first 3, "…", and the last 4. */
export const summaryMaxLayers = 8;

/** Terminal columns a string takes: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** The 0-based layer indices to show, with null for the "…" column. */
function shownLayers(layers: number): (number | null)[] {
  const all = Array.from({ length: layers }, (_, i) => i);
  if (layers <= summaryMaxLayers) return all;
  return [...all.slice(0, 3), null, ...all.slice(-4)];
}

/**
 * Plain text for the terminal (no ANSI): the settings, then per activation one row per initializer
 * with the std of every layer and the verdict with its evidence — followed, when the results carry
 * them, by the run's mean-field phase (χ₁, depth scale) and its gradient variance from the top
 * layer down to layer 1 — then a count of verdicts.
 */
export function summarize(results: Results, options: SummaryOptions = {}): string {
  const m = messagesFor(options.lang ?? defaultLang);
  const { config } = results;
  const lines = [`${results.tool} ${results.version} · ${m.summaryConfig(config)}`];
  const activations = [...new Set(results.runs.map((run) => run.activation))];
  const layers = Math.max(config.layers, ...results.runs.map((run) => run.layers.length));
  const columns = shownLayers(layers);
  const labels = columns.map((i) => (i === null ? '…' : m.layerLabel(i + 1)));
  const cell = Math.max(9, ...labels.map((label) => displayWidth(label) + 2));
  const initWidth = Math.max(...results.runs.map((run) => displayWidth(run.init))) + 4;
  const tally = new Map<string, number>();
  for (const activation of activations) {
    lines.push('', `${padEnd(activation, initWidth)}${m.summaryStd}`);
    lines.push(
      `${' '.repeat(initWidth)}${labels.map((label) => padStart(label, cell)).join('')}   ${m.summaryVerdict}`,
    );
    for (const run of results.runs.filter((r) => r.activation === activation)) {
      const v = verdict(run);
      tally.set(v.kind, (tally.get(v.kind) ?? 0) + 1);
      const std = columns.map((i) => padStart(stdCell(run, i), cell)).join('');
      const evidence = m.verdictEvidence(v);
      const said =
        evidence === '' ? m.verdictLabels[v.kind] : `${m.verdictLabels[v.kind]} — ${evidence}`;
      lines.push(`${padEnd(`  ${run.init}`, initWidth)}${std}   ${said}`);
      if (run.theory) lines.push(`      ${m.summaryTheory(run.theory)}`);
      const trend = gradientTrend(run);
      if (trend) lines.push(`      ${m.summaryGradients(trend)}`);
      if (v.gradients) {
        const g = v.gradients;
        lines.push(
          `      ${m.gradientVerdictLabels[g.code]} — ${m.gradientVerdictEvidence(g, run.layers.length)}`,
        );
      }
    }
  }
  const kinds = verdictKinds
    .filter((kind) => tally.has(kind))
    .map((kind): [number, string] => [
      tally.get(kind) ?? 0,
      m.verdictLabels[kind].split(':')[0] ?? kind,
    ]);
  lines.push('', m.summaryTotals(results.runs.length, kinds));
  return lines.join('\n');
}

function stdCell(run: RunResult, index: number | null): string {
  if (index === null) return '…';
  const stats = run.layers[index];
  return stats ? formatNumber(stats.std) : '–';
}
