import type { ResultsConfig } from '@initscope/sim';
import type { Lang } from '../lang.js';
import type { Verdict, VerdictKind } from '../verdict.js';
import { en } from './en.js';
import { ja } from './ja.js';

/** The numbers a verdict rule is stated with, so every language documents the same thresholds. */
export interface Thresholds {
  saturationZone: number;
  saturationThreshold: number;
  collapseGrowth: number;
  collapseSpread: number;
  explodingGrowth: number;
  deadThreshold: number;
}

/** Every piece of text the report and the summary show, in one language. */
export interface Messages {
  /** CSS font stack for the page and the charts. */
  fontStack: string;
  /** Labels of vega-embed's export menu. */
  embedI18n: Record<string, string>;

  reportTitle: string;
  contents: string;
  settings: string;
  howToRead: string;
  verdictRules: string;
  attention: string;

  tool: string;
  layers: string;
  width: string;
  samples: string;
  bins: string;
  seed: string;
  range: string;
  /** The histogram range when each activation uses its default. */
  defaultRange: string;
  generated: (versions: { vega: string; vegaLite: string; vegaEmbed: string }) => string;

  /** Column header of layer `n`, as the book's "1-layer". */
  layerLabel: (n: number) => string;
  layerAxis: string;
  initializerAxis: string;
  valueAxis: string;
  countAxis: string;
  fromField: string;
  toField: string;
  stdAxis: string;
  saturationAxis: string;
  deadAxis: string;

  figureTitle: (activation: string) => string;
  bookFigureTitle: (activation: string) => string;
  stdTitle: (activation: string) => string;
  saturationTitle: (activation: string) => string;
  deadTitle: (activation: string) => string;
  verdictsTitle: (activation: string) => string;

  /** How to read the histogram grid (layout, axes, notes in the panels). */
  readFigure: (layers: number) => string[];
  readBook: string;
  readLogCounts: string;
  bookApproximate: string;
  stdText: string;
  saturationText: (zone: number) => string;
  deadText: string;
  /** What an activation does and what to look for, by activation name. */
  activationText: Record<string, string>;
  otherActivationText: string;

  zerosNote: (percent: string) => string;
  belowNote: (percent: string) => string;
  aboveNote: (percent: string) => string;
  nonFiniteNote: (percent: string) => string;
  hiddenNote: (count: string, percent: string) => string;

  initializer: string;
  verdict: string;
  evidence: string;
  verdictLabels: Record<VerdictKind, string>;
  /** One sentence of evidence for a verdict, with its numbers formatted. */
  verdictEvidence: (verdict: Verdict) => string;
  verdictRulesIntro: string;
  verdictRuleTexts: (t: Thresholds) => Record<VerdictKind, string>;
  erroredRun: (init: string, message: string) => string;
  noCompletedRuns: string;

  summaryStd: string;
  summaryVerdict: string;
  /** The summary's first line: the shared configuration, compactly. */
  summaryConfig: (config: ResultsConfig) => string;
  /** `12 runs: 6 healthy, 2 saturated, …` from `[count, label]` pairs. */
  summaryTotals: (runs: number, kinds: [number, string][]) => string;
}

const tables: Record<Lang, Messages> = { en, ja };

/** The messages table of a language. */
export function messagesFor(lang: Lang): Messages {
  return tables[lang];
}
