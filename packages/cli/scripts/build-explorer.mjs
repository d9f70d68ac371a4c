// Bundles browser/explorer-worker.ts (sim + core-wasm) into dist/explorer-worker.js, one classic
// script for a blob-URL Web Worker. The WASM bytes are not in it: the page inlines them once.
import { build } from 'esbuild';

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
  logLevel: 'warning',
});
