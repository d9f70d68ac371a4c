/** Helpers that take a rendered page apart and render its specs in Node, for the report tests. */
import * as vega from 'vega';
import { compile } from 'vega-lite';

/** A chart as the page embeds it. */
export interface EmbeddedChart {
  id: string;
  spec: Record<string, unknown>;
}

/** The charts payload of a page (`<script type="application/json" id="initscope-charts">`). */
export function chartsOf(html: string): EmbeddedChart[] {
  const match = html.match(
    /<script type="application\/json" id="initscope-charts">([\s\S]*?)<\/script>/,
  );
  if (!match?.[1]) throw new Error('The page has no charts payload.');
  return JSON.parse(match[1]).charts;
}

/** Every `id="…"` of the page. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
}

/** Every in-page link target `href="#…"`. */
export function anchorLinksOf(html: string): string[] {
  return [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** The in-page links of a page whose target id is not on the page (none, on a good page). */
export function danglingLinksOf(html: string): string[] {
  const ids = idsOf(html);
  return anchorLinksOf(html).filter((link) => !ids.has(link));
}

/** The page without its inlined vega bundles: the part initscope wrote. */
export function ownPartOf(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, (script) =>
    script.length > 20_000 ? '<script>(bundle)</script>' : script,
  );
}

/** Compile a vega-lite spec and render it to SVG in Node (no DOM, no canvas). */
export async function renderSvg(spec: object): Promise<string> {
  const compiled = compile(spec as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** One data row of a chart. */
export type Row = Record<string, unknown>;

/** The data rows of a chart's spec. */
export function rowsOf(spec: Record<string, unknown>): Row[] {
  return (spec.data as { values: Row[] }).values;
}

/** The spec of the chart `id` of a page, or `{}` when the page has no such chart. */
export function chartSpec(html: string, id: string): Record<string, unknown> {
  return chartsOf(html).find((chart) => chart.id === id)?.spec ?? {};
}

/** The data rows of the chart `id` of a page. */
export function chartRows(html: string, id: string): Row[] {
  return rowsOf(chartSpec(html, id));
}
