// Bundles browser/explorer-worker.ts (sim + core-wasm + report's renderReport and explorer views) into
// dist/explorer-worker.js, one classic script for a blob-URL Web Worker. The WASM bytes are not in it
// (the page inlines them once), nor are the vega bundles: @initscope/report is taken from its Node entry
// (no static Node import; its "browser" entry would carry the vega texts as module text), and the
// page hands the worker the texts it already inlines (report's provideVegaBundles) for "export report".
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const reportNodeEntry = createRequire(import.meta.url).resolve('@initscope/report');

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
      name: 'report-without-vega-texts',
      setup(b) {
        b.onResolve({ filter: /^@initscope\/report$/ }, () => ({ path: reportNodeEntry }));
      },
    },
  ],
  logLevel: 'warning',
});
