import { vegaBundles } from './bundles.js';
import { escapeHtml, escapeScript, jsonForScript } from './html.js';
import { messagesFor } from './i18n/tables.js';
import { defaultLang, type Lang } from './lang.js';

/** A chart on a page: a vega-lite spec with its heading and an optional description. */
export interface PageChart {
  /** Anchor id of the chart's block; the view renders into `${id}-view`. */
  id: string;
  title: string;
  description?: string;
  /** A vega-lite spec with inline data. */
  spec: object;
}

/** A generic page of charts (the benchmarks package draws its bar charts with it). */
export interface ChartsPage {
  title: string;
  /** @default 'en' */
  lang?: Lang;
  /** A paragraph under the title. */
  intro?: string;
  charts: PageChart[];
}

/** Everything the page skeleton needs: its language, title, body HTML and the charts the body places. */
export interface PageParts {
  lang: Lang;
  title: string;
  /** Body HTML; every chart's block is in it (see {@link chartBlock}). */
  body: string;
  charts: readonly PageChart[];
}

/**
 * Content-Security-Policy of every page: inline scripts and styles, data/blob images for the
 * PNG/SVG export, and nothing else. This is the offline guarantee: the page works with no network
 * and the browser refuses any request a script might try.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

const styles = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --warn: #c0392b; --ok: #1a7f37; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; font-family: var(--font); line-height: 1.6; font-size: 15px; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 32px 72px; }
h1 { font-size: 1.7rem; line-height: 1.3; margin: 0 0 0.4rem; }
h2 { font-size: 1.35rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
p, li { max-width: 75ch; }
.muted { color: var(--muted); font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.3rem 0.9rem 0.3rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: var(--soft); padding: 0.05em 0.3em; border-radius: 4px; }
header p { max-width: none; margin: 0.2rem 0; }
.takeaway { font-size: 1.05rem; font-weight: 600; margin: 0.2rem 0 0.5rem; max-width: none; }
table.matrix { margin: 0 0 0.3rem; font-size: 0.88rem; }
table.matrix td, table.matrix th { padding: 0.05rem 0.6rem; line-height: 1.15; }
table.matrix td a { color: inherit; display: block; font-weight: 600; }
table.matrix td { background: #fff8c5; }
table.matrix td.cell-healthy { background: #dafbe1; }
table.matrix td.cell-healthy.cell-g-vanishing, table.matrix td.cell-healthy.cell-g-exploding { background: #fff1d6; }
table.matrix td.cell-overflow, table.matrix td.cell-errored, table.matrix td.cell-dead, table.matrix td.cell-exploding { background: #ffebe9; }
table.matrix td.cell-unjudged { background: var(--soft); }
.folds { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; }
.folds > details { flex: 1 1 320px; }
details.toc, details.settings { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 0.2rem 1rem; margin: 0.4rem 0; }
section.activation:first-of-type > h2 { margin-top: 0.4rem; }
section.activation:first-of-type .figure-row h3 { margin-top: 0.2rem; }
details > summary { cursor: pointer; font-weight: 600; }
details.settings h2 { margin-top: 1rem; }
nav.toc { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1.2rem; margin: 1.2rem 0; }
details.toc nav ul { margin: 0.2rem 0; padding-left: 1.2rem; }
details.toc nav > ul { columns: 2 22rem; }
details.toc nav li { break-inside: avoid; }
.chart { margin: 0 0 1.2rem; min-width: 0; }
.chart figcaption p { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.9rem; }
.view { overflow-x: auto; }
.figure-row { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start; }
.figure-row > .chart { flex: 0 1 auto; max-width: 100%; }
.figure-row > aside { flex: 1 1 240px; max-width: 420px; font-size: 0.92rem; padding-top: 2.6rem; }
.charts-row { display: flex; flex-wrap: wrap; gap: 8px 40px; }
.charts-row > .chart { flex: 0 1 470px; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict-healthy { color: var(--ok); }
.verdict-saturated, .verdict-collapsed, .verdict-exploding, .verdict-dead { color: #9a6700; }
.verdict-overflow, .verdict-errored { color: var(--warn); }
.phase { font-weight: 600; white-space: nowrap; }
.phase-ordered { color: #0969da; }
.phase-critical { color: var(--ok); }
.phase-chaotic { color: #bc4c00; }
.phase-diverging { color: var(--warn); }
.gradients { margin-top: 2rem; padding-top: 0.4rem; border-top: 1px dashed var(--line); }
ul.trends { padding-left: 1.2rem; }
.points td, .points th { font-variant-numeric: tabular-nums; }
.callout { border-left: 4px solid var(--warn); background: #fff5f4; padding: 0.5rem 1rem; margin: 1rem 0; border-radius: 0 6px 6px 0; }
.callout ul { margin: 0.2rem 0; }
.error { color: var(--warn); }
.vega-embed { max-width: 100%; }
`;

const bootstrap = `
(function () {
  var payload = JSON.parse(document.getElementById('initscope-charts').textContent);
  window.initscopeCharts = Promise.allSettled(payload.charts.map(function (chart) {
    var view = document.getElementById(chart.id + '-view');
    var options = Object.assign({ downloadFileName: chart.id, expr: vega.expressionInterpreter }, payload.embed);
    return vegaEmbed(view, chart.spec, options).then(function () {
      view.setAttribute('data-rendered', 'true');
      return chart.id;
    }, function (error) {
      view.setAttribute('data-rendered', 'error');
      view.textContent = String(error && error.message || error);
      console.error('Chart "' + chart.id + '" failed:', error);
      throw error;
    });
  }));
})();
`;

/** The HTML block of a chart: heading, description, and the element the chart renders into. */
export function chartBlock(chart: PageChart, headingLevel = 3): string {
  const h = `h${headingLevel}`;
  const description = chart.description ? `<p>${escapeHtml(chart.description)}</p>` : '';
  return `<figure class="chart" id="${escapeHtml(chart.id)}"><figcaption><${h}>${escapeHtml(chart.title)}</${h}>${description}</figcaption><div class="view" id="${escapeHtml(chart.id)}-view" data-chart="${escapeHtml(chart.id)}"></div></figure>`;
}

