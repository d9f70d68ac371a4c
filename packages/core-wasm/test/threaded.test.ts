import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, edgeValuesF32 } from '../../../testing/f32.js';
import {
  type ActivationKernel,
  type Core,
  createThreadedCore,
  type F32Block,
  type LayerPass,
  type PassOptions,
  type ThreadedCore,
} from '../src/index.js';
import { chunkRows } from '../src/strips.js';
import { newCore, randn } from './fixtures.js';

// [m, k, n]: a is (m, k), b is (k, n) ((n, k) for a·bᵀ, (m, n) for aᵀ·b); odd shapes that tile neither MR = 5
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

type Layout = 'nn' | 'nt' | 'tn';
const layouts: readonly Layout[] = ['nn', 'nt', 'tn'];
const methodOf = { nn: 'matmulInto', nt: 'matmulTransBInto', tn: 'matmulTransAInto' } as const;

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

/** Core.matmulInto / matmulTransBInto / matmulTransAInto's out on the single-thread core (release.wasm). */
function singleProduct(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  layout: Layout,
): Float32Array {
  if (layout === 'tn') return single.matmulTransA(a, b, m, k, n);
  return layout === 'nt' ? single.matmulTransB(a, b, m, k, n) : single.matmul(a, b, m, k, n);
}

/** The same product on a ThreadedCore's blocks. */
function threadedProduct(
  t: ThreadedCore,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  layout: Layout,
): Float32Array {
  const ab = block(t.core, a);
  const bb = block(t.core, b);
  const out = t.core.alloc(layout === 'tn' ? k * n : m * n);
  out.array.fill(Number.NaN);
  if (layout === 'tn') t.matmulTransAInto(ab, bb, out, m, k, n);
  else if (layout === 'nt') t.matmulTransBInto(ab, bb, out, m, k, n);
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

  it('cuts finer when b is packed ahead: about 32 chunks per thread, down to one tile', () => {
    expect(chunkRows(1, 2, true)).toBe(5);
    expect(chunkRows(1024, 2, true)).toBe(20); // 205 tiles / 64 chunks → 4 tiles
    expect(chunkRows(4096, 2, true)).toBe(65); // 820 tiles / 64 → 13
    for (const [rows, threads] of [
      [7, 3],
      [1000, 2],
      [99_999, 64],
    ] as const) {
      const chunk = chunkRows(rows, threads, true);
      expect(chunk % 5).toBe(0);
      expect(Math.ceil(rows / chunk)).toBeLessThanOrEqual(threads * 32);
    }
  });
});

