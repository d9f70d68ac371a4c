/**
 * Stands in for @initscope/report's bundles.ts inside the explorer's worker (scripts/build-explorer.mjs
 * swaps it in): no node:fs there, and the page already inlines vega, vega-lite and vega-embed, so it
 * sends their texts (read from its own <script> tags) instead of the worker shipping them a second time.
 */
let provided: string[] | undefined;

/** Sets the bundle texts, in load order (vega, vega-lite, vega-embed). */
export function provideVegaBundles(texts: string[]): void {
  provided = texts;
}

/** The texts renderReport inlines; an error until the page has provided them. */
export function vegaBundles(): string[] {
  if (!provided) throw new Error('the page has not sent the vega bundles to the worker');
  return provided;
}
