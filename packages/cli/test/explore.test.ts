/**
 * The live explorer end to end: `initscope explore` writes a page that Debian's Chromium opens from
 * file:// with every network request refused; after each control change the drawn per-layer
 * statistics and the exported JSON equal `initscope run --json` for the same configuration byte
 * for byte, and the URL hash restores the state.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyChromium } from '../../../testing/offline-browser.js';
import { cli, tempDir } from './fixtures.js';

const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const chromium = lazyChromium('initscope-cli-explore-');
afterAll(() => chromium.close());

interface Explorer {
  state: string;
  json: string | null;
  ms: number | null;
  embeds: number;
  options: Record<string, unknown> | null;
  view: { data(name: string): { layer: number; count: number }[] };
}

async function openPage(url: string, network: string[], errors: string[]): Promise<Page> {
  const page = await (await chromium.browser()).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith('file:')) return route.continue();
    network.push(requested);
    return route.abort();
  });
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) network.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  return page;
}

/** Waits until the newest change has been computed and drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { initscopeExplorer?: Explorer }).initscopeExplorer?.state === 'done',
    null,
    { timeout: 30_000 },
  );
}

/** What the page drew: the stats table's std per layer and the chart data's counts per layer. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const api = (window as unknown as { initscopeExplorer: Explorer }).initscopeExplorer;
    const std = [...document.querySelectorAll('#stats td[data-field="std"]')].map((td) =>
      Number((td as HTMLElement).dataset.value),
    );
    const counts: Record<string, number> = {};
    for (const row of api.view.data('table')) {
      const key = `${row.init}/${row.layer}`;
      counts[key] = (counts[key] ?? 0) + row.count;
    }
    return {
      std,
      counts,
      json: api.json ?? '',
      options: api.options ?? {},
      ms: api.ms ?? 0,
      embeds: api.embeds,
    };
  });
}

/** `initscope run --json` for the options the page computed with. */
async function runJson(options: Record<string, unknown>): Promise<string> {
  return (await runCli(options)).json;
}

