import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/format.js';
import { messagesFor } from '../src/i18n/tables.js';
import { renderReport } from '../src/report.js';
import { resultsFixture, runOf } from './fixtures.js';
import { chartRows, chartSpec, type Row } from './page-parts.js';

/** The `span` rows of each (init, column) cell: the x extent the cell is forced to show. */
function spans(rows: Row[]): Map<string, number[]> {
  const cells = new Map<string, number[]>();
  for (const row of rows.filter((r) => r.k === 'span')) {
    const key = `${row.init}|${row.column}`;
    cells.set(key, [...(cells.get(key) ?? []), row.x as number]);
  }
  return cells;
}

const en = messagesFor('en');

describe('histogram grids of unbounded activations', () => {
  const results = resultsFixture('book');
  const html = renderReport(results);
  const rows = chartRows(html, 'relu-histograms');

  it('share one x domain per row, covering every bar of the row', () => {
    const cells = spans(rows);
    for (const init of ['std:1', 'std:0.01', 'xavier', 'he']) {
      const bars = rows.filter((r) => r.k === 'bin' && r.init === init);
      const lo = Math.min(...bars.map((r) => r.x0 as number));
      const hi = Math.max(...bars.map((r) => r.x1 as number));
      const own = [...cells].filter(([key]) => key.startsWith(`${init}|`));
      expect(own).toHaveLength(5);
      for (const [, xs] of own) expect(xs).toEqual([lo, hi]);
    }
    // std:1 explodes over depth: its row spans far more than its first layer does
    const first = rows.filter(
      (r) => r.k === 'bin' && r.init === 'std:1' && r.column === rows[0]?.column,
    );
    const firstHi = Math.max(...first.map((r) => r.x1 as number));
    expect(cells.get(`std:1|${rows[0]?.column}`)?.[1]).toBeGreaterThan(10 * firstHi);
  });

  it("notes every panel's layer std", () => {
    const run = runOf(results, 'relu', 'he');
    for (const stats of run.layers) {
      const column = en.layerLabel(stats.layer);
      const note = rows.find((r) => r.k === 'right' && r.init === 'he' && r.column === column);
      expect(String(note?.text)).toContain(`σ ${formatNumber(stats.std)}`);
    }
  });

  it('says the rows are the same draws rescaled', () => {
    expect(html).toContain('common random numbers');
  });

  it('keeps bounded activations on their own bins (no shared domain)', () => {
    expect(chartRows(html, 'sigmoid-histograms').some((r) => r.k === 'span')).toBe(false);
    expect(chartRows(html, 'sigmoid-histograms').some((r) => r.k === 'right')).toBe(true);
  });
});

describe('grids with --theory and --gradients', () => {
  const html = renderReport(resultsFixture('gradients-theory'));

  it('keep their y axes with the mean-field fit drawn', () => {
    const spec = chartSpec(html, 'relu-histograms');
    expect(chartRows(html, 'relu-histograms').some((r) => r.k === 'fit')).toBe(true);
    const compiled = compile(spec as Parameters<typeof compile>[0]).spec as {
      marks: { name: string; axes?: { orient: string }[] }[];
    };
    const cell = compiled.marks.find((mark) => mark.name === 'cell');
    expect(cell?.axes?.map((axis) => axis.orient)).toContain('left');
  });

  it('share one x domain per row in the gradient grid too, with √Var(δ) noted', () => {
    const rows = chartRows(html, 'relu-gradient-histograms');
    const cells = spans(rows);
    expect(cells.size).toBe(20);
    for (const init of ['std:1', 'std:0.01', 'xavier', 'he']) {
      const own = [...cells].filter(([key]) => key.startsWith(`${init}|`)).map(([, xs]) => xs);
      expect(new Set(own.map((xs) => xs.join()))).toHaveProperty('size', 1);
    }
    expect(rows.filter((r) => r.k === 'right' && String(r.text).startsWith('σ '))).toHaveLength(20);
  });
});
