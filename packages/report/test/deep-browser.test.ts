/**
 * Deep zoo runs (20 and 50 layers) in Chromium at 1280 px, from file:// with no network: the grid
 * shows its chosen layers with every column and row label in view and no sideways scroll, every
 * run has its distribution chart, no tick labels overlap, no legend or header label is cut, the
 * charts' "…" buttons cover no text, and every initializer's line is visible in the per-layer charts.
 * Screenshots go to packages/report/test-output/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweep } from '@initscope/sim';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyChromium, openOffline } from '../../../testing/offline-browser.js';
import { gridLayers } from '../src/grid-layers.js';
import { renderReport } from '../src/index.js';
import { initPalette } from '../src/specs/theme.js';

const browserTimeout = 300_000;
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const chromium = lazyChromium('initscope-deep-');
const { workDir, browser } = chromium;
afterAll(() => chromium.close());

const activations = ['relu', 'tanh', 'gelu', 'softsign', 'selu', 'leaky-relu:0.2'];
const inits = ['std:1', 'xavier', 'he', 'lecun', 'orthogonal:auto', 'glorot-uniform'];

/** Boxes of text, in page px. */
interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Labels closer than this (px) read as one ("1e+372e+37"). */
const labelGap = 2;

/** Two boxes overlap, or come closer than {@link labelGap} both ways. */
function overlap(a: Box, b: Box): boolean {
  const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return dx > -labelGap && dy > -labelGap;
}

/** Per axis of every chart, the boxes of its visible tick labels. */
async function axisLabelBoxes(page: Page): Promise<{ chart: string; labels: Box[] }[]> {
  return page.$$eval('.view', (views) =>
    views.flatMap((view) =>
      [...view.querySelectorAll('svg.marks g.role-axis')].map((axis) => ({
        chart: view.id,
        labels: [...axis.querySelectorAll('g.role-axis-label text')]
          .filter(
            (text) =>
              Number(getComputedStyle(text).opacity) > 0 && text.getAttribute('opacity') !== '0',
          )
          .map((text) => {
            const r = text.getBoundingClientRect();
            return {
              text: text.textContent ?? '',
              x: r.x,
              y: r.y,
              width: r.width,
              height: r.height,
            };
          }),
      })),
    ),
  );
}

/** Pixels of each palette color (also antialiased over white) in a chart's plot, legend left out, drawn from its SVG into a canvas. */
async function colorPixels(page: Page, viewId: string): Promise<number[]> {
  return page.evaluate(
    async ([id, palette]) => {
      const shown = document.querySelector(`#${id} svg.marks`) as SVGSVGElement;
      const { width, height } = shown.getBoundingClientRect();
      // the plot only: legend symbols carry every color whether or not its line shows
      const svg = shown.cloneNode(true) as SVGSVGElement;
      for (const legend of svg.querySelectorAll('g.role-legend')) legend.remove();
      const source = new XMLSerializer().serializeToString(svg);
      const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
      const image = new Image();
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = reject;
        image.src = url;
      });
      const canvas = document.createElement('canvas');
      // drawn 3× larger, so the inside of a 2 px line is whole pixels of its color
      canvas.width = Math.ceil(3 * width);
      canvas.height = Math.ceil(3 * height);
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const rgb = (palette as string[]).map((hex) =>
        [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)),
      );
      // A pixel of color c drawn over white with coverage α is 255 − α·(255 − c) in every channel
      // (antialiased edges of thin lines): count it for c when one α ≥ 0.35 fits all three channels.
      const counts = rgb.map(() => 0);
      for (let p = 0; p < data.length; p += 4) {
        const pixel = [data[p], data[p + 1], data[p + 2]] as number[];
        rgb.forEach((c, i) => {
          const deepest = [0, 1, 2].reduce((a, b) =>
            255 - (c[a] as number) >= 255 - (c[b] as number) ? a : b,
          );
          const alpha = (255 - (pixel[deepest] as number)) / (255 - (c[deepest] as number));
          if (alpha < 0.35 || alpha > 1.05) return;
          const fits = [0, 1, 2].every(
            (ch) =>
              Math.abs((pixel[ch] as number) - (255 - alpha * (255 - (c[ch] as number)))) <= 10,
          );
          if (fits) counts[i] = (counts[i] as number) + 1 / 9;
        });
      }
      return counts;
    },
    [viewId, initPalette] as const,
  );
}