/** `initscope run --out … --json …` for the options the page computed with, plus report flags. */
async function runCli(
  options: Record<string, unknown>,
  reportArgs: string[] = [],
): Promise<{ json: string; html: string }> {
  const dir = tempDir();
  const json = join(dir, 'r.json');
  const args = [
    '--activations',
    (options.activations as string[]).join(','),
    '--inits',
    (options.inits as string[]).join(','),
    '--layers',
    String(options.layers),
    '--width',
    String(options.width),
    '--samples',
    String(options.samples),
    '--bins',
    String(options.bins),
    '--seed',
    String(options.seed),
    ...(options.biasStd === undefined ? [] : ['--bias-std', String(options.biasStd)]),
    ...(options.gradients ? ['--gradients'] : []),
    ...(options.theory ? ['--theory'] : []),
    ...(options.seeds === undefined ? [] : ['--seeds', String(options.seeds)]),
  ];
  const { code, stderr } = await cli(
    'run',
    '--quiet',
    '--out',
    join(dir, 'r.html'),
    '--json',
    json,
    ...args,
    ...reportArgs,
  );
  expect([code, stderr]).toEqual([0, '']);
  return { json: readFileSync(json, 'utf8'), html: readFileSync(join(dir, 'r.html'), 'utf8') };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A member computed from the mean-field theory: a `theory` block, or a verdict value whose source is theory. */
function isTheory(key: string, holder: Json): boolean {
  if (key === 'theory') return true;
  return (
    key === 'value' &&
    holder !== null &&
    typeof holder === 'object' &&
    !Array.isArray(holder) &&
    holder.source === 'theory'
  );
}

/** The document with every theory-computed member removed, as JSON text (exact comparison). */
function withoutTheory(document: Json): string {
  return JSON.stringify(document, function (this: Json, key, value) {
    return isTheory(key, this) ? undefined : value;
  });
}

/** Every theory-computed member of the document, in order. */
function theoryOf(document: Json): Json[] {
  const found: Json[] = [];
  JSON.stringify(document, function (this: Json, key, value) {
    if (isTheory(key, this)) found.push(value);
    return value;
  });
  return found;
}

/**
 * Same structure; numbers equal to 1e-10 relative (or 1e-15 absolute near zero). The depth scale
 * −1/ln χ amplifies a last-bit difference in χ by 1/|ln χ| (≈ 2600 for tanh at σ_w = 0.158), so the
 * tolerance is looser than a few ulps.
 */
function expectClose(actual: Json, expected: Json, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-10 * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-15;
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(tolerance);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    expect(actual.length, path).toBe(expected.length);
    for (const [i, item] of expected.entries())
      expectClose(actual[i] as Json, item, `${path}[${i}]`);
  } else if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    expect(Object.keys(actual), path).toEqual(Object.keys(expected));
    for (const key of Object.keys(expected)) {
      expectClose(
        (actual as Record<string, Json>)[key] as Json,
        (expected as Record<string, Json>)[key] as Json,
        `${path}.${key}`,
      );
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

async function expectSameAsCli(page: Page) {
  const seen = await drawn(page);
  const expected = await runJson(seen.options);
  if (seen.json !== expected) {
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, 'explore-mismatch-page.json'), seen.json);
    writeFileSync(join(outputDir, 'explore-mismatch-cli.json'), expected);
  }
  const results = JSON.parse(expected);
  if (seen.options.theory) {
    // The simulation is WASM (bit-identical everywhere); mean-field predictions are plain JS Math,
    // whose last bits differ between Chromium's and Node 20's V8 (seen at values ~1e-20).
    const page = JSON.parse(seen.json);
    expect(withoutTheory(page)).toEqual(withoutTheory(results));
    expectClose(theoryOf(page), theoryOf(results));
  } else {
    expect(seen.json).toBe(expected);
  }
  const runs = results.runs as {
    init: string;
    layers: { layer: number; std: number; histogram: { counts: number[] } }[];
  }[];
  expect(seen.std).toEqual(runs.flatMap((run) => run.layers.map((layer) => layer.std)));
  const counts: Record<string, number> = {};
  for (const run of runs) {
    for (const layer of run.layers) {
      counts[`${run.init}/${layer.layer}`] = layer.histogram.counts.reduce((a, b) => a + b, 0);
    }
  }
  expect(seen.counts).toEqual(counts);
  return seen;
}

const timeout = 60_000;

interface Band {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}
interface BandedRun {
  init: string;
  layers: {
    layer: number;
    histogram: { edges: number[] };
    band: { std: Band; histogram?: { median: number[]; p10: number[]; p90: number[] } };
  }[];
}

/** The text of an HTML fragment: tags removed, the report's escapes undone. */
function plainText(html: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#39;': "'",
  };
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);
}

/** The static report's verdict table rows: initializer, verdict cell, evidence (as text). */
function reportVerdicts(html: string): string[][] {
  const table = /<table class="verdicts">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr id="[^"]*"><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map(
    (row) => row.slice(1, 4).map(plainText),
  );
}

