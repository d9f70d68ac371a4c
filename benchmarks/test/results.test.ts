import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeResults } from '../src/results.js';
import { sampleDocument } from './fixtures.js';

describe('writeResults()', () => {
  it('writes latest.json in the documented shape', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'initscope-bench-'));
    try {
      const file = await writeResults(sampleDocument(), dir);
      expect(path.basename(file)).toBe('latest.json');
      const json = JSON.parse(await readFile(file, 'utf8'));
      expect(Object.keys(json.machine).sort()).toEqual(['cores', 'cpu', 'node']);
      expect(typeof json.machine.cpu).toBe('string');
      expect(json.machine.cores).toBeGreaterThan(0);
      expect(json.machine.node).toBe(process.version);
      for (const r of json.results) {
        for (const key of [
          'suite',
          'case',
          'engine',
          'median_ms',
          'mean_ms',
          'min_ms',
          'max_ms',
          'samples',
          'threads',
        ]) {
          expect(r).toHaveProperty(key);
        }
        expect(r.threads).toBe(1);
        expect(r).not.toHaveProperty('latency');
      }
      expect(json.peers.numpy.blas.corename).toBe('SkylakeX');
      const [fast, slow, failed, sigmoid, numpy] = json.results;
      expect(numpy).toMatchObject({ engine: 'numpy', bare_median_ms: 0.038 });
      expect(fast).toMatchObject({
        suite: 'matmul',
        case: '1000x100x100',
        engine: 'initscope',
        median_ms: 0.5,
      });
      expect(fast.gflops).toBeCloseTo((2 * 1000 * 100 * 100) / 0.5e-3 / 1e9);
      expect(slow.gflops).toBeCloseTo(20e6 / 0.9e-3 / 1e9);
      expect(failed).toMatchObject({
        engine: 'tfjs-cpu',
        median_ms: null,
        samples: 0,
        error: 'boom',
      });
      expect(sigmoid).not.toHaveProperty('gflops');
      expect(sigmoid).toMatchObject({ throughput: 1000 / 0.01e-3, unit: 'elements/s' });
      expect(json.ratios).toEqual([
        expect.objectContaining({
          engine: 'tfjs-wasm',
          fastest_peer: true,
          label: 'initscope 1.8× tfjs-wasm',
        }),
        expect.objectContaining({ engine: 'numpy', fastest_peer: true }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
