/**
 * Opens reports from file:// in Debian's Chromium (playwright-core, no browser download) with every
 * network request refused, and checks that every chart renders with marks, with no console errors.
 * Chromium missing or failing to start fails these tests; set CHROMIUM_PATH to use another binary.
 * Screenshots go to packages/report/test-output/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyChromium, type OfflinePage, openOffline } from '../../../testing/offline-browser.js';
import {
  type ReportOptions,
  renderPhaseReport,
  renderReport,
  renderTrainingPage,
} from '../src/index.js';
import { phaseFixture, resultsFixture, trainingFixture } from './fixtures.js';
import { chartsOf } from './page-parts.js';

/** Launching, loading and rendering nine charts three times takes a few seconds; allow plenty. */
const browserTimeout = 180_000;

const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const chromium = lazyChromium('initscope-report-');
const { workDir, browser } = chromium;
afterAll(() => chromium.close());

/** Write a report to a temp file, open it over file://, and wait for every chart to settle. */
async function openReport(name: string, html: string): Promise<OfflinePage> {
  const file = join(workDir, `${name}.html`);
  writeFileSync(file, html);
  const opened = await openOffline(await browser(), file);
  expect(opened.settled.filter((status) => status !== 'ok')).toEqual([]);
  return opened;
}

/** A box in page px. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the phase heatmap's plot area (the union of its cells), its markers' centres, the labels
 * `texts` and the top of its x axis are on the page, and the χ₁ lines' legend texts.
 */
async function phaseGeometry(page: Page, texts: readonly string[]) {
  return page.evaluate((wanted) => {
    const view = document.querySelector('#phase-heatmap-view svg.marks') as SVGElement;
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const cells = [...view.querySelectorAll('.mark-rect path')].map(box);
    const plot = {
      left: Math.min(...cells.map((c) => c.left)),
      right: Math.max(...cells.map((c) => c.right)),
      top: Math.min(...cells.map((c) => c.top)),
      bottom: Math.max(...cells.map((c) => c.bottom)),
    };
    const markers = [...view.querySelectorAll('.mark-symbol path')]
      .map(box)
      .filter((b) => b.right - b.left > 6)
      .map((b) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 }));
    // each label is drawn twice (white halo, then text) at the same place: keep one
    const labels = [...view.querySelectorAll('.mark-text text')]
      .filter((t) => wanted.includes(t.textContent ?? ''))
      .map((t) => ({ text: t.textContent ?? '', ...box(t) }))
      .filter((label, i, all) => all.findIndex((other) => other.text === label.text) === i);
    const axisTop = Math.min(
      ...[...view.querySelectorAll('.role-axis-domain line, .role-axis-domain path')]
        .map(box)
        .filter((b) => b.right - b.left > 100)
        .map((b) => b.top),
    );
    const legend = [
      ...document.querySelectorAll('#phase-lines-view svg.marks .role-legend text'),
    ].map((t) => t.textContent ?? '');
    return { plot, markers, labels, axisTop, legend };
  }, texts);
}

/** Save a full-page screenshot and, when the page has them, one of the first activation's section. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  const section = page.locator('section.activation').first();
  if ((await section.count()) > 0) {
    await section.screenshot({ path: join(outputDir, `${name}-sigmoid.png`) });
  }
}

/** Render `results` with `options`, open it, and check the offline, rendering and error guarantees. */
async function checkReport(name: string, options: ReportOptions, results = resultsFixture('book')) {
  const html = renderReport(results, options);
  const expected = chartsOf(html).map((chart) => chart.id);
  const opened = await openReport(name, html);
  expect(opened.network, 'network requests').toEqual([]);
  expect(opened.errors, 'console errors').toEqual([]);
  expect(opened.views.map((view) => view.id)).toEqual(expected.map((id) => `${id}-view`));
  for (const view of opened.views) {
    expect(view.rendered, view.id).toBe('true');
    if (view.id.endsWith('-histograms-view'))
      expect(view.bars, view.id).toBeGreaterThanOrEqual(600);
    else expect(view.lines, view.id).toBeGreaterThanOrEqual(1);
  }
  await screenshots(opened.page, name);
  return opened;
}

