export type { ActivationProfile } from './activation-profile.js';
export { activationProfile } from './activation-profile.js';
export { formatCount, formatNumber, formatPercent } from './format.js';
export type { Messages, Thresholds } from './i18n/messages.js';
export { messagesFor } from './i18n/messages.js';
export type { Lang } from './lang.js';
export { defaultLang, langs } from './lang.js';
export type { ChartsPage, PageChart, PageParts } from './page.js';
export { chartBlock, contentSecurityPolicy, renderChartsPage, renderPage } from './page.js';
export { bookBins, bookRange } from './rebin.js';
export type { ReportOptions, ResolvedReportOptions } from './report.js';
export { renderReport, resolveReportOptions } from './report.js';
export { saturationFraction, saturationZone } from './saturation.js';
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
