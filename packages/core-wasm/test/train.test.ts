import { beforeAll, describe, expect, it } from 'vitest';
import { edgeValuesF32, expectBitEqual, expectCloseF32, MAX_F32 } from '../../../testing/f32.js';
import {
  type ActivationKernel,
  adamStepSize,
  type Core,
  type F32Block,
  optimizerDefaults,
  reference,
} from '../src/index.js';
import { newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

/** A block holding `values`. */
function block(values: ArrayLike<number>): F32Block {
  const b = core.alloc(values.length);
  b.array.set(values);
  return b;
}

/** n values mixing normals with every edge value (NaN, ±Inf, ±0, huge, tiny, subnormals). */
function withEdges(n: number, seed: number, scale = 1): Float32Array {
  const x = randn(n, seed, scale);
  for (let i = 0; i < n; i += 3)
    x[i] = edgeValuesF32[(i / 3 + seed) % edgeValuesF32.length] as number;
  return x;
}

// odd shapes: 1×1, fewer columns than a lane, not multiples of 4 or 8, the book's last layer
const shapes: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 3],
  [7, 13],
  [5, 4],
  [128, 10],
  [3, 101],
];

describe('addBiasInto()', () => {
  it.each(shapes)('matches the reference bit for bit for %i×%i, edge values included', (m, n) => {
    const z = withEdges(m * n, m + n);
    const bias = withEdges(n, 7 * n);
    const zb = block(z);
    const bb = block(bias);
    core.addBiasInto(zb, bb, m, n);
    expectBitEqual(zb.array.slice(0, m * n), reference.addBias(z, bias, m, n));
  });

  it('names a bias block that is too short', () => {
    expect(() => core.addBiasInto(core.alloc(6), core.alloc(2), 2, 3)).toThrow(
      'addBiasInto: bias has 2 values, needs n = 3',
    );
  });
});