describe('ThreadedCore', () => {
  for (const threads of [1, 2, 3]) {
    for (const layout of layouts) {
      const name = methodOf[layout];
      it(`${name} on ${threads} thread(s) equals the single-thread core bit for bit on odd shapes`, () => {
        const t = threaded.get(threads) as ThreadedCore;
        for (const [m, k, n] of shapes) {
          const a = randn(m * k, m + 1, 3);
          const b = randn(layout === 'tn' ? m * n : k * n, n + 2, 0.5);
          expect(bits(threadedProduct(t, a, b, m, k, n, layout))).toEqual(
            bits(singleProduct(a, b, m, k, n, layout)),
          );
        }
      });
    }
  }

  it('propagates NaN, ±Inf, ±0, huge and subnormal inputs exactly as the single-thread core (3 threads)', () => {
    const t = threaded.get(3) as ThreadedCore;
    const [m, k, n] = [edgeValuesF32.length * 2, 19, 29];
    for (const layout of layouts) {
      const a = randn(m * k, 6);
      const b = randn(layout === 'tn' ? m * n : k * n, 7);
      // row i of a starts with an edge value (twice over: rows in every strip); b gets them in row 3
      edgeValuesF32.forEach((v, i) => {
        a[i * k] = v;
        a[(i + edgeValuesF32.length) * k + 5] = v;
        if (i < n) b[3 * n + i] = v;
      });
      expect(bits(threadedProduct(t, a, b, m, k, n, layout))).toEqual(
        bits(singleProduct(a, b, m, k, n, layout)),
      );
    }
  });

  // [m, k, n] for the fused pass: whole-width strips joined up to CHUNK = 2048 values (n ≤ 512),
  // single strips longer than a chunk (5 × 600 = 3000), column blocks row by row (n > NC = 512),
  // a row count that is no multiple of the 5-row tile, and k = 1
  const denseShapes: [number, number, number][] = [
    [1, 1, 1],
    [7, 13, 5],
    [203, 100, 100],
    [96, 31, 600],
    [53, 40, 1100],
    [41, 1, 512],
    [12, 0, 9],
  ];
  const denseCalls: [ActivationKernel, PassOptions][] = [
    ['tanh', { scale: 0.7, stats: { lo: -1, hi: 1, bins: 30 }, saturation: { lo: -1, hi: 1 } }],
    ['relu', { scale: 1.3, stats: 'moments' }],
    ['sigmoid', { stats: { lo: 0, hi: 1, bins: 7 }, saturation: { lo: 0, hi: 1 } }],
    ['leaky-relu', { alpha: 0.2, scale: 2, stats: { lo: -3, hi: 3, bins: 64 } }],
    ['elu', { alpha: 0.5, scale: 0.25 }],
  ];

  /** denseInto on a core's own blocks: out's bits and the pass it measured. */
  function dense(
    run: (x: F32Block, w: F32Block, out: F32Block) => LayerPass | undefined,
    owner: Core,
    x: Float32Array,
    w: Float32Array,
    length: number,
  ): { out: Uint32Array; pass: LayerPass | undefined } {
    const xb = block(owner, x);
    const wb = block(owner, w);
    const out = owner.alloc(length);
    out.array.fill(Number.NaN);
    const pass = run(xb, wb, out);
    const result = bits(out.array);
    for (const b of [xb, wb, out]) owner.free(b);
    return { out: result, pass };
  }

  for (const threads of [1, 2, 3]) {
    it(`denseInto on ${threads} thread(s) equals Core.denseInto bit for bit: outputs, moments, f64 sums, histogram, saturation`, () => {
      const t = threaded.get(threads) as ThreadedCore;
      for (const [m, k, n] of denseShapes) {
        for (const [kind, options] of denseCalls) {
          const x = randn(m * k, m + k, 1.5);
          const w = randn(k * n, n + 3, 1 / Math.sqrt(Math.max(k, 1)));
          // edge values in the input, so some rows carry NaN and ±Inf into the pass
          edgeValuesF32.forEach((v, i) => {
            if (i * 7 < x.length) x[i * 7] = v;
          });
          const got = dense(
            (xb, wb, out) => t.denseInto(xb, wb, out, m, k, n, kind, options),
            t.core,
            x,
            w,
            m * n,
          );
          const want = dense(
            (xb, wb, out) => single.denseInto(xb, wb, out, m, k, n, kind, options),
            single,
            x,
            w,
            m * n,
          );
          expect(got.out, `${kind} ${m}×${k}×${n}`).toEqual(want.out);
          expect(got.pass, `${kind} ${m}×${k}×${n}`).toEqual(want.pass);
        }
      }
    });
  }

  it('denseInto measures in the fused pass order: a plain product then one activation pass sums differently on wide layers', () => {
    // what makes measureStrips necessary: the same values, measured in 2048-value chunks of index
    // order, give other f64 sums (the test above would pass trivially if the orders never differed)
    const [m, k, n] = [96, 31, 600];
    const x = randn(m * k, 5);
    const w = randn(k * n, 6, 0.2);
    const fused = dense(
      (xb, wb, out) => single.denseInto(xb, wb, out, m, k, n, 'tanh', { stats: 'moments' }),
      single,
      x,
      w,
      m * n,
    );
    const split = dense(
      (xb, wb, out) => {
        single.matmulInto(xb, wb, out, m, k, n);
        return single.activateInto('tanh', out, out, { stats: 'moments' });
      },
      single,
      x,
      w,
      m * n,
    );
    expect(split.out).toEqual(fused.out);
    expect(split.pass?.sumSqDev).not.toBe(fused.pass?.sumSqDev);
  });

  it('writes zeros when k is 0 and nothing when m is 0', () => {
    const t = threaded.get(2) as ThreadedCore;
    expect(
      Array.from(threadedProduct(t, new Float32Array(0), new Float32Array(0), 12, 0, 3, 'nn')),
    ).toEqual(new Array(36).fill(0));
    expect(threadedProduct(t, new Float32Array(0), randn(12, 5), 0, 3, 4, 'nn')).toHaveLength(0);
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
    expect(bits(threadedProduct(t, a, b, m, k, n, 'nn'))).toEqual(
      bits(singleProduct(a, b, m, k, n, 'nn')),
    );
  });
});
