import { describe, expect, it } from 'vitest';
import { messagesFor } from '../src/i18n/tables.js';
import { bookYMax } from '../src/rebin.js';
import { renderReport } from '../src/report.js';
import { resultsFixture } from './fixtures.js';
import { chartSpec, renderSvg, rowsOf } from './page-parts.js';

const en = messagesFor('en');

/** The y scale of a grid's bars. */
function yScale(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const layers = (spec.spec as { layer: { encoding?: { y?: { scale?: object } } }[] }).layer;
  return layers[0]?.encoding?.y?.scale as Record<string, unknown> | undefined;
}

describe('--book: the book script’s ReLU and tanh plots', () => {
  const html = renderReport(resultsFixture('book'), { book: true });

  it('fixes the count axis of ReLU and tanh to 0–7000, not sigmoid’s', () => {
    expect(bookYMax).toBe(7000);
    for (const id of ['relu', 'tanh']) {
      expect(yScale(chartSpec(html, `${id}-histograms`))).toMatchObject({
        domain: [0, 7000],
        clamp: true,
      });
    }
    expect(yScale(chartSpec(html, 'sigmoid-histograms'))).not.toHaveProperty('domain');
  });

  it('marks every bar taller than 7000, and only those, with the hidden counts kept', () => {
    const rows = rowsOf(chartSpec(html, 'relu-histograms'));
    const tall = rows.filter((r) => r.k === 'bin' && (r.count as number) > bookYMax);
    const clips = rows.filter((r) => r.k === 'clip');
    // 200 samples × 100 units: ReLU's exact zeros alone (≈ 10,000) overflow the first bin
    expect(tall.length).toBeGreaterThan(0);
    expect(clips.map((r) => `${r.init} ${r.column} ${r.count}`).sort()).toEqual(
      tall.map((r) => `${r.init} ${r.column} ${r.count}`).sort(),
    );
    expect(clips.every((r) => r.top === bookYMax)).toBe(true);
    const bins = rows.filter((r) => r.k === 'bin');
    expect(new Set(bins.map((r) => r.x1 as number)).size).toBe(30);
    expect(Math.max(...bins.map((r) => r.x1 as number))).toBe(1);
    expect(rows.filter((r) => r.k === 'right' && String(r.text).includes('hides'))).toHaveLength(
      20,
    );
    expect(html).toContain(en.bookYLimitNote('7,000'));
  });

  it('renders, with the ▲ marks', async () => {
    const svg = await renderSvg(chartSpec(html, 'relu-histograms'));
    expect(svg).toContain('>7k<');
  });

  it('keeps fitted counts with --log-counts', () => {
    const logged = renderReport(resultsFixture('book'), { book: true, logCounts: true });
    expect(yScale(chartSpec(logged, 'relu-histograms'))).toEqual({ type: 'symlog' });
    expect(rowsOf(chartSpec(logged, 'relu-histograms')).some((r) => r.k === 'clip')).toBe(false);
  });
});
