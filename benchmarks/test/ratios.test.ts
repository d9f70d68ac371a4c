import { describe, expect, it } from 'vitest';
import { formatSpeedup, ratioLabel } from '../src/ratios.js';
import { formatTable } from '../src/table.js';
import { sampleDocument } from './fixtures.js';

describe('ratioLabel()', () => {
  it('says how many times as fast initscope is', () => {
    expect(ratioLabel(1.8, 'tfjs-wasm')).toBe('initscope 1.8× tfjs-wasm');
    expect(ratioLabel(0.4242, 'numpy')).toBe('initscope 0.42× numpy');
    expect(formatSpeedup(43.4)).toBe('43');
  });
});

describe('formatTable()', () => {
  it('prints the napkin math, figures, ratios, errors and skips', () => {
    const table = formatTable(sampleDocument());
    expect(table).toContain('matmul 1000x100x100 — 2·1000·100·100 = 20.0 MFLOP');
    expect(table).toContain('40.0 GFLOP/s');
    expect(table).toContain('initscope 1.8× tfjs-wasm');
    expect(table).toContain('tfjs-cpu  ERROR boom');
    expect(table).toContain('skipped: too slow');
  });
});
