export { kaiser, smoothCurve } from '@initscope/results/smooth-curve';
export { provideVegaBundles } from './bundles.js';
export type { ExplorerPageInput } from './explorer/page.js';
export { explorerContentSecurityPolicy, renderExplorerPage } from './explorer/page.js';
export type {
  ExplorerBands,
  ExplorerChart,
  ExplorerRunView,
  ExplorerVerdict,
} from './explorer/run-view.js';
export { explorerRunView } from './explorer/run-view.js';
export type { GradientTrend } from './gradients.js';
export { gradientKeptFactor, gradientTrend, predictedGradientVariance } from './gradients.js';
export type { Lang } from './lang.js';
export { defaultLang, langs } from './lang.js';
export type { ChartsPage, PageChart } from './page.js';
export { renderChartsPage } from './page.js';
export type { PhaseReportOptions, ResolvedPhaseReportOptions } from './phase-report.js';
export { renderPhaseReport, resolvePhaseReportOptions } from './phase-report.js';
export type { ReportOptions, ResolvedReportOptions } from './report.js';
export { renderReport, resolveReportOptions } from './report.js';
export { saturationZone } from './saturation.js';
export type { SeedVerdicts } from './seed-verdicts.js';
export { seedVerdictCounts } from './seed-verdicts.js';
export { phaseColorClamp } from './specs/phase-heatmap.js';
export type { SummaryOptions } from './summarize.js';
export { summarize, summaryMaxLayers } from './summarize.js';
export type { TrainingPageOptions } from './training-page.js';
export { renderTrainingPage } from './training-page.js';
export type { StatedThresholds, Verdict, VerdictKind, VerdictMeasure } from './verdict.js';
export { verdict, verdictKinds } from './verdict.js';
export { vegaVersions } from './versions.js';
export type { LayerWeights, WeightDefinition, WeightKind } from './weights-table.js';
export { layerWeights, weightDefinitionKey, weightDefinitions } from './weights-table.js';
