import type { RunResult } from '@initscope/results';
import { escapeHtml } from './html.js';
import type { Messages } from './i18n/messages.js';
import type { Verdict, VerdictKind } from './verdict.js';

/** A verdict as the report's verdict cell says it, in plain text: its label, then how many seeds agree. */
export interface VerdictCellText {
  label: string;
  /** `in 7/8 seeds (collapsed 1/8)`; null without seed bands. */
  inSeeds: string | null;
}

/** The words of a verdict cell: the label and, with `--seeds K`, in how many of the K seeds it holds. */
export function verdictCellText(
  m: Messages,
  v: Verdict,
  run?: RunResult,
  seeds?: number,
): VerdictCellText {
  const label = m.verdictLabels[v.kind];
  const counts = run?.seedVerdicts;
  if (seeds === undefined || counts === undefined) return { label, inSeeds: null };
  const others = Object.entries(counts)
    .filter(([kind]) => kind !== v.kind)
    .map(([kind, n]) => `${m.verdictLabels[kind as VerdictKind] ?? kind} ${n}/${seeds}`);
  return {
    label,
    inSeeds: `${m.inSeeds(counts[v.kind] ?? 0, seeds)}${others.length > 0 ? ` (${others.join(', ')})` : ''}`,
  };
}

/** A verdict cell of the report: the coloured label and, with seed bands, the seed agreement. */
export function verdictCell(m: Messages, v: Verdict, run?: RunResult, seeds?: number): string {
  const text = verdictCellText(m, v, run, seeds);
  const label = `<span class="verdict verdict-${v.kind}">${escapeHtml(text.label)}</span>`;
  return text.inSeeds === null ? label : `${label} ${escapeHtml(text.inSeeds)}`;
}
