// Declares dist/vega-texts.js, which scripts/vega-texts.mjs writes at build time (it is ~1 MB of
// minified vega, vega-lite and vega-embed, so it is generated rather than committed).

/** vega, vega-lite and vega-embed minified bundles, in load order, without source-map comments. */
export declare const vegaBundleTexts: readonly string[];
