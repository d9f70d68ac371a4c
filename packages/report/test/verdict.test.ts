import { describe, expect, it } from 'vitest';
import { renderReport, summarize, verdict, verdictKinds } from '../src/index.js';
import { erroredRun, layerWith, resultsFixture, runOf, runWith } from './fixtures.js';

describe('verdict()', () => {
  it('lists the kinds most severe first', () => {
    expect(verdictKinds).toEqual([
      'errored',
      'overflow',
      'dead',
      'exploding',
      'saturated',
      'collapsed',
      'drifting',
      'healthy',
      'unjudged',
    ]);
  });

  it('states the JSON’s verdicts, judged by the simulator, with their evidence', () => {
    const book = resultsFixture('book');
    for (const run of book.runs) {
      if (run.state !== 'completed') continue;
      const v = verdict(run);
      expect(v.kind).toBe(run.verdict?.activations.code);
      expect(v.value ?? null).toBe(run.verdict?.activations.value);
    }
    expect(verdict(runOf(book, 'sigmoid', 'std:1')).kind).toBe('saturated');
    expect(verdict(runOf(book, 'sigmoid', 'std:0.01')).kind).toBe('collapsed');
    expect(verdict(runOf(book, 'relu', 'std:1')).kind).toBe('exploding');
    expect(verdict(runOf(book, 'relu', 'he')).kind).toBe('healthy');
    const g = resultsFixture('gradients-theory');
    expect(verdict(runOf(g, 'tanh', 'std:1')).gradients?.code).toBe('exploding');
    expect(verdict(runOf(g, 'sigmoid', 'xavier')).gradients?.code).toBe('vanishing');
    expect(verdict(runOf(g, 'sigmoid', 'std:1')).gradients?.code).toBe('stable');
  });

  it('never judges on its own: a document without verdicts is “not judged”', () => {
    const run = runWith('relu', [layerWith(1, { zeroFraction: 0.99 })]);
    expect(verdict(run)).toEqual({ kind: 'unjudged' });
    expect(verdict(erroredRun('tanh', 'std:1e40', 'beyond f32'))).toEqual({
      kind: 'errored',
      message: 'beyond f32',
    });
  });

  it('puts no gradient claim on the page or in the summary that no verdict makes', () => {
    const g = resultsFixture('gradients-theory');
    const html = renderReport(g);
    const text = summarize(g);
    const vanish = g.runs.filter((r) => r.verdict?.gradients?.code === 'vanishing').length;
    const explode = g.runs.filter((r) => r.verdict?.gradients?.code === 'exploding').length;
    // per run: one label in its table and one in the first screen's matrix; one count in the
    // takeaway; one per run in the terminal; none elsewhere
    const onPage = (n: number) => 2 * n + (n > 0 ? 1 : 0);
    expect(html.match(/gradients vanish(?!ing)/g)?.length ?? 0).toBe(onPage(vanish));
    expect(html.match(/gradients explode/g)?.length ?? 0).toBe(onPage(explode));
    expect(text.match(/gradients vanish/g)?.length ?? 0).toBe(vanish);
    expect(text.match(/gradients explode/g)?.length ?? 0).toBe(explode);
    // the thresholds on the page are the document's
    expect(html).toContain(`below ${g.verdictThresholds?.vanishingRatio} they vanish`);
  });
});
