import type { GradientVerdict, Phase, ResultsConfig, RunTheory } from '@initscope/results';
import type { GradientTrend } from '../gradients.js';
import type { StatedThresholds, Verdict, VerdictKind } from '../verdict.js';

/** The numbers a verdict rule is stated with (the document's), so every language documents the same thresholds. */
export type Thresholds = StatedThresholds;

/** Every piece of text the report and the summary show, in one language. */
export interface Messages {
  /** CSS font stack for the page and the charts. */
  fontStack: string;
  /** Labels of vega-embed's export menu. */
  embedI18n: Record<string, string>;

  reportTitle: string;
  contents: string;
  /** The page's first line: the healthy runs, and how many runs have which problem (verdict labels). */
  takeaway: (
    healthy: readonly string[],
    problems: readonly [string, number][],
    runs: number,
  ) => string;
  /** The corner cell of the activation × initializer verdict matrix. */
  matrixCorner: string;
  /** The folded block with settings, how to read and the theory. */
  settingsSummary: string;
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
  /** Settings row: input features then each layer's width. */
  widths: string;
  biasStd: string;
  gradientsSetting: string;
  theorySetting: string;
  /** The value of a setting that is switched on. */
  on: string;
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
  /** Seed bands (`--seeds K`). */
  seedStdTitle: (activation: string, seeds: number) => string;
  seedStdText: string;
  seedEnvelopeTitle: (activation: string, seeds: number) => string;
  seedEnvelopeText: string;
  /** Deep runs: the envelopes show the histogram grid's layers `shown`; the std chart covers every layer. */
  seedEnvelopeLayersNote: (shown: readonly number[], layers: number) => string;
  /** "in k/K seeds" after a verdict. */
  inSeeds: (count: number, seeds: number) => string;

  /** How to read the histogram grid (layout, axes, notes in the panels). */
  readFigure: (layers: number) => string[];
  readBook: string;
  readLogCounts: string;
  bookApproximate: string;
  stdText: string;
  saturationText: (zone: number) => string;
  deadText: string;
  /** What an activation does and what to look for, by activation name (without parameter). */
  activationText: Record<string, string>;
  otherActivationText: string;

  /** Legend of the simulated lines where a chart also draws predictions. */
  simulatedLegend: string;
  /** Legend and tooltip of every mean-field prediction drawn over the data. */
  theoryLegend: string;
  /** The mean-field section: its heading and paragraphs. */
  theoryTitle: string;
  theoryIntro: string[];
  /** How to read the prediction drawn over the histograms. */
  readTheory: string;
  /** Added under a histogram grid's explanation when it carries predictions. */
  figureTheoryText: string;
  /** Added to the std chart's description when it carries predictions. */
  stdTheoryText: string;
  /** Column of the verdict table with the run's phase. */
  theoryColumn: string;
  phaseLabels: Record<Phase, string>;
  /** `ordered (χ₁ = 0.42)`; the phase's text when χ₁ is unknown. */
  phaseCell: (theory: RunTheory) => string;
  /** What the phase means for this run: gradients per layer, depth scale. */
  phaseEvidence: (theory: RunTheory) => string;

  gradientsTitle: (activation: string) => string;
  gradientFigureTitle: (activation: string) => string;
  gradientVarianceTitle: (activation: string) => string;
  weightGradTitle: (activation: string) => string;
  gradientVarianceAxis: string;
  weightGradAxis: string;
  /** The backward-pass protocol, formulas included. */
  gradientProtocol: string;
  /** How to read the gradient grid. */
  gradientFigureText: string;
  /** Added to the gradient grid's explanation for activations with exact zeros (ReLU). */
  gradientZerosText: string;
  gradientVarianceText: string;
  /** Added to the gradient-variance description when it carries predictions. */
  gradientTheoryText: string;
  weightGradText: string;
  /** How to read the gradient section, for "How to read the figures". */
  readGradients: string;
  /** One plain sentence: does Var(δ) shrink or grow from the top layer down to layer 1? */
  gradientTrendText: (init: string, trend: GradientTrend) => string;
  /** A run without two layers of finite gradient variance. */
  gradientTrendMissing: (init: string) => string;