describe('the report in Chromium, from file:// with no network', () => {
  it(
    'renders every English chart with marks and exports a PNG offline',
    async () => {
      const { page } = await checkReport('browser-en', { lang: 'en' });
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(
        '77% of layer 1’s values lie within 0.05 of a bound (counted exactly)',
      );
      expect(main).toContain('How verdicts are decided');
      const svgText = await page.locator('#sigmoid-histograms-view svg.marks').textContent();
      expect(svgText).toContain('1-layer');
      expect(svgText).toContain('std:0.01');

      const actions = await page.$$eval('#sigmoid-histograms-view .vega-actions a', (links) =>
        links.map((link) => link.textContent),
      );
      expect(actions).toEqual(['Save as SVG', 'Save as PNG']);
      await page.locator('#sigmoid-histograms-view details summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#sigmoid-histograms-view .vega-actions a', { hasText: 'PNG' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('sigmoid-histograms.png');
      await page.close();
    },
    browserTimeout,
  );

  it(
    'renders the Japanese report with Japanese text everywhere',
    async () => {
      const { page } = await checkReport('browser-ja', { lang: 'ja' });
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('重みの初期値と隠れ層のアクティベーション分布');
      expect(main).toContain('表現力の制限');
      expect(main).toContain('判定の基準');
      expect(main).not.toContain('gradients vanish');
      const svgText = await page.locator('#relu-histograms-view svg.marks').textContent();
      expect(svgText).toContain('1層目');
      expect(svgText).toContain('0: 5');
      const actions = await page.$$eval('#relu-std-view .vega-actions a', (links) =>
        links.map((link) => link.textContent),
      );
      expect(actions).toEqual(['SVG として保存', 'PNG として保存']);
      await page.close();
    },
    browserTimeout,
  );

  it(
    'renders book mode with the hidden-values note in every panel',
    async () => {
      const { page } = await checkReport(
        'browser-book',
        { book: true },
        resultsFixture('book-plot'),
      );
      for (const activation of ['sigmoid', 'relu', 'tanh']) {
        const notes = await page
          .locator(`#${activation}-histograms-view svg.marks text`, { hasText: /hides [\d,]+ / })
          .count();
        expect(notes, activation).toBe(20);
      }
      await page.close();
    },
    browserTimeout,
  );

  it(
    'renders gradients and mean-field predictions with every overlay drawn',
    async () => {
      const { page, views } = await checkReport(
        'browser-insight',
        {},
        resultsFixture('gradients-theory'),
      );
      // the first screen: takeaway, verdict matrix (both verdicts) and the first grid end within
      // 900 px at 1400 px wide, with the most a book run adds (gradients and theory)
      await page.setViewportSize({ width: 1400, height: 900 });
      const firstGrid = await page.$eval(
        '#sigmoid-histograms-view',
        (element) => element.getBoundingClientRect().bottom + window.scrollY,
      );
      expect(firstGrid).toBeLessThanOrEqual(900);
      const view = (id: string) => views.find((v) => v.id === `${id}-view`);
      for (const activation of ['sigmoid', 'relu', 'tanh']) {
        // one prediction line per panel over the bars, and its legend entry
        expect(view(`${activation}-histograms`)?.lines, activation).toBeGreaterThanOrEqual(20);
        expect(view(`${activation}-gradient-histograms`)?.bars, activation).toBeGreaterThanOrEqual(
          600,
        );
        // 4 simulated + 4 dashed predicted lines, besides the interleaved dashes (0, …) redrawn
        // where simulated lines coincide
        const overlays = (id: string) =>
          page.$$eval(
            `#${id}-view svg.marks .mark-line path`,
            (paths) =>
              paths.filter((path) => path.getAttribute('stroke-dasharray')?.startsWith('0,'))
                .length,
          );
        for (const chart of [`${activation}-std`, `${activation}-gradient-variance`]) {
          expect((view(chart)?.lines ?? 0) - (await overlays(chart)), chart).toBe(8);
        }
        expect(view(`${activation}-weight-gradients`)?.lines, activation).toBe(4);
      }
      const legend = await page.locator('#tanh-histograms-view svg.marks').textContent();
      expect(legend).toContain('mean-field prediction');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Mean-field theory');
      expect(main).toContain('ordered (χ₁ = 0.5)');
      expect(main).toMatch(/std:1: gradients grow on the way down/);
      await page
        .locator('#relu-gradients')
        .screenshot({ path: join(outputDir, 'browser-insight-relu-gradients.png') });
      await page
        .locator('#tanh-histograms')
        .screenshot({ path: join(outputDir, 'browser-insight-tanh-histograms.png') });
      await page.close();
    },
    browserTimeout,
  );

  it(
    'renders the phase diagram page with cells, the edge of chaos and labelled points',
    async () => {
      const diagram = phaseFixture('tanh');
      const html = renderPhaseReport(diagram, { lang: 'ja' });
      const { page, network, errors, views } = await openReport('browser-phase', html);
      expect(network, 'network requests').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
      expect(views.map((v) => [v.id, v.rendered])).toEqual([
        ['phase-heatmap-view', 'true'],
        ['phase-lines-view', 'true'],
      ]);
      const [heatmap, lines] = views;
      expect(heatmap?.bars).toBeGreaterThanOrEqual(diagram.sigmaW2.length * diagram.sigmaB2.length);
      expect(heatmap?.lines).toBe(1);
      expect(heatmap?.symbols).toBeGreaterThanOrEqual(diagram.points.length);
      expect(lines?.lines).toBe(6);
      const svgText = await page.locator('#phase-heatmap-view svg.marks').textContent();
      for (const label of ['χ₁ = 1：カオスの縁', 'xavier', 'he', 'std:1', 'std:0.01'])
        expect(svgText).toContain(label);
      expect(svgText).not.toMatch(/[◀▶▲▼]/);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      const geometry = await phaseGeometry(page, ['std:1', 'std:0.01', 'xavier', 'he']);
      // the heatmap's cells tile its plot area; every marker sits inside it with room to spare
      expect(geometry.markers, JSON.stringify(geometry.markers)).toHaveLength(4);
      for (const marker of geometry.markers) {
        expect(marker.x).toBeGreaterThan(geometry.plot.left + 20);
        expect(marker.x).toBeLessThan(geometry.plot.right - 20);
        expect(marker.y).toBeGreaterThan(geometry.plot.top);
        expect(marker.y).toBeLessThan(geometry.plot.bottom);
      }
      // each label is inside the plot, above its marker, clear of the x axis and of the others
      expect(geometry.labels.map((label) => label.text).sort()).toEqual([
        'he',
        'std:0.01',
        'std:1',
        'xavier',
      ]);
      for (const label of geometry.labels) {
        expect(label.left, label.text).toBeGreaterThanOrEqual(geometry.plot.left - 1);
        expect(label.right, label.text).toBeLessThanOrEqual(geometry.plot.right + 1);
        expect(label.bottom, label.text).toBeLessThan(geometry.axisTop - 4);
        const below = geometry.markers.filter(
          (m) => m.x >= label.left - 1 && m.x <= label.right + 1 && m.y > label.bottom,
        );
        expect(below.length, label.text).toBeGreaterThan(0);
      }
      for (const [i, a] of geometry.labels.entries())
        for (const b of geometry.labels.slice(i + 1))
          expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
      // the χ₁ lines' legend lists six σ_b² values in full
      expect([...geometry.legend].sort()).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', 'σ_b²']);
      await screenshots(page, 'browser-phase');
      await page.locator('#phase-heatmap-view').screenshot({
        path: join(outputDir, 'browser-phase-heatmap.png'),
      });
      await page.close();
    },
    browserTimeout,
  );

  it(
    'renders the training page (--seeds) with every chart drawn, axes titled and legends whole',
    async () => {
      const training = trainingFixture();
      for (const lang of ['en', 'ja'] as const) {
        const html = renderTrainingPage(training, { lang });
        const expected = chartsOf(html).map((chart) => `${chart.id}-view`);
        const { page, network, errors, views } = await openReport(`browser-training-${lang}`, html);
        expect(network, 'network requests').toEqual([]);
        expect(errors, 'console errors').toEqual([]);
        expect(views.map((view) => view.id)).toEqual(expected);
        const view = (id: string) => views.find((v) => v.id === `${id}-view`);
        for (const v of views) expect(v.rendered, v.id).toBe('true');
        const inits = training.runs.map((r) => r.init);
        // loss: a raw and a smooth line per initializer over its 10–90% band
        expect(view('loss')?.lines).toBe(2 * inits.length);
        // accuracy: a line per initializer with a point per evaluation (and a legend symbol each)
        expect(view('accuracy')?.lines).toBe(inits.length);
        expect(view('accuracy')?.symbols).toBe(
          training.runs.reduce((n, r) => n + (r.band?.evals.length ?? 0), 0) + inits.length,
        );
        const layers = training.runs[0]?.checkpoints[0]?.layers.length ?? 0;
        expect(view('update-ratio')?.lines).toBe(inits.length * layers);
        const areas = (id: string) =>
          page.$$eval(`#${id}-view svg.marks .mark-area path`, (paths) => paths.length);
        expect(await areas('loss')).toBe(inits.length);
        expect(await areas('accuracy')).toBe(inits.length);
        for (const [i, r] of training.runs.entries())
          for (const which of ['activations', 'gradients'])
            expect(await areas(`run-${i + 1}-${which}`), `${r.init} ${which}`).toBe(
              r.checkpoints.length * layers,
            );
        // axes have ticks and titles; the legend names every initializer inside its svg
        for (const id of ['loss', 'accuracy', 'update-ratio']) {
          const geometry = await page.$eval(`#${id}-view svg.marks`, (svg) => {
            const box = svg.getBoundingClientRect();
            const legend = [...svg.querySelectorAll('.role-legend text')].map((t) => {
              const r = t.getBoundingClientRect();
              return { text: t.textContent ?? '', inside: r.right <= box.right + 0.5 };
            });
            return {
              ticks: svg.querySelectorAll('.role-axis-tick line').length,
              titles: [...svg.querySelectorAll('.role-axis-title text')].map(
                (t) => t.textContent ?? '',
              ),
              legend,
            };
          });
          expect(geometry.ticks, id).toBeGreaterThanOrEqual(6);
          expect(geometry.titles.length, id).toBeGreaterThanOrEqual(2);
          for (const init of inits)
            expect(
              geometry.legend.find((l) => l.text === init),
              `${id} legend ${init}`,
            ).toMatchObject({ inside: true });
        }
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const titles = await page
          .locator('#loss-view svg.marks .role-axis-title')
          .allTextContents();
        expect(titles.join(' ')).toContain(lang === 'en' ? 'iteration' : '反復');
        await screenshots(page, `browser-training-${lang}`);
        await page.close();
      }
    },
    browserTimeout,
  );
});
