/**
 * End to end, as a user runs it: `initscope run` (default, --lang ja, --book, --gradients --theory)
 * and `initscope phase` write pages that Debian's Chromium opens from file:// with every network
 * request refused, no console errors, and marks in every chart.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './fixtures.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
let launched: Promise<Browser> | undefined;

function browser(): Promise<Browser> {
  launched ??= (async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium is not installed at ${executablePath}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`,
      );
    }
    try {
      return await chromium.launch({ executablePath, args: launchArgs });
    } catch (error) {
      throw new Error(`Chromium could not be launched from ${executablePath}: ${error}`);
    }
  })();
  return launched;
}

afterAll(async () => {
  await (await launched?.catch(() => undefined))?.close();
});

/** Opens a page file, waits for every chart, and returns what it saw. */
async function open(file: string, name: string) {
  const page = await (await browser()).newPage({ viewport: { width: 1280, height: 900 } });
  const network: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    network.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const settled = await page.evaluate(async () => {
    const charts = (
      window as unknown as { initscopeCharts: Promise<PromiseSettledResult<string>[]> }
    ).initscopeCharts;
    return (await charts).map((result) => result.status);
  });
  const views = await page.$$eval('.view', (elements) =>
    elements.map((element) => ({
      id: element.id,
      rendered: (element as HTMLElement).dataset.rendered,
      marks: element.querySelectorAll(
        'svg.marks .mark-rect path, svg.marks .mark-line path, svg.marks .mark-symbol path',
      ).length,
    })),
  );
  const text = (await page.locator('body').textContent()) ?? '';
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  await page.close();
  return { network, errors, settled, views, text };
}

const timeout = 120_000;

describe('reports written by the command, in Chromium with no network', () => {
  it.each([
    ['default', [], 'saturated: gradients vanish', 9],
    ['ja', ['--lang', 'ja'], '飽和: 勾配が消失する', 9],
    ['book', ['--book'], 'hides', 9],
    ['insight', ['--gradients', '--theory', '--samples', '500'], 'mean-field prediction', 18],
  ] as const)(
    '%s: every chart renders with marks',
    async (name, args, expectedText, minCharts) => {
      const dir = tempDir();
      const out = join(dir, 'report.html');
      const { code, stderr } = await cli('run', '--quiet', '--out', out, ...args);
      expect([code, stderr]).toEqual([0, '']);
      expect(readFileSync(out).length).toBeLessThan(2 * 2 ** 20);
      const page = await open(out, `cli-${name}`);
      expect(page.network, 'network requests').toEqual([]);
      expect(page.errors, 'console errors').toEqual([]);
      expect(page.settled.every((status) => status === 'fulfilled')).toBe(true);
      expect(page.views.length).toBeGreaterThanOrEqual(minCharts);
      for (const view of page.views) {
        expect(view.rendered, view.id).toBe('true');
        expect(view.marks, view.id).toBeGreaterThan(0);
      }
      expect(page.text).toContain(expectedText);
    },
    timeout,
  );

  it(
    'phase: the heatmap, the edge of chaos and the placed initializers render',
    async () => {
      const dir = tempDir();
      const out = join(dir, 'phase.html');
      const { code } = await cli('phase', '--activation', 'tanh', '--quiet', '--out', out);
      expect(code).toBe(0);
      const page = await open(out, 'cli-phase');
      expect(page.network).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(page.views.length).toBeGreaterThanOrEqual(1);
      for (const view of page.views) expect(view.marks, view.id).toBeGreaterThan(0);
      expect(page.text).toContain('xavier');
    },
    timeout,
  );
});
