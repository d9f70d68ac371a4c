/**
 * End to end, as a user runs it: `initscope run` (default, --lang ja, --book, --gradients --theory)
 * and `initscope phase` write pages that Debian's Chromium opens from file:// with every network
 * request refused, no console errors, and marks in every chart.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyChromium, openOffline } from '../../../testing/offline-browser.js';
import { cli, tempDir } from './fixtures.js';

const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const chromium = lazyChromium('initscope-cli-browser-');
afterAll(() => chromium.close());

/** Opens a page file offline, waits for every chart, saves a screenshot, and returns what it saw. */
async function open(file: string, name: string) {
  const { page, network, errors, settled, views } = await openOffline(
    await chromium.browser(),
    file,
  );
  const text = (await page.locator('body').textContent()) ?? '';
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  await page.close();
  const marks = views.map((view) => ({ ...view, marks: view.bars + view.lines + view.symbols }));
  return { network, errors, settled, views: marks, text };
}

const timeout = 120_000;

describe('reports written by the command, in Chromium with no network', () => {
  it.each([
    ['default', [], 'of a bound (counted exactly)', 9],
    ['ja', ['--lang', 'ja'], '表現力の制限', 9],
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
      expect(page.settled.filter((status) => status !== 'ok')).toEqual([]);
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
