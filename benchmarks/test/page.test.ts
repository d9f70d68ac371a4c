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

  it('says what the peers ran on, and the headline against the fastest peer', () => {
    expect(html).toContain(
      'NumPy 2.4.6 (Python 3.11.7), scipy-openblas 0.3.31, kernel SkylakeX, 1 thread, ' +
        'OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset',
    );
    expect(html).toContain('headline, against the fastest peer: initscope 4.0× numpy');
    expect(html).toContain(
      'bare NumPy call 0.0380 ms in the same rounds (timed function at 1.05× of it)',
    );
  });

  it('labels the ratio against each peer and says why an engine is missing', () => {
    expect(html).toContain('initscope 1.8× tfjs-wasm');
    expect(html).toContain('naive-js: skipped, too slow');
    expect(html).toContain('tfjs-cpu: error: boom');
  });
});
