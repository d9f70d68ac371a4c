/**
 * Seed bands (`--seeds K`) in Chromium at 1280 px, from file:// with no network: the std chart fits
 * its half-page column and the envelope grid, as wide as the histogram grid, fits the page, with
 * every layer column and initializer row in view and nothing to scroll sideways.
 * Screenshots go to packages/report/test-output/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweep } from '@initscope/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyChromium, openOffline } from '../../../testing/offline-browser.js';
import { gridLayers } from '../src/grid-layers.js';
import { renderReport } from '../src/index.js';

const browserTimeout = 180_000;
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const chromium = lazyChromium('initscope-seed-bands-');
const { workDir, browser } = chromium;
afterAll(() => chromium.close());

const activations = ['sigmoid', 'tanh'];
const inits = ['std:1', 'std:0.01', 'xavier', 'he'];

describe.each([5, 10])('the seed bands of a %i-layer run in Chromium at 1280 px', (layers) => {
  it(
    'fit the page: every layer column and initializer row in view, no chart wider than its view',
    async () => {
      const results = await sweep({
        activations: activations.join(','),
        inits: inits.join(','),
        layers,
        width: 30,
        samples: 80,
        seeds: 3,
      });
      const file = join(workDir, `seed-bands-${layers}.html`);
      writeFileSync(file, renderReport(results));
      const { page, network, errors, settled, views } = await openOffline(await browser(), file);
      expect(network, 'network requests').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
      expect(settled.filter((status) => status !== 'ok')).toEqual([]);

      const shown = gridLayers(layers);
      for (const activation of activations) {
        for (const chart of ['seed-std', 'seed-histograms']) {
          const id = `${activation}-${chart}-view`;
          expect(views.find((view) => view.id === id)?.rendered, id).toBe('true');
          // the chart's svg lies within its view, which does not scroll sideways
          const fit = await page.$eval(`#${id}`, (view) => {
            const svg = (view.querySelector('svg.marks') as SVGElement).getBoundingClientRect();
            const box = view.getBoundingClientRect();
            return {
              svg: svg.width,
              left: svg.left - box.left,
              right: box.right - svg.right,
              scroll: view.scrollWidth,
              client: view.clientWidth,
            };
          });
          expect(fit.scroll, `${id} scrolls sideways: ${JSON.stringify(fit)}`).toBeLessThanOrEqual(
            fit.client,
          );
          expect(fit.left, id).toBeGreaterThanOrEqual(0);
          expect(
            fit.right,
            `${id} is past its view's edge: ${JSON.stringify(fit)}`,
          ).toBeGreaterThanOrEqual(0);
        }
        // the envelope grid has the histogram grid's columns and a row per initializer, all in view
        const grid = `#${activation}-seed-histograms-view`;
        const right = await page.$eval(grid, (view) => view.getBoundingClientRect().right);
        const headers = await page.$$eval(`${grid} svg.marks g.role-column-header text`, (texts) =>
          texts.map((text) => ({
            text: text.textContent ?? '',
            right: text.getBoundingClientRect().right,
          })),
        );
        expect(headers.map((header) => header.text)).toEqual(
          shown.map((layer) => `${layer}-layer`),
        );
        for (const header of headers) expect(header.right, header.text).toBeLessThanOrEqual(right);
        const rows = await page.$$eval(`${grid} svg.marks g.role-row-header text`, (texts) =>
          texts.map((text) => text.textContent ?? ''),
        );
        expect(rows.filter((text) => inits.includes(text))).toEqual(inits);
        const areas = await page.locator(`${grid} svg.marks .mark-area path`).count();
        expect(areas).toBe(inits.length * shown.length);
      }

      mkdirSync(outputDir, { recursive: true });
      await page
        .locator('#sigmoid-seed-histograms')
        .screenshot({ path: join(outputDir, `seed-bands-${layers}-envelope.png`) });
      await page.close();
    },
    browserTimeout,
  );
});
