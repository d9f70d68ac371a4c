export type { ActivationProfile } from './activation-profile.js';
export { activationName, activationProfile } from './activation-profile.js';
export { formatCount, formatDepth, formatNumber, formatPercent } from './format.js';
export type { GradientTrend } from './gradients.js';
export { gradientKeptFactor, gradientTrend, predictedGradientVariance } from './gradients.js';
export type { Messages, Thresholds } from './i18n/messages.js';
export { messagesFor } from './i18n/messages.js';
export type { Lang } from './lang.js';
export { defaultLang, langs } from './lang.js';
export type { ChartsPage, PageChart, PageParts } from './page.js';
export { chartBlock, contentSecurityPolicy, renderChartsPage, renderPage } from './page.js';
export type { PhaseReportOptions, ResolvedPhaseReportOptions } from './phase-report.js';
export { renderPhaseReport, resolvePhaseReportOptions } from './phase-report.js';
export { bookBins, bookRange } from './rebin.js';
export type { ReportOptions, ResolvedReportOptions } from './report.js';
export { renderReport, resolveReportOptions } from './report.js';
export { saturationFraction, saturationZone } from './saturation.js';
export { phaseColorClamp } from './specs/phase-heatmap.js';
export type { SummaryOptions } from './summarize.js';
export { summarize, summaryMaxLayers } from './summarize.js';
export type { Verdict, VerdictKind, VerdictMeasure } from './verdict.js';
export {
  collapseGrowth,
  collapseSpread,
  deadThreshold,
  explodingGrowth,
  saturationThreshold,
  stdGrowth,
  verdict,
  verdictKinds,
} from './verdict.js';
export { vegaVersions } from './versions.js';