describe('columnSumsInto()', () => {
  it.each(shapes)('matches the reference bit for bit for %i×%i, edge values included', (m, n) => {
    const d = withEdges(m * n, 3 * m + n);
    const sums = core.alloc(n);
    core.columnSumsInto(block(d), sums, m, n);
    expectBitEqual(sums.array.slice(0, n), reference.columnSums(d, m, n));
  });

  it('overflows to ±Inf like f32 (huge values)', () => {
    const sums = core.alloc(1);
    core.columnSumsInto(block([MAX_F32, MAX_F32]), sums, 2, 1);
    expect(sums.array[0]).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('softmaxCrossEntropyInto()', () => {
  it.each(shapes.filter(([, n]) => n > 1))(
    'matches the reference for %i×%i logits (loss and gradient)',
    (m, n) => {
      const z = randn(m * n, m * 31 + n, 3);
      const labels = Float32Array.from({ length: m }, (_, i) => (i * 7) % n);
      const d = core.alloc(m * n);
      const loss = core.softmaxCrossEntropyInto(block(z), block(labels), d, m, n);
      const ref = reference.softmaxCrossEntropy(z, labels, m, n);
      expect(loss).toBeCloseTo(ref.loss, 12);
      expectCloseF32(d.array.slice(0, m * n), ref.d, 1e-6);
      // every row of d sums to 0 (softmax sums to 1, minus the one-hot)
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += d.array[i * n + j] as number;
        expect(Math.abs(s)).toBeLessThan(1e-6);
      }
    },
  );

  it('is −ln(1/n + 1e-7) for equal logits and stays finite for huge ones; NaN or +Inf logits give NaN', () => {
    const d = core.alloc(20);
    expect(
      core.softmaxCrossEntropyInto(block(new Float32Array(10)), block([3]), d, 1, 10),
    ).toBeCloseTo(-Math.log(0.1 + 1e-7), 6);
    // a logit of 3e38 on the wrong class: y[t] = 0, loss = −ln 1e-7 (the book's delta)
    const huge = core.softmaxCrossEntropyInto(block([3e38, 0, -3e38]), block([1]), d, 1, 3);
    expect(huge).toBeCloseTo(-Math.log(1e-7), 9);
    expectCloseF32(d.array.slice(0, 3), [1, -1, 0]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const z = block([0, bad, 1]);
      expect(core.softmaxCrossEntropyInto(z, block([0]), d, 1, 3)).toBeNaN();
      expect(reference.softmaxCrossEntropy(z.array, [0], 1, 3).loss).toBeNaN();
    }
  });

  it('names a label outside the classes', () => {
    expect(() =>
      core.softmaxCrossEntropyInto(block([0, 0, 0, 0]), block([0, 2]), core.alloc(4), 2, 2),
    ).toThrow('softmaxCrossEntropyInto: labels[1] must be an integer in [0, 1], got 2');
  });
});

describe('optimizer updates', () => {
  const lengths = [1, 3, 4, 13, 784 * 3 + 1];

  it.each(lengths)('sgdUpdate matches the reference bit for bit (%i values, edges)', (len) => {
    const w = withEdges(len, len);
    const g = withEdges(len, len + 1, 10);
    const wb = block(w);
    core.sgdUpdate(wb, block(g), optimizerDefaults.sgd.lr);
    reference.sgd(w, g, optimizerDefaults.sgd.lr);
    expectBitEqual(wb.array.slice(0, len), w);
  });

  it.each(lengths)(
    'momentumUpdate matches the reference over 3 steps (%i values, edges)',
    (len) => {
      const w = withEdges(len, len);
      const v = new Float32Array(len);
      const [wb, vb] = [block(w), block(v)];
      const { lr, momentum } = optimizerDefaults.momentum;
      for (let step = 0; step < 3; step++) {
        const g = withEdges(len, 5 * len + step, 1e3);
        core.momentumUpdate(wb, block(g), vb, lr, momentum);
        reference.momentum(w, g, v, lr, momentum);
      }
      expectBitEqual(wb.array.slice(0, len), w);
      expectBitEqual(vb.array.slice(0, len), v);
    },
  );

  it.each(lengths)('adagradUpdate matches the reference over 3 steps (%i values, edges)', (len) => {
    const w = withEdges(len, len);
    const h = new Float32Array(len);
    const [wb, hb] = [block(w), block(h)];
    for (let step = 0; step < 3; step++) {
      const g = withEdges(len, 9 * len + step);
      core.adagradUpdate(wb, block(g), hb, optimizerDefaults.adagrad.lr);
      reference.adagrad(w, g, h, optimizerDefaults.adagrad.lr);
    }
    expectBitEqual(wb.array.slice(0, len), w);
    expectBitEqual(hb.array.slice(0, len), h);
  });

  it.each(lengths)('adamUpdate matches the reference over 3 steps (%i values, edges)', (len) => {
    const w = withEdges(len, len);
    const [m, v] = [new Float32Array(len), new Float32Array(len)];
    const [wb, mb, vb] = [block(w), block(m), block(v)];
    const { lr, beta1, beta2 } = optimizerDefaults.adam;
    for (let step = 1; step <= 3; step++) {
      const g = withEdges(len, 11 * len + step);
      core.adamUpdate(wb, block(g), mb, vb, { lr, beta1, beta2, step });
      reference.adam(w, g, m, v, adamStepSize(lr, beta1, beta2, step), beta1, beta2);
    }
    expectBitEqual(wb.array.slice(0, len), w);
    expectBitEqual(mb.array.slice(0, len), m);
    expectBitEqual(vb.array.slice(0, len), v);
  });

  it('adam’s first step moves every weight by about lr (the book’s bias correction)', () => {
    const wb = block(new Float32Array(8));
    const g = block(randn(8, 4));
    core.adamUpdate(wb, g, block(new Float32Array(8)), block(new Float32Array(8)), {
      ...optimizerDefaults.adam,
      step: 1,
    });
    for (let i = 0; i < 8; i++) {
      expect(Math.abs(wb.array[i] as number)).toBeCloseTo(optimizerDefaults.adam.lr, 5);
      expect(Math.sign(wb.array[i] as number)).toBe(-Math.sign(g.array[i] as number));
    }
  });

  it('names a non-finite rate, a short state block and overlapping blocks', () => {
    const w = core.alloc(4);
    expect(() => core.sgdUpdate(w, core.alloc(4), Number.NaN)).toThrow(
      'sgdUpdate: lr must be a finite number, got NaN',
    );
    expect(() => core.momentumUpdate(w, core.alloc(4), core.alloc(3), 0.1, 0.9)).toThrow(
      'momentumUpdate: v has 3 values, needs w.length = 4',
    );
    expect(() => core.adagradUpdate(w, core.alloc(4), w, 0.1)).toThrow(
      'adagradUpdate: w overlaps h',
    );
  });
});

// A tiny network x (m, 5) → 4 → 3 → softmax, hidden activation φ, trained by the kernels above;
// its analytic gradient (dense forward, softmax backward, δ·Wᵀ, φ′ mask, Xᵀ·δ, column sums) is
// compared with central finite differences of the loss computed in f64.
describe('finite-difference gradient check of a whole tiny network', () => {
  const [m, k, h, c] = [6, 5, 4, 3];

  function lossF64(
    x: Float32Array,
    labels: Float32Array,
    params: Float64Array[],
    act: (v: number) => number,
  ): number {
    const [w1, b1, w2, b2] = params as [Float64Array, Float64Array, Float64Array, Float64Array];
    let loss = 0;
    for (let i = 0; i < m; i++) {
      const hidden = Array.from({ length: h }, (_, j) => {
        let s = b1[j] as number;
        for (let p = 0; p < k; p++) s += (x[i * k + p] as number) * (w1[p * h + j] as number);
        return act(s);
      });
      const z = Array.from({ length: c }, (_, j) => {
        let s = b2[j] as number;
        for (let p = 0; p < h; p++) s += (hidden[p] as number) * (w2[p * c + j] as number);
        return s;
      });
      const max = Math.max(...z);
      const sum = z.reduce((a, v) => a + Math.exp(v - max), 0);
      loss -= Math.log(Math.exp((z[labels[i] as number] as number) - max) / sum + 1e-7);
    }
    return loss / m;
  }

  // [kernel, φ in f64, α (leaky-relu and elu at a non-default α, as `initscope train` passes it)]
  const cases: readonly (readonly [ActivationKernel, (v: number) => number, number?])[] = [
    ['tanh', Math.tanh],
    ['sigmoid', (v) => 1 / (1 + Math.exp(-v))],
    ['relu', (v) => Math.max(0, v)],
    ['leaky-relu', (v) => (v > 0 ? v : 0.2 * v), 0.2],
    ['elu', (v) => (v > 0 ? v : 0.5 * Math.expm1(v)), 0.5],
  ];

  it.each(cases)('analytic gradients match finite differences (%s)', (kind, act, alpha) => {
    const options = alpha === undefined ? undefined : { alpha };
    const x = randn(m * k, 21);
    const labels = Float32Array.from({ length: m }, (_, i) => i % c);
    const init = [
      randn(k * h, 22, 0.8),
      randn(h, 23, 0.3),
      randn(h * c, 24, 0.8),
      randn(c, 25, 0.3),
    ];
    const [xb, w1, b1, w2, b2] = [block(x), ...init.map(block)] as F32Block[] as [
      F32Block,
      F32Block,
      F32Block,
      F32Block,
      F32Block,
    ];
    // forward: a1 = x·W1 + b1, h1 = φ(a1), z = h1·W2 + b2
    const a1 = core.alloc(m * h);
    const h1 = core.alloc(m * h);
    const z = core.alloc(m * c);
    core.matmulInto(xb, w1, a1, m, k, h);
    core.addBiasInto(a1, b1, m, h);
    core.activateInto(kind, a1, h1, options);
    core.matmulInto(h1, w2, z, m, h, c);
    core.addBiasInto(z, b2, m, c);
    // backward
    const dz = core.alloc(m * c);
    const loss = core.softmaxCrossEntropyInto(z, block(labels), dz, m, c);
    const gW2 = core.alloc(h * c);
    const gb2 = core.alloc(c);
    core.matmulTransAInto(h1, dz, gW2, m, h, c);
    core.columnSumsInto(dz, gb2, m, c);
    const dh = core.alloc(m * h);
    core.matmulTransBInto(dz, w2, dh, m, c, h);
    core.backwardInto(kind, a1, dh, dh, options);
    const gW1 = core.alloc(k * h);
    const gb1 = core.alloc(h);
    core.matmulTransAInto(xb, dh, gW1, m, k, h);
    core.columnSumsInto(dh, gb1, m, h);

    const params = init.map((p) => Float64Array.from(p));
    expect(loss).toBeCloseTo(lossF64(x, labels, params, act), 5);
    const analytic = [gW1, gb1, gW2, gb2].map((g, i) =>
      g.array.slice(0, (init[i] as Float32Array).length),
    );
    const step = 1e-5;
    let worst = 0;
    params.forEach((p, which) => {
      for (let i = 0; i < p.length; i++) {
        const saved = p[i] as number;
        p[i] = saved + step;
        const up = lossF64(x, labels, params, act);
        p[i] = saved - step;
        const down = lossF64(x, labels, params, act);
        p[i] = saved;
        const numeric = (up - down) / (2 * step);
        const got = (analytic[which] as Float32Array)[i] as number;
        worst = Math.max(worst, Math.abs(got - numeric) / Math.max(1e-3, Math.abs(numeric)));
      }
    });
    // f32 forward/backward against f64 differences: agreement to ~1e-4 relative
    expect(worst).toBeLessThan(2e-3);
  });
});

describe('matmulSkipZerosInto() and matmulTransASkipZerosInto()', () => {
  /** x (m, k) with about 80% exact zeros (as MNIST), the rest normals and, with `edges`, NaN/±Inf/huge. */
  function sparse(m: number, k: number, seed: number, edges: boolean): Float32Array {
    const x = randn(m * k, seed);
    const u = randn(m * k, seed + 1);
    for (let i = 0; i < x.length; i++) if (Math.abs(u[i] as number) < 1.28) x[i] = i % 2 ? 0 : -0;
    if (edges) {
      for (let i = 0; i < x.length; i += 17) {
        x[i] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3e38][
          i % 4
        ] as number;
      }
    }
    return x;
  }

  const cases: readonly (readonly [number, number, number])[] = [
    [1, 1, 1],
    [3, 7, 5],
    [13, 29, 10],
    [128, 784, 100],
    [5, 33, 101],
    [40, 3, 70],
    [7, 64, 37],
  ];

  it.each(cases)(
    'x·w is bit-equal to matmulInto for %i×%i·%i (finite w, NaN/±Inf/huge in x)',
    (m, k, n) => {
      for (const edges of [false, true]) {
        const x = sparse(m, k, m * k + n, edges);
        const w = randn(k * n, 3 * k + n);
        const out = core.alloc(m * n);
        core.matmulSkipZerosInto(block(x), block(w), out, m, k, n);
        expectBitEqual(out.array.slice(0, m * n), reference.matmul(x, w, m, k, n));
      }
    },
  );

  it.each(cases)('xᵀ·d is bit-equal to matmulTransAInto for %i×%i, d %i wide', (m, k, n) => {
    for (const edges of [false, true]) {
      const x = sparse(m, k, 2 * m * k + n, edges);
      const d = randn(m * n, 5 * k + n, 1e-3);
      const out = core.alloc(k * n);
      core.matmulTransASkipZerosInto(block(x), block(d), out, m, k, n);
      expectBitEqual(out.array.slice(0, k * n), reference.matmulTransA(x, d, m, k, n));
    }
  });

  it('skips 0·Inf in w (documented): the dense product gives NaN there', () => {
    const out = core.alloc(1);
    core.matmulSkipZerosInto(block([0, 2]), block([Number.POSITIVE_INFINITY, 3]), out, 1, 2, 1);
    expect(out.array[0]).toBe(6);
    expect(
      reference.matmul(
        Float32Array.from([0, 2]),
        Float32Array.from([Number.POSITIVE_INFINITY, 3]),
        1,
        2,
        1,
      )[0],
    ).toBeNaN();
  });

  it('names a short block', () => {
    expect(() =>
      core.matmulSkipZerosInto(core.alloc(6), core.alloc(5), core.alloc(4), 2, 3, 2),
    ).toThrow('matmulSkipZerosInto: w has 5 values, needs k·n = 6');
  });
});