describe.each([20, 50])('a %i-layer zoo run in Chromium at 1280 px', (layers) => {
  it(
    'shows chosen layers with labels in view, a distribution chart per activation, and no collisions, cut labels or hidden lines',
    async () => {
      const results = await sweep({
        activations: activations.join(','),
        inits: inits.join(','),
        layers,
        width: 64,
        samples: 100,
      });
      const html = renderReport(results);
      const file = join(workDir, `deep-${layers}.html`);
      writeFileSync(file, html);
      const { page, network, errors, settled, views } = await openOffline(await browser(), file);
      expect(network, 'network requests').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
      expect(settled.filter((status) => status !== 'ok')).toEqual([]);
      for (const view of views) expect(view.rendered, view.id).toBe('true');

      const shown = gridLayers(layers);
      expect(shown[0]).toBe(1);
      expect(shown.at(-1)).toBe(layers);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(`the grid shows layers ${shown.join(', ')}`);
      expect(main).toContain('the distribution chart below covers every layer');

      const ids = ['relu', 'tanh', 'gelu', 'softsign', 'selu', 'leaky-relu-0-2'];
      for (const view of views) {
        // no chart scrolls sideways: everything drawn is in view
        const { scroll, client } = await page.$eval(`#${view.id}`, (element) => ({
          scroll: element.scrollWidth,
          client: element.clientWidth,
        }));
        expect(scroll, `${view.id} scrolls sideways`).toBeLessThanOrEqual(client);
      }
      const viewport = page.viewportSize()?.width ?? 0;
      for (const id of ids.filter((a) => views.some((v) => v.id === `${a}-histograms-view`))) {
        const grid = `#${id}-histograms-view svg.marks`;
        const headers = await page.$$eval(`${grid} g.role-column-header text`, (texts) =>
          texts.map((text) => {
            const r = text.getBoundingClientRect();
            return { text: text.textContent ?? '', right: r.right, left: r.left };
          }),
        );
        expect(
          headers.map((h) => h.text),
          id,
        ).toEqual(shown.map((layer) => `${layer}-layer`));
        for (const header of headers) {
          expect(header.left, `${id} ${header.text}`).toBeGreaterThanOrEqual(0);
          expect(header.right, `${id} ${header.text}`).toBeLessThanOrEqual(viewport);
        }
        const rows = await page.$$eval(`${grid} g.role-row-header text`, (texts) =>
          texts.map((text) => {
            const r = text.getBoundingClientRect();
            return { text: text.textContent ?? '', left: r.left };
          }),
        );
        expect(
          rows.map((row) => row.text).filter((text) => inits.includes(text)),
          id,
        ).toEqual(inits);
        for (const row of rows) expect(row.left, `${id} ${row.text}`).toBeGreaterThanOrEqual(0);
        // the distribution chart: 4 bands and a median line per initializer
        const distribution = views.find((v) => v.id === `${id}-distribution-view`);
        expect(distribution?.lines, id).toBe(inits.length);
        const areas = await page
          .locator(`#${id}-distribution-view svg.marks .mark-area path`)
          .count();
        expect(areas, id).toBe(inits.length * 4);
      }

      // no two visible tick labels of one axis overlap or touch
      const axes = await axisLabelBoxes(page);
      expect(axes.length).toBeGreaterThan(50);
      for (const { chart, labels } of axes) {
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const [a, b] = [labels[i] as Box, labels[j] as Box];
            expect(overlap(a, b), `${chart}: "${a.text}" overlaps "${b.text}"`).toBe(false);
          }
        }
      }

      // no label cut with an ellipsis; every legend lists whole initializer names
      const cut = await page.$$eval('svg.marks text', (texts) =>
        texts.map((text) => text.textContent ?? '').filter((text) => text.endsWith('…')),
      );
      expect(cut).toEqual([]);
      const legends = await page.$$eval('#relu-std-view g.role-legend-label text', (texts) =>
        texts.map((text) => text.textContent),
      );
      expect(legends).toEqual(inits);

      // the "…" button of a chart covers none of its text
      const covered = await page.$$eval('.view', (elements) =>
        elements.flatMap((view) => {
          const button = view.querySelector('.vega-embed > details > summary');
          if (!button) return [];
          const b = button.getBoundingClientRect();
          return [...view.querySelectorAll('svg.marks text')]
            .filter((text) => (text.textContent ?? '').trim() !== '')
            .filter((text) => {
              const r = text.getBoundingClientRect();
              const dx = Math.min(r.right, b.right) - Math.max(r.left, b.left);
              const dy = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
              return dx > 0.5 && dy > 0.5;
            })
            .map((text) => `${view.id}: ${text.textContent}`);
        }),
      );
      expect(covered).toEqual([]);

      // every initializer's line shows in every per-layer chart
      const lineCharts = views
        .map((v) => v.id)
        .filter((id) => /-(std|saturation|dead)-view$/.test(id));
      expect(lineCharts.length).toBeGreaterThanOrEqual(activations.length);
      for (const id of lineCharts) {
        const pixels = await colorPixels(page, id);
        inits.forEach((init, i) => {
          expect(pixels[i], `${id}: ${init}`).toBeGreaterThanOrEqual(15);
        });
      }

      mkdirSync(outputDir, { recursive: true });
      await page.screenshot({ path: join(outputDir, `deep-${layers}.png`), fullPage: true });
      await page
        .locator('section.activation')
        .first()
        .screenshot({ path: join(outputDir, `deep-${layers}-relu.png`) });
      await page.close();
    },
    browserTimeout,
  );
});
