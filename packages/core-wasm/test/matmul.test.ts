import { beforeAll, describe, expect, it } from 'vitest';
import { type Core, reference } from '../src/index.js';
import { edgeValues, expectCloseF32, newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

// [m, k, n]: a is (m, k), b is (k, n)
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [7, 13, 5],
  [1000, 100, 100],
  [1, 17, 3],
  [33, 65, 31],
  [4, 8, 8],
  [5, 9, 9],
  [3, 1, 11],
  [2, 300, 7],
  [9, 257, 513],
  [130, 3, 1],
  [6, 600, 1030],
];

describe('matmul()', () => {
  for (const [m, k, n] of shapes) {
    it(`matches the reference for ${m}×${k}·${k}×${n}`, () => {
      const a = randn(m * k, 1);
      const b = randn(k * n, 2);
      expectCloseF32(core.matmul(a, b, m, k, n), reference.matmul(a, b, m, k, n));
    });
  }

  it('equals the i-k-j reference bit for bit (same f32 summation order)', () => {
    const [m, k, n] = [37, 300, 45];
    const a = randn(m * k, 3, 10);
    const b = randn(k * n, 4, 0.1);
    expect(Array.from(core.matmul(a, b, m, k, n))).toEqual(
      Array.from(reference.matmul(a, b, m, k, n)),
    );
  });

  it('returns zeros when k is 0 and an empty array when m or n is 0', () => {
    expect(Array.from(core.matmul(new Float32Array(0), new Float32Array(0), 2, 0, 3))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(core.matmul(new Float32Array(0), randn(12, 5), 0, 3, 4)).toHaveLength(0);
  });

  it('propagates NaN, ±Inf, ±0, huge, tiny and subnormal inputs like the reference', () => {
    const [m, k, n] = [edgeValues.length, 9, 13];
    const a = randn(m * k, 6);
    const b = randn(k * n, 7);
    // row i of a starts with edge value i; column j of b gets edge value j in row 3
    edgeValues.forEach((v, i) => {
      a[i * k] = v;
      if (i < n) b[3 * n + i] = v;
    });
    expectCloseF32(core.matmul(a, b, m, k, n), reference.matmul(a, b, m, k, n));
  });

  it('overflows to ±Inf and produces NaN from Inf − Inf like the reference', () => {
    const a = Float32Array.from([3e38, 3e38, 3e38, -3e38]);
    const b = Float32Array.from([3e38, 1, 1, 3e38]);
    const got = core.matmul(a, b, 2, 2, 2);
    expectCloseF32(got, reference.matmul(a, b, 2, 2, 2));
    expect(Number.isNaN(got[3] as number) || !Number.isFinite(got[3] as number)).toBe(true);
  });

  it('writes into blocks with matmulInto, including blocks longer than needed', () => {
    const [m, k, n] = [5, 6, 7];
    const a = core.alloc(m * k + 3);
    const b = core.alloc(k * n);
    const out = core.alloc(m * n + 1);
    a.array.set(randn(m * k + 3, 8));
    b.array.set(randn(k * n, 9));
    out.array[m * n] = 42;
    core.matmulInto(a, b, out, m, k, n);
    const expected = reference.matmul(a.array.slice(0, m * k), b.array, m, k, n);
    expectCloseF32(out.array.slice(0, m * n), expected);
    expect(out.array[m * n]).toBe(42);
  });
});

describe('denseInto()', () => {
  for (const kind of ['linear', 'sigmoid', 'tanh', 'relu'] as const) {
    it(`equals matmul then ${kind} exactly for 33×65·65×31`, () => {
      const [m, k, n] = [33, 65, 31];
      const x = randn(m * k, 10);
      const w = randn(k * n, 11);
      const fused = core.dense(x, w, m, k, n, kind);
      const twoPass = core.activate(kind, core.matmul(x, w, m, k, n));
      expect(Array.from(fused)).toEqual(Array.from(twoPass));
      expectCloseF32(fused, reference.activate(kind, reference.matmul(x, w, m, k, n)));
    });
  }

  it('applies the activation once across k blocks (k = 600)', () => {
    const [m, k, n] = [9, 600, 20];
    const x = randn(m * k, 12);
    const w = randn(k * n, 13, 0.05);
    const block = (values: Float32Array) => {
      const b = core.alloc(values.length);
      b.array.set(values);
      return b;
    };
    const out = core.alloc(m * n);
    core.denseInto(block(x), block(w), out, m, k, n, 'tanh');
    expectCloseF32(out.array, reference.activate('tanh', reference.matmul(x, w, m, k, n)));
  });
});
