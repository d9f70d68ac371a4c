/**
 * `import { sweep } from '@initscope/sim'` in a browser bundle: vite bundles test/browser-app, a
 * local HTTP server serves it (the WASM module is fetched as application/wasm), and Debian's Chromium
 * runs it. The simulation must be byte-identical to Node's (the same WASM), the mean-field
 * predictions equal to 1e-9 (they use the JS engine's Math).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../testing/offline-browser.js';
import { sweep } from '../src/index.js';
import { browserSweepOptions } from './browser-app/options.js';

const appRoot = fileURLToPath(new URL('./browser-app/', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'initscope-sim-browser-'));
const outDir = join(workDir, 'dist');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};
let server: Server | undefined;

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(workDir, { recursive: true, force: true });
});

/** Serves `root` on 127.0.0.1 (an ephemeral port) and returns its base URL. */
async function serve(root: string): Promise<string> {
  const listening = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`;
}

describe('@initscope/sim in a browser bundle', () => {
  it('runs a sweep in Chromium with the same JSON as Node', async () => {
    await build({
      root: appRoot,
      logLevel: 'silent',
      resolve: { conditions: ['@initscope/source', 'browser', 'module', 'import', 'default'] },
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    const base = await serve(outDir);
    const context = await launchChromium(join(workDir, 'profile'));
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(base, { waitUntil: 'load' });
      const json = await page.evaluate(
        () => (window as unknown as { initscopeResult: Promise<string> }).initscopeResult,
      );
      expect(errors).toEqual([]);
      const node = await sweep(browserSweepOptions);
      const browser = JSON.parse(json) as typeof node;
      // The simulation runs in WASM: every value is the same bit for bit. The mean-field predictions
      // use the engine's Math.exp/log/erf, which may differ in the last bits between V8 versions.
      const withoutTheory = (results: typeof node) =>
        JSON.stringify(results, (key, value) => (key === 'theory' ? undefined : value));
      expect(withoutTheory(browser)).toBe(withoutTheory(node));
      browser.runs.forEach((run, r) => {
        run.layers.forEach((layer, l) => {
          const theirs = node.runs[r]?.layers[l]?.theory;
          for (const [key, value] of Object.entries(layer.theory ?? {})) {
            const want = theirs?.[key as keyof typeof theirs];
            const values = Array.isArray(value) ? value : [value];
            const wanted = Array.isArray(want) ? want : [want];
            values.forEach((v, i) => {
              const w = wanted[i] as number | null;
              if (v === null || w === null) expect(v).toBe(w);
              else expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
            });
          }
        });
      });
    } finally {
      await context.close();
    }
  }, 120_000);
});