/**
 * The one page skeleton: a self-contained HTML document with vega, vega-lite and vega-embed inlined
 * (works from `file://` with no network), the charts' specs as JSON, and export actions (SVG/PNG)
 * on every chart.
 */
export function renderPage(parts: PageParts): string {
  const messages = messagesFor(parts.lang);
  const payload = {
    charts: parts.charts.map(({ id, spec }) => ({ id, spec })),
    embed: {
      renderer: 'svg',
      ast: true,
      actions: { export: true, source: false, compiled: false, editor: false },
      i18n: messages.embedI18n,
    },
  };
  const scripts = vegaBundles()
    .map((bundle) => `<script>${escapeScript(bundle)}</script>`)
    .join('\n');
  return `<!doctype html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="generator" content="initscope">
<link rel="icon" href="data:,">
<title>${escapeHtml(parts.title)}</title>
<style>:root { --font: ${messages.fontStack}; }${styles}</style>
</head>
<body>
<main>
${parts.body}
</main>
${scripts}
<script type="application/json" id="initscope-charts">${jsonForScript(payload)}</script>
<script>${escapeScript(bootstrap)}</script>
</body>
</html>
`;
}

/** A generic offline page of charts: title, optional intro, then each chart with its heading. */
export function renderChartsPage(page: ChartsPage): string {
  const lang = page.lang ?? defaultLang;
  const intro = page.intro ? `<p>${escapeHtml(page.intro)}</p>` : '';
  const blocks = page.charts.map((chart) => chartBlock(chart, 2)).join('\n');
  return renderPage({
    lang,
    title: page.title,
    body: `<header><h1>${escapeHtml(page.title)}</h1>${intro}</header>\n${blocks}`,
    charts: page.charts,
  });
}
