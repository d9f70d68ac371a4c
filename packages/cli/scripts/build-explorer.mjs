// Bundles browser/explorer-worker.ts (sim + core-wasm + report's renderReport) into
// dist/explorer-worker.js, one classic script for a blob-URL Web Worker. The WASM bytes are not in it
// (the page inlines them once), nor are the vega bundles: report's bundles.js (node:fs) is swapped for
// browser/vega-bundles.ts, which returns the texts the page hands over from its own <script> tags.
import { build } from 'esbuild';

const vegaBundlesShim = new URL('../browser/vega-bundles.ts', import.meta.url).pathname;

await build({
  entryPoints: [new URL('../browser/explorer-worker.ts', import.meta.url).pathname],
  outfile: new URL('../dist/explorer-worker.js', import.meta.url).pathname,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // core-wasm locates its default .wasm from import.meta.url; the worker always passes the bytes.
  define: { 'import.meta.url': '"file:///initscope/explorer-worker.js"' },
  plugins: [
    {
      name: 'report-vega-bundles',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\/bundles\.js$/ }, (args) =>
          /[\\/]report[\\/](dist|src)[\\/]/.test(args.importer)
            ? { path: vegaBundlesShim }
            : undefined,
        );
      },
    },
  ],
  logLevel: 'warning',
});
