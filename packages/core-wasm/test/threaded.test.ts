import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, edgeValuesF32 } from '../../../testing/f32.js';
import { type Core, createThreadedCore, type ThreadedCore } from '../src/index.js';
import { chunkRows } from '../src/strips.js';
import { newCore, randn } from './fixtures.js';

// [m, k, n]: a is (m, k), b is (k, n) (b is (n, k) for a·bᵀ); odd shapes that tile neither MR = 5
// rows nor NR = 8 columns, depths across the KC = 256 block, widths across NC = 512
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [2, 3, 4],
  [7, 13, 5],
  [33, 65, 31],
  [11, 300, 9],
  [64, 257, 513],
  [101, 600, 37],
  [333, 77, 45],
];

/** The f32 bits of a block's values (NaN payloads included: a stricter check than NaN = NaN). */
function bits(values: Float32Array): Uint32Array {
  return new Uint32Array(Float32Array.from(values).buffer);
}

let single: Core;
const threaded = new Map<number, ThreadedCore>();
beforeAll(async () => {
  single = await newCore();
  for (const threads of [1, 2, 3]) threaded.set(threads, await createThreadedCore({ threads }));
}, 60_000);
afterAll(async () => {
  for (const t of threaded.values()) await t.close();
});

/** Core.matmulInto / matmulTransBInto's out on the single-thread core (release.wasm). */
function singleProduct(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  transB: boolean,
): Float32Array {
  return transB ? single.matmulTransB(a, b, m, k, n) : single.matmul(a, b, m, k, n);
}

/** The same product on a ThreadedCore's blocks. */
function threadedProduct(
  t: ThreadedCore,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  transB: boolean,
): Float32Array {
  const ab = block(t.core, a);
  const bb = block(t.core, b);
  const out = t.core.alloc(m * n);
  out.array.fill(Number.NaN);
  if (transB) t.matmulTransBInto(ab, bb, out, m, k, n);
  else t.matmulInto(ab, bb, out, m, k, n);
  const result = Float32Array.from(out.array);
  for (const x of [ab, bb, out]) t.core.free(x);
  return result;
}

describe('chunkRows()', () => {
  it('gives whole 5-row tiles, at least 8 tiles, about 4 chunks per thread on tall products', () => {
    expect(chunkRows(1, 2)).toBe(40);
    expect(chunkRows(1024, 2)).toBe(130); // 205 tiles / 8 chunks → 26 tiles
    expect(chunkRows(4096, 2)).toBe(515); // 820 tiles / 8 → 103
    expect(chunkRows(10000, 3)).toBe(835); // 2000 tiles / 12 → 167
    for (const [rows, threads] of [
      [7, 3],
      [1000, 2],
      [99_999, 64],
    ] as const) {
      const chunk = chunkRows(rows, threads);
      expect(chunk % 5).toBe(0);
      expect(chunk).toBeGreaterThanOrEqual(40);
      expect(Math.ceil(rows / chunk)).toBeLessThanOrEqual(Math.max(1, threads * 4));
    }
  });
});

describe('ThreadedCore', () => {
  for (const threads of [1, 2, 3]) {
    for (const transB of [false, true]) {
      const name = transB ? 'matmulTransBInto' : 'matmulInto';
      it(`${name} on ${threads} thread(s) equals the single-thread core bit for bit on odd shapes`, () => {
        const t = threaded.get(threads) as ThreadedCore;
        for (const [m, k, n] of shapes) {
          const a = randn(m * k, m + 1, 3);
          const b = randn(k * n, n + 2, 0.5);
          expect(bits(threadedProduct(t, a, b, m, k, n, transB))).toEqual(
            bits(singleProduct(a, b, m, k, n, transB)),
          );
        }
      });
    }
  }

  it('propagates NaN, ±Inf, ±0, huge and subnormal inputs exactly as the single-thread core (3 threads)', () => {
    const t = threaded.get(3) as ThreadedCore;
    const [m, k, n] = [edgeValuesF32.length * 2, 19, 29];
    for (const transB of [false, true]) {
      const a = randn(m * k, 6);
      const b = randn(k * n, 7);
      // row i of a starts with an edge value (twice over: rows in every strip); b gets them in row 3
      edgeValuesF32.forEach((v, i) => {
        a[i * k] = v;
        a[(i + edgeValuesF32.length) * k + 5] = v;
        if (i < n) b[3 * n + i] = v;
      });
      expect(bits(threadedProduct(t, a, b, m, k, n, transB))).toEqual(
        bits(singleProduct(a, b, m, k, n, transB)),
      );
    }
  });

  it('writes zeros when k is 0 and nothing when m is 0', () => {
    const t = threaded.get(2) as ThreadedCore;
    expect(
      Array.from(threadedProduct(t, new Float32Array(0), new Float32Array(0), 12, 0, 3)),
    ).toEqual(new Array(36).fill(0));
    expect(threadedProduct(t, new Float32Array(0), randn(12, 5), 0, 3, 4)).toHaveLength(0);
  });

  it('checks blocks and shapes like Core, naming the method', () => {
    const t = threaded.get(2) as ThreadedCore;
    const a = t.core.alloc(6);
    const b = t.core.alloc(6);
    const out = t.core.alloc(3);
    expect(() => t.matmulInto(a, b, out, 2, 3, 2)).toThrow(
      'matmulInto: out has 3 values, needs m·n = 2·2 = 4',
    );
    const foreign = single.alloc(6);
    expect(() => t.matmulInto(foreign, b, out, 1, 3, 1)).toThrow(
      'matmulInto: a belongs to another Core',
    );
  });

  it('rejects a bad thread count or memory maximum in one line naming the value and the range', async () => {
    await expect(createThreadedCore({ threads: 0 })).rejects.toThrow(
      'createThreadedCore: threads must be an integer in [1, 64], got 0',
    );
    await expect(createThreadedCore({ threads: 2.5 })).rejects.toThrow(
      'createThreadedCore: threads must be an integer in [1, 64], got 2.5',
    );
    await expect(createThreadedCore({ maximumMemory: 1000 })).rejects.toThrow(
      'createThreadedCore: maximumMemory must be a multiple of 65536 bytes in [65536, 2^32], got 1000',
    );
  });

  it('refuses products after close(); its core keeps working on the calling thread', async () => {
    const t = await createThreadedCore({ threads: 2 });
    const a = block(t.core, [1, 2]);
    const b = block(t.core, [3, 4]);
    const out = t.core.alloc(1);
    t.matmulInto(a, b, out, 1, 2, 1);
    expect(out.array[0]).toBe(11);
    await t.close();
    expect(() => t.matmulInto(a, b, out, 1, 2, 1)).toThrow(
      'matmulInto: this ThreadedCore was closed',
    );
    t.core.matmulInto(a, b, out, 1, 2, 1);
    expect(out.array[0]).toBe(11);
  });

  it('keeps bits after the shared memory grows under the helpers (a product larger than the first pages)', () => {
    const t = threaded.get(2) as ThreadedCore;
    const [m, k, n] = [300, 500, 700];
    const a = randn(m * k, 11);
    const b = randn(k * n, 12);
    expect(bits(threadedProduct(t, a, b, m, k, n, false))).toEqual(
      bits(singleProduct(a, b, m, k, n, false)),
    );
  });
});
