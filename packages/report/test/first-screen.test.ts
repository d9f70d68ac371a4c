import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { renderReport } from '../src/report.js';
import { verdict } from '../src/verdict.js';
import { resultsFixture } from './fixtures.js';
import { danglingLinksOf, ownPartOf } from './page-parts.js';

describe('the first screen', () => {
  const results = resultsFixture('gradients-theory');
  const html = ownPartOf(renderReport(results));
  const main = html.slice(html.indexOf('<main>'));

  it('starts with the takeaway and the verdict matrix, before any chart, TOC or settings', () => {
    const takeaway = main.indexOf('id="takeaway"');
    const matrix = main.indexOf('<table class="matrix">');
    const firstChart = main.indexOf('<figure class="chart"');
    expect(takeaway).toBeGreaterThan(0);
    expect(matrix).toBeGreaterThan(takeaway);
    expect(firstChart).toBeGreaterThan(matrix);
    expect(main.indexOf('<details class="toc">')).toBeGreaterThan(matrix);
    // settings, how to read and the theory are folded
    const folded = main.slice(
      main.indexOf('<details class="settings">'),
      main.indexOf('</details>', main.indexOf('<details class="settings">')),
    );
    for (const id of ['settings', 'how-to-read', 'mean-field'])
      expect(folded).toContain(`id="${id}"`);
    expect(danglingLinksOf(html)).toEqual([]);
  });

  it('colours and links one matrix cell per run with both of its verdicts', () => {
    const matrix = main.slice(main.indexOf('<table class="matrix">'), main.indexOf('</table>'));
    for (const run of results.runs) {
      const v = verdict(run);
      const g = v.gradients;
      const cls = `cell-${v.kind}${g ? ` cell-g-${g.code}` : ''}`;
      const label = `${en.verdictLabels[v.kind]}${g ? `<br><span class="gradient-${g.code}">${en.gradientVerdictLabels[g.code]}</span>` : ''}`;
      expect(matrix).toContain(`<td class="${cls}"><a href="#`);
      expect(matrix).toContain(label);
    }
    expect(matrix.match(/<td class="cell-/g)).toHaveLength(results.runs.length);
  });

  it('says which runs are healthy and counts the rest, from the verdicts', () => {
    const healthy = results.runs.filter((run) => {
      const v = verdict(run);
      return (
        v.kind === 'healthy' &&
        v.gradients?.code !== 'vanishing' &&
        v.gradients?.code !== 'exploding'
      );
    });
    const line = main.slice(
      main.indexOf('id="takeaway">') + 14,
      main.indexOf('</p>', main.indexOf('id="takeaway"')),
    );
    expect(line).toContain(`(${healthy.length} of ${results.runs.length} runs)`);
    for (const run of healthy) expect(line).toContain(`${run.activation} + ${run.init}`);
    const vanishing = results.runs.filter((run) => run.verdict?.gradients?.code === 'vanishing');
    expect(line).toContain(`gradients vanish ${vanishing.length}`);
  });
});