  /** Under a book-mode grid with the book's fixed count axis: bars above it are cut and marked ▲. */
  bookYLimitNote: (yMax: string) => string;
  /** A panel's std note: `σ 0.58`. */
  stdNote: (std: string) => string;
  /** Under a grid whose rows share an x domain: what that shows, and that rows are the same draws rescaled. */
  sharedDomainNote: string;
  zerosNote: (percent: string) => string;
  belowNote: (percent: string) => string;
  aboveNote: (percent: string) => string;
  nonFiniteNote: (percent: string) => string;
  hiddenNote: (count: string, percent: string) => string;
  /** The histogram grid of a deep run shows some layers: which, and what covers every layer. */
  gridLayersNote: (
    shown: readonly number[],
    layers: number,
    rest: 'distribution' | 'lines',
  ) => string;
  /** Title of an activation's distribution chart over depth (quantile bands per run). */
  distributionTitle: (activation: string) => string;
  /** What the bands are, and how exact: `error` the largest error as a share of the layer's range. */
  distributionText: (bins: string, error: string) => string;
  /** Legend title of the bands. */
  distributionLegend: string;
  /** Band labels, widest first: min–max, 7–93 %, 16–84 %, 31–69 %. */
  distributionBands: [string, string, string, string];
  /** Label of the median line. */
  medianLabel: string;

  initializer: string;
  verdict: string;
  evidence: string;
  verdictLabels: Record<VerdictKind, string>;
  /** One sentence of evidence for a verdict, with its numbers formatted. */
  verdictEvidence: (verdict: Verdict) => string;
  verdictRulesIntro: string;
  verdictRuleTexts: (t: Thresholds) => Record<VerdictKind, string>;
  /** Column heading of the gradients verdict. */
  gradientVerdict: string;
  /** The rules section of a document without verdicts. */
  verdictRuleTexts0: string;
  gradientVerdictLabels: Record<GradientVerdict['code'], string>;
  /** One line: the gradients verdict, its source and Var(δ¹)/Var(δᴸ). */
  gradientVerdictEvidence: (g: GradientVerdict, layers: number) => string;
  /** The gradient rules, with the document's thresholds. */
  gradientRuleText: (t: Thresholds) => string;
  erroredRun: (init: string, message: string) => string;
  noCompletedRuns: string;

  summaryStd: string;
  summaryVerdict: string;
  /** The summary's first line: the shared configuration, compactly. */
  summaryConfig: (config: ResultsConfig) => string;
  /** `12 runs: 6 healthy, 2 saturated, …` from `[count, label]` pairs. */
  summaryTotals: (runs: number, kinds: [number, string][]) => string;
  /** Summary line under a run: its mean-field phase. */
  summaryTheory: (theory: RunTheory) => string;
  /** Summary line under a run: its gradient variance from the top layer down to layer 1. */
  summaryGradients: (trend: GradientTrend) => string;

  phaseReportTitle: (activation: string) => string;
  phaseIntro: (activation: string) => string;
  phaseHeatmapTitle: string;
  phaseHeatmapText: (clamp: number) => string;
  phaseLinesTitle: string;
  phaseLinesText: string;
  chiAxis: string;
  sigmaW2Axis: string;
  sigmaB2Axis: string;
  /** Label of the χ₁ = 1 line. */
  edgeLabel: string;
  /** Tooltip of cells where q* diverges. */
  divergesLabel: string;
  phaseTheoryTitle: string;
  /** Ordered, chaotic and critical, one paragraph each. */
  phaseExplain: string[];
  /** Where this activation's critical point is, by activation name; absent for the others. */
  phaseActivationText: Record<string, string>;
  pointsTitle: string;
  /** A point outside the grid, drawn at its edge. */
  pointsOutside: string;
  noPoints: string;
}
