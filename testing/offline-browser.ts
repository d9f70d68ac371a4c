/**
 * Test support shared by the packages' browser tests: Debian's Chromium driven by playwright-core
 * (no browser download), kept off the network, opening pages from file:// with every other request
 * refused and recorded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Chromium is: Debian's package unless CHROMIUM_PATH says otherwise. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network and quiet. */
export const launchArgs = [
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

/** Launches Chromium with a fresh profile in `profileDir`; a missing or broken Chromium is a clear error. */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  try {
    return await chromium.launchPersistentContext(profileDir, {
      executablePath,
      args: launchArgs,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
  } catch (error) {
    throw new Error(`Chromium could not be launched from ${executablePath}: ${error}`);
  }
}

/** A test file's Chromium: launched on first use with a fresh profile in its own temp folder. */
export interface LazyChromium {
  /** The temp folder (pages may be written here); removed by close(). */
  workDir: string;
  /** The browser, launched once; a missing or broken Chromium is a clear error. */
  browser(): Promise<BrowserContext>;
  /** Closes the browser if it was launched and removes the temp folder (for afterAll). */
  close(): Promise<void>;
}

/** One Chromium per test file, launched lazily; `prefix` names its temp folder. */
export function lazyChromium(prefix: string): LazyChromium {
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  let launched: Promise<BrowserContext> | undefined;
  return {
    workDir,
    browser() {
      launched ??= launchChromium(join(workDir, 'profile'));
      return launched;
    },
    async close() {
      const context = await launched?.catch(() => undefined);
      await context?.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** What an offline page did once every chart settled. */
export interface OfflinePage {
  page: Page;
  /** Requests for anything but file:, data: and blob: URLs (all refused). */
  network: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** How each chart's promise settled: 'ok' or the rejection's reason. */
  settled: string[];
  /** Per chart view: its render state and how many marks of each kind it drew. */
  views: {
    id: string;
    rendered: string | undefined;
    bars: number;
    lines: number;
    symbols: number;
  }[];
}

/** Opens `file` over file:// in a new page, refusing every other request, and waits for every chart. */
export async function openOffline(context: BrowserContext, file: string): Promise<OfflinePage> {
  const page = await context.newPage();
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
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(file|data|blob):/.test(url) && !network.includes(url)) network.push(url);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const settled = await page.evaluate(async () => {
    const charts = (
      window as unknown as { initscopeCharts: Promise<PromiseSettledResult<string>[]> }
    ).initscopeCharts;
    return (await charts).map((result) =>
      result.status === 'fulfilled' ? 'ok' : String((result as PromiseRejectedResult).reason),
    );
  });
  const views = await page.$$eval('.view', (elements) =>
    elements.map((element) => ({
      id: element.id,
      rendered: (element as HTMLElement).dataset.rendered,
      bars: element.querySelectorAll('svg.marks .mark-rect path').length,
      lines: element.querySelectorAll('svg.marks .mark-line path').length,
      symbols: element.querySelectorAll('svg.marks .mark-symbol path').length,
    })),
  );
  return { page, network, errors, settled, views };
}
