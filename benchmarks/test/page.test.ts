import { describe, expect, it } from 'vitest';
import { renderBenchPage } from '../src/page.js';
import { sampleDocument } from './fixtures.js';

describe('renderBenchPage()', () => {
  const html = renderBenchPage(sampleDocument());

  it('renders one self-contained page', () => {
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<title>initscope benchmarks</title>');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('has a chart per case and the matmul overview', () => {
    for (const id of ['matmul-gflops', 'matmul-1000x100x100', 'components-sigmoid']) {
      expect(html).toContain(`id="${id}"`);
    }
  });

  it('labels the ratio against each peer and says why an engine is missing', () => {
    expect(html).toContain('initscope 1.8× tfjs-wasm');
    expect(html).toContain('naive-js: skipped, too slow');
    expect(html).toContain('tfjs-cpu: error: boom');
  });
});