/** What the page drew for seed bands: the band charts' data and the verdict table. */
async function drawnBands(page: Page) {
  return page.evaluate(() => {
    type View = { data(name: string): Record<string, number | string>[] };
    const api = (
      window as unknown as {
        initscopeExplorer: { bandViews: Record<string, View>; bandEmbeds: number };
      }
    ).initscopeExplorer;
    const visible = (id: string) => !(document.getElementById(id) as HTMLElement).hidden;
    return {
      std: visible('band-std-figure')
        ? (api.bandViews.std?.data('band-std') ?? []).map(({ init, layer, mean, lo, hi, sd }) => ({
            init,
            layer,
            mean,
            lo,
            hi,
            sd,
          }))
        : null,
      envelope: visible('band-envelope-figure')
        ? (api.bandViews.envelope?.data('band-envelope') ?? []).map(
            ({ init, layer, x, median, p10, p90 }) => ({ init, layer, x, median, p10, p90 }),
          )
        : null,
      titles: [
        document.getElementById('band-std-title')?.textContent,
        document.getElementById('band-envelope-title')?.textContent,
      ],
      bandsShown: visible('seed-bands'),
      embeds: api.bandEmbeds,
      verdicts: [...document.querySelectorAll('#verdict-table tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ),
    };
  });
}

/**
 * The page's drawn statistics and exported JSON equal `run --json --seeds K`, its band charts hold
 * exactly the CLI's bands (std: mean, min, max, sd per layer; envelopes: median, p10, p90 per bin on
 * the first seed's bins), and its verdict table reads like `run --out --seeds K`'s.
 */
async function expectBandsAsCli(page: Page) {
  const seen = await expectSameAsCli(page);
  const seeds = seen.options.seeds as number;
  const cliRun = await runCli(seen.options);
  const runs = JSON.parse(cliRun.json).runs as BandedRun[];
  const bands = await drawnBands(page);
  expect(bands.bandsShown).toBe(true);
  const std = runs.flatMap((run) =>
    run.layers.flatMap(({ layer, band }) =>
      band.std.min !== null && band.std.min > 0
        ? [
            {
              init: run.init,
              layer,
              mean: band.std.mean,
              lo: band.std.min,
              hi: band.std.max,
              sd: band.std.sd,
            },
          ]
        : [],
    ),
  );
  expect(std.length).toBeGreaterThan(0);
  expect(bands.std).toEqual(std);
  const envelope = runs.flatMap((run) =>
    run.layers.flatMap(({ layer, band, histogram }) => {
      const h = band.histogram;
      if (!h) return [];
      return h.median.map((median, b) => ({
        init: run.init,
        layer,
        x: ((histogram.edges[b] as number) + (histogram.edges[b + 1] as number)) / 2,
        median,
        p10: h.p10[b],
        p90: h.p90[b],
      }));
    }),
  );
  expect(bands.envelope).toEqual(envelope.length > 0 ? envelope : null);
  expect(bands.titles[0]).toContain(String(seeds));
  const verdicts = reportVerdicts(cliRun.html);
  expect(verdicts.length).toBe(runs.length);
  expect(bands.verdicts).toEqual(verdicts);
  for (const [, cell] of bands.verdicts) expect(cell).toMatch(new RegExp(`/${seeds}\\b`));
  return { seen, bands, cliRun };
}

describe('initscope explore in Chromium, offline from file://', () => {
  it(
    'every control change redraws exactly what run --json computes; the hash round-trips',
    async () => {
      const file = join(tempDir(), 'explore.html');
      const { code, stderr } = await cli('explore', '--quiet', '--out', file);
      expect([code, stderr]).toEqual([0, '']);
      const network: string[] = [];
      const errors: string[] = [];
      const page = await openPage(pathToFileURL(file).href, network, errors);
      await expectSameAsCli(page);

      // The book config (1000×100, 5 layers): recompute + redraw time over a few seeds.
      // …redrawn by view.change on the one embedded view (no re-embed).
      const embeds = (await drawn(page)).embeds;
      const times: number[] = [];
      for (const seed of ['1', '2', '3', '4', '5']) {
        await page.locator('#seed').fill(seed);
        await settle(page);
        times.push((await drawn(page)).ms);
      }
      times.sort((a, b) => a - b);
      expect((await drawn(page)).embeds).toBe(embeds);
      mkdirSync(outputDir, { recursive: true });
      writeFileSync(join(outputDir, 'explore-timing.json'), `${JSON.stringify({ times })}\n`);

      const steps: [string, (p: Page) => Promise<void>][] = [
        ['activation', (p) => p.locator('#activation').selectOption('tanh')],
        ['initializer', (p) => p.locator('#init').selectOption('he')],
        [
          'phase plane press',
          async (p) => {
            const canvas = p.locator('#phase canvas');
            await canvas.waitFor();
            await p.waitForFunction(
              () =>
                (window as unknown as { initscopeExplorer: { phase?: { activation: string } } })
                  .initscopeExplorer.phase?.activation === 'tanh',
            );
            const box = await canvas.boundingBox();
            if (!box) throw new Error('no phase canvas');
            await p.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.4);
            await p.waitForFunction(
              () => (document.getElementById('init') as HTMLSelectElement).value === 'σ_w',
            );
          },
        ],
        [
          'free σ_w',
          async (p) => {
            await p.locator('#init').selectOption('σ_w');
            await p.locator('#sigma').fill('0.2');
          },
        ],
        ['depth', (p) => p.locator('#layers').fill('12')],
        ['seed', (p) => p.locator('#seed').fill('2024')],
        [
          'compare',
          async (p) => {
            await p.locator('#init2').selectOption('xavier');
            await p.locator('#init3').selectOption('std:0.01');
          },
        ],
        ['mean field', (p) => p.locator('#theory').check()],
      ];
      for (const [name, act] of steps) {
        await act(page);
        await settle(page);
        await expectSameAsCli(page);
        if (name === 'phase plane press') {
          const { options } = await drawn(page);
          expect(String((options.inits as string[])[0])).toMatch(/^std:/);
          expect(options.biasStd).toBeGreaterThan(0);
        }
      }
      const last = await drawn(page);
      expect(last.options).toMatchObject({
        activations: ['tanh'],
        layers: 12,
        seed: 2024,
        theory: true,
      });
      expect((last.options.inits as string[]).slice(1)).toEqual(['xavier', 'std:0.01']);
      expect(String((last.options.inits as string[])[0])).toMatch(/^std:/);
      // The phase plane catches up (its diagram is computed in a second worker).
      await page.waitForFunction(() => {
        const api = (
          window as unknown as {
            initscopeExplorer: {
              options: { inits: string[]; biasStd?: number };
              phase?: { points: { init: string; b: number }[] };
            };
          }
        ).initscopeExplorer;
        const points = api.phase?.points ?? [];
        return (
          points.map((p) => p.init).join() === api.options.inits.join() &&
          points.every((p) => Math.abs(p.b - (api.options.biasStd ?? 0) ** 2) < 1e-12)
        );
      });
      await page.screenshot({ path: join(outputDir, 'explore-en.png') });

      // Wide results at 1400 px: 12 layers × 3 initializers wrap into rows that fit; nothing is left
      // in a sideways scroll, and every layer's panel is drawn.
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.waitForFunction(() => {
        const chart = document.getElementById('chart') as HTMLElement;
        const canvas = chart.querySelector('canvas');
        return (
          canvas !== null &&
          chart.scrollWidth <= chart.clientWidth &&
          canvas.getBoundingClientRect().width <= chart.clientWidth
        );
      });
      await settle(page);
      await expectSameAsCli(page);
      await page.screenshot({ path: join(outputDir, 'explore-wide-1400.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // The hash restores the whole state in a fresh page.
      const url = page.url();
      expect(url).toContain('#');
      const again = await openPage(url, network, errors);
      const restored = await drawn(again);
      expect(restored.json).toBe(last.json);
      expect(again.url()).toBe(url);
      await again.close();
      await page.close();

      expect(network, 'network requests').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    timeout,
  );

  it(
    '--lang ja writes the Japanese page, computed the same way',
    async () => {
      const file = join(tempDir(), 'explore-ja.html');
      const { code } = await cli('explore', '--quiet', '--lang', 'ja', '--out', file);
      expect(code).toBe(0);
      const network: string[] = [];
      const errors: string[] = [];
      const page = await openPage(
        `${pathToFileURL(file).href}#activation=relu&init=he&layers=8`,
        network,
        errors,
      );
      const seen = await expectSameAsCli(page);
      expect(seen.options).toMatchObject({ activations: ['relu'], inits: ['he'], layers: 8 });
      expect(await page.locator('body').textContent()).toContain('活性化関数');

      // The phase-plane point from the keyboard: focusable, labelled, arrows move σ_w² / σ_b² from
      // the first initializer's point (he: σ_w² = 2, σ_b² = 0), announced in aria-valuetext.
      await page.waitForFunction(() => {
        const phase = (
          window as unknown as {
            initscopeExplorer: { phase?: { activation: string; points: { init: string }[] } };
          }
        ).initscopeExplorer.phase;
        return phase?.activation === 'relu' && phase.points[0]?.init === 'he';
      });
      const point = page.locator('#phase-point');
      expect(await point.getAttribute('tabindex')).toBe('0');
      expect(await point.getAttribute('role')).toBe('slider');
      expect(await point.getAttribute('aria-label')).toContain('σ_w²');
      expect(await point.getAttribute('aria-valuetext')).toBe('σ_w² = 2, σ_b² = 0');
      await point.focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp']) await page.keyboard.press(key);
      await settle(page);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('phase-point');
      expect(await page.locator('#init').inputValue()).toBe('σ_w');
      // σ_w² 2 → 2.1 → 2.2, σ_b² 0 → 0.02, each rounded to the sliders' 0.01 steps (log₁₀ σ_w, σ_b).
      expect(await page.locator('#sigma').inputValue()).toBe('0.17');
      expect(await page.locator('#biasStd').inputValue()).toBe('0.14');
      expect(await point.getAttribute('aria-valuetext')).toBe('σ_w² = 2.188, σ_b² = 0.0196');
      const keyed = await expectSameAsCli(page);
      expect(keyed.options).toMatchObject({ inits: ['std:0.147911'], biasStd: 0.14 });
      // Shift: σ_w² 2.188 − 1 = 1.188, rounded to log₁₀ σ_w = 0.04 → 1.202.
      await page.keyboard.press('Shift+ArrowLeft');
      await settle(page);
      expect(await point.getAttribute('aria-valuetext')).toBe('σ_w² = 1.202, σ_b² = 0.0196');

      // "export report" downloads exactly the page `initscope run --out` writes for this configuration.
      await page.locator('#logCounts').check();
      await settle(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#export-report').click(),
      ]);
      expect(download.suggestedFilename()).toBe('initscope-report.html');
      const exported = readFileSync((await download.path()) as string, 'utf8');
      const { options } = await drawn(page);
      const cliRun = await runCli(options, ['--lang', 'ja', '--log-counts']);
      if (exported !== cliRun.html) {
        mkdirSync(outputDir, { recursive: true });
        writeFileSync(join(outputDir, 'explore-report-page.html'), exported);
        writeFileSync(join(outputDir, 'explore-report-cli.html'), cliRun.html);
      }
      expect(exported.length).toBe(cliRun.html.length);
      expect(exported === cliRun.html, 'exported report = run --out bytes').toBe(true);
      await page.screenshot({ path: join(outputDir, 'explore-ja.png') });

      // A phone (390 px, one column): the 8 layers wrap, the phase plane shrinks to fit, and the page
      // itself never scrolls sideways (only the stats table, inside its own scroll box).
      await page.setViewportSize({ width: 390, height: 800 });
      await page.waitForFunction(() => {
        const chart = document.getElementById('chart') as HTMLElement;
        return (
          chart.scrollWidth <= chart.clientWidth &&
          document.documentElement.scrollWidth <= window.innerWidth
        );
      });
      await page.locator('#seed').fill('7');
      await settle(page);
      await expectSameAsCli(page);
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
      await page.screenshot({ path: join(outputDir, 'explore-ja-phone.png'), fullPage: true });
      await page.close();
      expect(network).toEqual([]);
      expect(errors).toEqual([]);
    },
    timeout,
  );

  it('seed bands: K seeds drawn as bands, envelopes and seed-agreement verdicts, as run --seeds K', async () => {
    const file = join(tempDir(), 'explore.html');
    const { code, stderr } = await cli('explore', '--quiet', '--out', file);
    expect([code, stderr]).toEqual([0, '']);
    const network: string[] = [];
    const errors: string[] = [];
    const page = await openPage(`${pathToFileURL(file).href}#bands=1`, network, errors);
    const first = await expectBandsAsCli(page);
    expect(first.seen.options).toMatchObject({ activations: ['sigmoid'], inits: ['xavier'] });
    expect(first.seen.options.seeds).toBe(8);
    expect(await page.locator('#seeds').isDisabled()).toBe(false);
    expect(await page.locator('label[for="seeds"]').textContent()).toContain('Seeds (K)');

    // The book config with K = 8: recompute + redraw time, all workers (the default) and one worker
    // in turns (each change of either a seed or the worker count is one full recompute), by view.change
    // only. The JSON is the same bytes for either count.
    const embeds = (await drawn(page)).embeds;
    const bandEmbeds = (await drawnBands(page)).embeds;
    const all = String(await page.locator('#threads').getAttribute('max'));
    expect(await page.locator('#threads').inputValue()).toBe(all);
    const times: Record<string, number[]> = { [all]: [], '1': [] };
    const workerTimes: Record<string, number[]> = { [all]: [], '1': [] };
    const measure = async (threads: string) => {
      await settle(page);
      const { ms, workerMs, used } = await page.evaluate(() => {
        const api = (
          window as unknown as {
            initscopeExplorer: { ms: number; workerMs: number; threads: number };
          }
        ).initscopeExplorer;
        return { ms: api.ms, workerMs: api.workerMs, used: api.threads };
      });
      expect(used).toBe(Number(threads));
      times[threads]?.push(ms);
      workerTimes[threads]?.push(workerMs);
    };
    for (const seed of ['1', '2', '3', '4', '5', '6', '7']) {
      await page.locator('#seed').fill(seed);
      await measure(all);
      await page.locator('#threads').fill('1');
      await measure('1');
      if (seed === '1') await expectBandsAsCli(page);
      await page.locator('#seed').fill(`${seed}0`);
      await measure('1');
      await page.locator('#threads').fill(all);
      await measure(all);
    }
    expect((await drawn(page)).embeds).toBe(embeds);
    expect((await drawnBands(page)).embeds).toBe(bandEmbeds);
    const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(
      join(outputDir, 'explore-timing-bands.json'),
      `${JSON.stringify({
        config: 'sigmoid xavier 1000×100, 5 layers, K = 8',
        median: Object.fromEntries(Object.keys(times).map((k) => [k, median(times[k])])),
        workerMedian: Object.fromEntries(
          Object.keys(workerTimes).map((k) => [k, median(workerTimes[k])]),
        ),
        times,
        workerTimes,
      })}\n`,
    );
    await expectBandsAsCli(page);

    // K from the keyboard: the slider steps by one seed.
    await page.locator('#seeds').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await settle(page);
    expect(await page.locator('#seeds-value').textContent()).toBe('4');
    expect((await expectBandsAsCli(page)).seen.options.seeds).toBe(4);

    // Another control: initializers std:0.01 and xavier, compared as rows.
    await page.locator('#init').selectOption('std:0.01');
    await page.locator('#init2').selectOption('xavier');
    await settle(page);
    const compared = await expectBandsAsCli(page);
    expect(compared.seen.options.inits).toEqual(['std:0.01', 'xavier']);
    expect(compared.bands.verdicts[0]?.[1]).toMatch(/in 4\/4 seeds/);
    await page.screenshot({ path: join(outputDir, 'explore-bands-en.png'), fullPage: true });

    // "export JSON" and "export report" are `run --json --seeds 4` and `run --out --seeds 4`.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-json').click(),
    ]);
    expect(readFileSync((await json.path()) as string, 'utf8')).toBe(compared.cliRun.json);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-report').click(),
    ]);
    const exported = readFileSync((await report.path()) as string, 'utf8');
    expect(exported.length).toBe(compared.cliRun.html.length);
    expect(exported === compared.cliRun.html, 'exported report = run --out --seeds bytes').toBe(
      true,
    );

    // A phone (390 px, one column): the band charts scroll inside their own boxes, the page never sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.screenshot({ path: join(outputDir, 'explore-bands-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // ReLU's default range is each seed's own 0…max: no common bins, so no envelope (as the report).
    await page.locator('#activation').selectOption('relu');
    await settle(page);
    const relu = await expectBandsAsCli(page);
    expect(relu.bands.envelope).toBeNull();

    // A large K shows progress, and a change while it runs supersedes it.
    await page.locator('#activation').selectOption('tanh');
    await page.locator('#seeds').fill('100');
    await page.waitForFunction(() => {
      const api = (
        window as unknown as {
          initscopeExplorer: { requests: number; progress: { id: number } | null };
        }
      ).initscopeExplorer;
      return (
        api.progress?.id === api.requests &&
        !(document.getElementById('progress') as HTMLProgressElement).hidden
      );
    });
    expect(await page.locator('#status').textContent()).toMatch(/% \(100 seeds\)/);
    await page.locator('#seeds').fill('3');
    await settle(page);
    expect((await expectBandsAsCli(page)).seen.options).toMatchObject({
      activations: ['tanh'],
      seeds: 3,
    });
    expect(await page.locator('#progress').isHidden()).toBe(true);

    // With gradients and the mean-field overlay: bands of the gradient variance too, theory compared
    // to 1e-10 as above, the rest byte for byte.
    await page.locator('#gradients').check();
    await page.locator('#theory').check();
    await settle(page);
    const full = await expectBandsAsCli(page);
    expect(full.seen.options).toMatchObject({ gradients: true, theory: true, seeds: 3 });
    const firstLayer = JSON.parse(full.cliRun.json).runs[0].layers[0];
    expect(firstLayer.band.gradientVariance.mean).toBeGreaterThan(0);

    // The hash restores bands and K in a fresh page; turning bands off hides them.
    const url = page.url();
    expect(url).toMatch(/bands=1/);
    expect(url).toMatch(/seeds=3/);
    const again = await openPage(url, network, errors);
    expect((await drawn(again)).json).toBe((await drawn(page)).json);
    await again.close();
    await page.locator('#bands').uncheck();
    await settle(page);
    const off = await expectSameAsCli(page);
    expect(off.options.seeds).toBeUndefined();
    expect((await drawnBands(page)).bandsShown).toBe(false);
    expect(await page.locator('#seeds').isDisabled()).toBe(true);
    await page.close();
    expect(network, 'network requests').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  }, 120_000);

  it('refuses a bad --port and --port without --serve with exit code 2', async () => {
    expect((await cli('explore', '--serve', '--port', 'x')).stderr).toContain('Invalid --port "x"');
    const lone = await cli('explore', '--port', '9000');
    expect([lone.code, lone.stderr]).toEqual([
      2,
      'initscope: Invalid --port without --serve: --port only sets where --serve listens.\n',
    ]);
  });

  it('--serve serves the same page on 127.0.0.1 with its CSP and stops on Ctrl-C', async () => {
    const bin = fileURLToPath(new URL('../bin/initscope.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'explore', '--serve', '--port', '0']);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    let printed = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        printed += String(chunk);
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
        if (found) resolve(found[0]);
      });
      child.on('exit', () => reject(new Error(`exited early: ${printed}`)));
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(await response.text()).toContain('id="initscope-worker"');
    expect((await fetch(`${url}other`)).status).toBe(404);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
