import { describe, expect, it } from 'vitest';
import {
  formatInterval,
  formatSpeedup,
  headlineRatio,
  ratioLabel,
  ratios,
  scaling,
} from '../src/ratios.js';
import { type BenchResult, timedResult } from '../src/results.js';
import { benchOnly, wanted } from '../src/settings.js';
import { componentWork } from '../src/suites/components.js';
import { formatTable } from '../src/table.js';
import { keepProbeSamples } from '../src/timing-samples.js';
import { sampleDocument } from './fixtures.js';

const work = componentWork('relu', 10);
const timing = (ms: number, samplesMs?: number[]) => ({
  medianMs: ms,
  meanMs: ms,
  minMs: ms,
  maxMs: ms,
  samples: samplesMs?.length ?? 1,
  ...(samplesMs ? { samplesMs } : {}),
});

describe('ratioLabel()', () => {
  it('says how many times as fast initscope is', () => {
    expect(ratioLabel(1.8, 'tfjs-wasm')).toBe('initscope 1.8× tfjs-wasm');
    expect(ratioLabel(0.4242, 'numpy')).toBe('initscope 0.42× numpy');
    expect(formatSpeedup(43.4)).toBe('43');
  });

  it('adds the interval, with more digits when its ends would print alike', () => {
    expect(ratioLabel(1.3, 'numpy-f32', [1.21, 1.42])).toBe('initscope 1.3× numpy-f32 (1.2–1.4)');
    expect(formatInterval([1.01, 1.03])).toBe('1.01–1.03');
    expect(formatInterval([2, 2])).toBe('2.0–2.0');
  });
});

describe('ratios()', () => {
  const results = [
    timedResult(work, 'initscope', timing(1, [1, 1.1, 0.9, 1, 1.05])),
    timedResult(work, 'numpy', timing(3, [3, 3.2, 2.9, 3.1, 3])),
    timedResult(work, 'tfjs-wasm', timing(1.5, [1.5, 1.6, 1.4, 1.5, 1.55])),
    timedResult(work, 'naive-js', timing(9)),
  ];
  const all = ratios(results);

  it('marks the peer with the lowest median as the headline', () => {
    expect(all.filter((r) => r.fastest_peer).map((r) => r.engine)).toEqual(['tfjs-wasm']);
    expect(headlineRatio(all, 'components', 'relu')?.speedup).toBe(1.5);
  });

  it('gives an interval around each ratio whose engines have enough samples', () => {
    const numpy = all.find((r) => r.engine === 'numpy');
    const [low, high] = numpy?.interval ?? [];
    expect(low).toBeLessThanOrEqual(3);
    expect(high).toBeGreaterThanOrEqual(3);
    expect(numpy?.label).toMatch(/^initscope 3\.0× numpy \(\d\.\d+–\d\.\d+\)$/);
    expect(all.find((r) => r.engine === 'naive-js')).not.toHaveProperty('interval');
  });
});

describe('formatTable()', () => {
  it('prints the napkin math, figures, ratios, errors and skips', () => {
    const table = formatTable(sampleDocument());
    expect(table).toContain('matmul 1000x100x100 — 2·1000·100·100 = 20.0 MFLOP');
    expect(table).toContain('40.0 GFLOP/s');
    expect(table).toContain('initscope 1.8× tfjs-wasm ◀');
    expect(table).toContain('tfjs-cpu  ERROR boom');
    expect(table).toContain('skipped: too slow');
  });
});

describe('threads in ratios and scaling()', () => {
  const results = [
    timedResult(work, 'initscope', timing(4, [4, 4.1, 3.9, 4, 4.05])),
    timedResult(work, 'initscope', timing(2, [2, 2.1, 1.9, 2, 2.05]), undefined, 2),
    timedResult(work, 'numpy', timing(3, [3, 3.2, 2.9, 3.1, 3])),
    timedResult(work, 'numpy', timing(1, [1, 1.1, 0.9, 1, 1.05]), undefined, 2),
  ];

  it('compares each initscope row only with peers at the same thread count', () => {
    const all = ratios(results);
    expect(all.map((r) => [r.threads, r.speedup])).toEqual([
      [1, 0.75],
      [2, 0.5],
    ]);
    expect(headlineRatio(all, work.suite, work.case)?.threads).toBe(1);
  });

  it('gives initscope on N threads against itself on 1, with an interval', () => {
    const [s, ...rest] = scaling(results);
    expect(rest).toEqual([]);
    expect(s?.threads).toBe(2);
    expect(s?.speedup).toBe(2);
    expect(s?.label).toMatch(/^initscope 2 threads 2\.0× 1 thread \(/);
    expect(s?.interval?.[0]).toBeLessThanOrEqual(2);
    expect(s?.interval?.[1]).toBeGreaterThanOrEqual(2);
    expect(scaling(results.slice(1))).toEqual([]);
    expect(s?.machine).toBeUndefined();
  });

  it('adds the machine probe timed beside the threaded row: its speedup and interval', () => {
    const threaded = timedResult(
      work,
      'initscope',
      timing(2, [2, 2.1, 1.9, 2, 2.05]),
      undefined,
      2,
    );
    threaded.machine_probe = { products: 100, one_ms: 60, all_ms: 40, samples: 5 };
    keepProbeSamples(threaded, [60, 61, 59, 60, 62], [40, 41, 39, 40, 42]);
    const [s] = scaling([results[0] as BenchResult, threaded]);
    expect(s?.machine).toBe(1.5);
    expect(s?.machine_interval?.[0]).toBeLessThanOrEqual(1.5);
    expect(s?.machine_interval?.[1]).toBeGreaterThanOrEqual(1.5);
    expect(s?.label).toMatch(/; machine probe 1\.5×$/);
  });

  it('BENCH_ONLY picks suites and cases', () => {
    const only = benchOnly({ BENCH_ONLY: 'sweep/book, sweep/seeds' });
    expect(only).toEqual(['sweep/book', 'sweep/seeds']);
    expect(wanted(only, 'sweep')).toBe(true);
    expect(wanted(only, 'sweep', 'seeds')).toBe(true);
    expect(wanted(only, 'sweep', 'book-independent')).toBe(false);
    expect(wanted(only, 'matmul')).toBe(false);
    expect(benchOnly({})).toBeUndefined();
    expect(wanted(undefined, 'matmul', 'x')).toBe(true);
  });
});
