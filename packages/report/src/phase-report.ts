import type { PhaseDiagram } from '@initscope/results';
import { activationName } from './activation-profile.js';
import { formatNumber } from './format.js';
import { escapeHtml } from './html.js';
import type { Messages } from './i18n/messages.js';
import { messagesFor } from './i18n/tables.js';
import { defaultLang, type Lang } from './lang.js';
import { chartBlock, type PageChart, renderPage } from './page.js';
import {
  cellEdges,
  gridScale,
  phaseColorClamp,
  phaseHeatmapSpec,
  phaseLinesSpec,
} from './specs/phase-heatmap.js';
import { chartConfig, type SpecContext } from './specs/theme.js';
import { vegaVersions } from './versions.js';

/** How the phase page is drawn. */
export interface PhaseReportOptions {
  /** Language of every title, axis and explanation. @default 'en' */
  lang?: Lang;
  /** Page title. @default the language's phase-diagram title for the activation */
  title?: string;
}

/** {@link PhaseReportOptions} after defaults. */
export type ResolvedPhaseReportOptions = Required<PhaseReportOptions>;

/** Fill in the defaults of {@link PhaseReportOptions} for a diagram of `activation`. */
export function resolvePhaseReportOptions(
  activation: string,
  options: PhaseReportOptions = {},
): ResolvedPhaseReportOptions {
  const lang = options.lang ?? defaultLang;
  return { lang, title: options.title ?? messagesFor(lang).phaseReportTitle(activation) };
}

/** The user's configurations as a table: σ_w², σ_b², χ₁ and phase. */
function pointsTable(m: Messages, diagram: PhaseDiagram): string {
  if (diagram.points.length === 0) return `<p class="muted">${escapeHtml(m.noPoints)}</p>`;
  const rows = diagram.points
    .map((point) => {
      const phase = point.phase
        ? `<span class="phase phase-${point.phase}">${escapeHtml(m.phaseLabels[point.phase])}</span>`
        : `<span class="phase phase-diverging">${escapeHtml(m.divergesLabel)}</span>`;
      return `<tr><td><code>${escapeHtml(point.init)}</code></td><td>${formatNumber(point.sigmaW2)}</td><td>${formatNumber(point.sigmaB2)}</td><td>${formatNumber(point.chi1)}</td><td>${phase}</td></tr>`;
    })
    .join('\n');
  return `<table class="points"><thead><tr><th>${escapeHtml(m.initializer)}</th><th>σ_w²</th><th>σ_b²</th><th>${escapeHtml(m.chiAxis)}</th><th>${escapeHtml(m.theoryColumn)}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** True when some point lies outside the grid's cells (it is drawn clamped to the edge). */
function anyOutside(diagram: PhaseDiagram): boolean {
  const x = cellEdges(diagram.sigmaW2, gridScale(diagram.sigmaW2));
  const y = cellEdges(diagram.sigmaB2, gridScale(diagram.sigmaB2));
  const [x0, x1] = [x[0]?.[0] ?? 0, x[x.length - 1]?.[1] ?? 0];
  const [y0, y1] = [y[0]?.[0] ?? 0, y[y.length - 1]?.[1] ?? 0];
  return diagram.points.some(
    (p) => p.sigmaW2 < x0 || p.sigmaW2 > x1 || p.sigmaB2 < y0 || p.sigmaB2 > y1,
  );
}

/**
 * The order-to-chaos page of one activation: a self-contained HTML document (vega inlined, works
 * from `file://` with no network) with χ₁ as a heatmap over (σ_w², σ_b²), the χ₁ = 1 edge of chaos,
 * the user's configurations marked and labelled, χ₁ along σ_w² as lines, and what the phases mean.
 */
export function renderPhaseReport(diagram: PhaseDiagram, options: PhaseReportOptions = {}): string {
  const resolved = resolvePhaseReportOptions(diagram.activation, options);
  const m = messagesFor(resolved.lang);
  const context: SpecContext = { messages: m, inits: diagram.points.map((point) => point.init) };
  const withConfig = (spec: object) => ({ ...spec, config: chartConfig(m) });
  const heatmap: PageChart = {
    id: 'phase-heatmap',
    title: m.phaseHeatmapTitle,
    description: m.phaseHeatmapText(phaseColorClamp),
    spec: withConfig(phaseHeatmapSpec(diagram, context)),
  };
  const lines: PageChart = {
    id: 'phase-lines',
    title: m.phaseLinesTitle,
    description: m.phaseLinesText,
    spec: withConfig(phaseLinesSpec(diagram, context)),
  };
  const specific = m.phaseActivationText[activationName(diagram.activation)];
  const paragraphs = (texts: readonly string[]) =>
    texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
  const outside = anyOutside(diagram) ? `<p class="muted">${escapeHtml(m.pointsOutside)}</p>` : '';
  const body = `<header>
<h1>${escapeHtml(resolved.title)}</h1>
<p class="muted">${escapeHtml(`${diagram.tool} ${diagram.version}`)} · ${escapeHtml(m.generated(vegaVersions))}</p>
<p>${escapeHtml(m.phaseIntro(diagram.activation))}</p>
</header>
<section id="phase-diagram"><div class="figure-row">${chartBlock(heatmap, 2)}<aside>${paragraphs(m.phaseExplain)}</aside></div></section>
<section id="points"><h2>${escapeHtml(m.pointsTitle)}</h2>${pointsTable(m, diagram)}${outside}</section>
<section id="chi-lines">${chartBlock(lines, 2)}</section>
<section id="phases"><h2>${escapeHtml(m.phaseTheoryTitle)}</h2>${paragraphs([...(specific ? [specific] : []), ...m.theoryIntro])}</section>`;
  return renderPage({ lang: resolved.lang, title: resolved.title, body, charts: [heatmap, lines] });
}
