import { beforeAll, describe, expect, it } from 'vitest';
import { block, edgeValuesF32, expectBitEqual, expectCloseF32 } from '../../../testing/f32.js';
import { activationKernels, type Core, reference } from '../src/index.js';
import { newCore, randn } from './fixtures.js';

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
    const [m, k, n] = [edgeValuesF32.length, 9, 13];
    const a = randn(m * k, 6);
    const b = randn(k * n, 7);
    // row i of a starts with edge value i; column j of b gets edge value j in row 3
    edgeValuesF32.forEach((v, i) => {
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

// every row-block height (1–5, edge blocks are packed) against every panel width (1–8, a 4-wide
// panel has its own kernel) and k on both sides of the 256-deep block
describe('matmul() edge tiles', () => {
  for (const k of [1, 3, 100, 257]) {
    it(`equals the reference bit for bit for m 1–11, n 1–17, k = ${k}`, () => {
      for (let m = 1; m <= 11; m++) {
        for (let n = 1; n <= 17; n++) {
          const a = randn(m * k, m * 100 + n);
          const b = randn(k * n, n * 100 + m);
          const got = core.matmul(a, b, m, k, n);
          const want = reference.matmul(a, b, m, k, n);
          if (!got.every((v, i) => Object.is(v, want[i])))
            expect.fail(`${m}×${k}·${k}×${n} differs`);
        }
      }
    });
  }
});

// a (m, k) with row i starting with edge value i, and a second operand with edge values in one row
function withEdges(rows: number, cols: number, seed: number): Float32Array {
  const x = randn(rows * cols, seed);
  edgeValuesF32.forEach((v, i) => {
    if (i < rows) x[i * cols] = v;
    if (i < cols && rows > 3) x[3 * cols + i] = v;
  });
  return x;
}

const transposedShapes: [number, number, number][] = [
  [1, 1, 1],
  [7, 13, 5],
  [5, 9, 4],
  [3, 1, 11],
  [33, 65, 31],
  [1000, 100, 100],
  [9, 257, 513],
  [6, 600, 1030],
];

describe('matmulTransB()', () => {
  for (const [m, k, n] of transposedShapes) {
    it(`equals the reference bit for bit for ${m}×${k}·(${n}×${k})ᵀ`, () => {
      const a = randn(m * k, 60);
      const b = randn(n * k, 61);
      expectBitEqual(core.matmulTransB(a, b, m, k, n), reference.matmulTransB(a, b, m, k, n));
    });
  }

  it('equals matmul with b transposed, bit for bit (23×300·(45×300)ᵀ)', () => {
    const [m, k, n] = [23, 300, 45];
    const a = randn(m * k, 62);
    const bt = randn(n * k, 63);
    const b = new Float32Array(k * n);
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) b[p * n + j] = bt[j * k + p] as number;
    expectBitEqual(core.matmulTransB(a, bt, m, k, n), core.matmul(a, b, m, k, n));
  });

  it('propagates NaN, ±Inf, ±0, huge, tiny and subnormal inputs like the reference', () => {
    const [m, k, n] = [edgeValuesF32.length, 9, 13];
    const a = withEdges(m, k, 64);
    const b = withEdges(n, k, 65);
    expectCloseF32(core.matmulTransB(a, b, m, k, n), reference.matmulTransB(a, b, m, k, n));
  });

  it('writes into blocks with matmulTransBInto and checks b as (n, k)', () => {
    const [m, k, n] = [5, 6, 7];
    const a = block(core, randn(m * k, 66));
    const b = block(core, randn(n * k, 67));
    const out = core.alloc(m * n);
    core.matmulTransBInto(a, b, out, m, k, n);
    expect(out.array).toEqual(reference.matmulTransB(a.array, b.array, m, k, n));
    expect(() => core.matmulTransBInto(a, core.alloc(41), out, m, k, n)).toThrow(
      'matmulTransBInto: b has 41 values, needs n·k = 7·6 = 42',
    );
  });
});

describe('matmulTransA()', () => {
  for (const [m, k, n] of transposedShapes) {
    it(`equals the reference bit for bit for (${m}×${k})ᵀ·${m}×${n}`, () => {
      const a = randn(m * k, 70);
      const b = randn(m * n, 71);
      expectBitEqual(core.matmulTransA(a, b, m, k, n), reference.matmulTransA(a, b, m, k, n));
    });
  }

  it('equals every k-block height and n-panel width bit for bit (k 1–11, n 1–17, m = 37)', () => {
    const m = 37;
    for (let k = 1; k <= 11; k++) {
      for (let n = 1; n <= 17; n++) {
        const a = randn(m * k, k * 100 + n);
        const b = randn(m * n, n * 100 + k);
        const got = core.matmulTransA(a, b, m, k, n);
        const want = reference.matmulTransA(a, b, m, k, n);
        if (!got.every((v, i) => Object.is(v, want[i])))
          expect.fail(`(${m}×${k})ᵀ·${m}×${n} differs`);
      }
    }
  });

  it('propagates NaN, ±Inf, ±0, huge, tiny and subnormal inputs like the reference', () => {
    const [m, k, n] = [edgeValuesF32.length, 9, 13];
    const a = withEdges(m, k, 72);
    const b = withEdges(m, n, 73);
    expectCloseF32(core.matmulTransA(a, b, m, k, n), reference.matmulTransA(a, b, m, k, n));
  });

  it('writes (k, n) into blocks with matmulTransAInto and checks out as (k, n)', () => {
    const [m, k, n] = [8, 3, 5];
    const a = block(core, randn(m * k, 74));
    const b = block(core, randn(m * n, 75));
    const out = core.alloc(k * n);
    core.matmulTransAInto(a, b, out, m, k, n);
    expect(out.array).toEqual(reference.matmulTransA(a.array, b.array, m, k, n));
    expect(() => core.matmulTransAInto(a, b, core.alloc(14), m, k, n)).toThrow(
      'matmulTransAInto: out has 14 values, needs k·n = 3·5 = 15',
    );
  });
});

describe('denseInto() with a scale', () => {
  const shapes: [number, number, number][] = [
    [7, 13, 5],
    [33, 65, 31],
    [9, 600, 20],
    [6, 300, 1030],
  ];
  for (const kind of activationKernels) {
    it(`equals matmulInto then activateInto(${kind}, scale) bit for bit on odd shapes and edge values`, () => {
      for (const [m, k, n] of shapes) {
        const x = block(core, m >= edgeValuesF32.length ? withEdges(m, k, 80) : randn(m * k, 80));
        const w = block(core, withEdges(k, n, 81));
        const fused = core.alloc(m * n);
        const twoPass = core.alloc(m * n);
        core.denseInto(x, w, fused, m, k, n, kind, 0.37);
        core.matmulInto(x, w, twoPass, m, k, n);
        core.activateInto(kind, twoPass, twoPass, { scale: 0.37 });
        const [f, t] = [fused.array, twoPass.array];
        if (!f.every((v, i) => Object.is(v, t[i]) || (Number.isNaN(v) && Number.isNaN(t[i])))) {
          expect.fail(`${kind} ${m}×${k}·${k}×${n} differs`);
        }
      }
    });
  }

  it('applies the scale before the activation like the reference (tanh, scale −2.5)', () => {
    const [m, k, n] = [17, 40, 23];
    const x = randn(m * k, 82);
    const w = randn(k * n, 83, 0.1);
    expectCloseF32(
      core.dense(x, w, m, k, n, 'tanh', { scale: -2.5 }),
      reference.dense(x, w, m, k, n, 'tanh', { scale: -2.5 }),
    );
  });

  it('scale 1 (the default) changes nothing', () => {
    const x = randn(5 * 7, 84);
    const w = randn(7 * 3, 85);
    expect(core.dense(x, w, 5, 7, 3, 'sigmoid', 1)).toEqual(core.dense(x, w, 5, 7, 3, 'sigmoid'));
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
    const out = core.alloc(m * n);
    core.denseInto(block(core, x), block(core, w), out, m, k, n, 'tanh');
    expectCloseF32(out.array, reference.activate('tanh', reference.matmul(x, w, m, k, n)));
  });
});
