import { beforeAll, describe, expect, it } from 'vitest';
import {
  EPS_F32,
  edgeValuesF32,
  expectCloseF32,
  MAX_F32,
  maxRelativeError,
  TINY_F32,
} from '../../../testing/f32.js';
import {
  type ActivationKernel,
  activationAlphas,
  activationKernels,
  activationRegistry,
  type Core,
  normalCdf,
  reference,
  seluAlpha,
  seluLambda,
} from '../src/index.js';
import { newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

/**
 * INITSCOPE_EXHAUSTIVE=1 sweeps sigmoid and tanh over every 61st f32 bit pattern (7·10⁷ inputs
 * each, ≈ 7 s); the default takes every 7919th (5.4·10⁵ each, every exponent range of both signs).
 */
const exhaustive = process.env.INITSCOPE_EXHAUSTIVE === '1';

// f32 inputs spread over every binade of both signs: every 997th bit pattern below +Inf
function everyBinade(): Float32Array {
  const bits = new Uint32Array(2 * Math.ceil(0x7f800000 / 997));
  let i = 0;
  for (let b = 0; b < 0x7f800000; b += 997) {
    bits[i++] = b;
    bits[i++] = (b | 0x80000000) >>> 0;
  }
  return new Float32Array(bits.buffer, 0, i);
}

// A dense grid over [−20, 20] and a coarse one out to ±100 (where exp over- and underflows).
function grids(): Float32Array[] {
  return [
    Float32Array.from({ length: 400_001 }, (_, i) => -20 + i * 1e-4),
    Float32Array.from({ length: 20_001 }, (_, i) => -100 + i * 1e-2),
  ];
}

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The size of the terms of each derivative, |φ′| or, where φ′ is a difference of terms with a root
 * (gelu′ = Φ(a) + a·φ(a) at a ≈ −0.75, silu′ = σ(a) + a·σ(a)σ(−a) at a ≈ −1.28), the sum of their
 * magnitudes: f32 evaluation is accurate relative to it, not to the value near the root.
 */
const derivativeScale: Partial<Record<ActivationKernel, (a: number) => number>> = {
  gelu: (a) => normalCdf(a) + Math.abs(a * Math.exp(-(a * a) / 2)) / Math.sqrt(2 * Math.PI),
  silu: (a) => sigma(a) * (1 + Math.abs(a) * sigma(-a)),
};

const alphaOf = (kind: ActivationKernel) => activationAlphas[kind] ?? 0;
const phi = (kind: ActivationKernel) => (v: number) =>
  activationRegistry[kind].phi(v, alphaOf(kind));
const dphi = (kind: ActivationKernel) => (v: number) =>
  activationRegistry[kind].dphi(v, alphaOf(kind));

describe('activate()', () => {
  for (const kind of activationKernels) {
    it(`matches the reference for ${kind} on 1003 normals ×20`, () => {
      const x = randn(1003, 20, 20);
      expectCloseF32(core.activate(kind, x), reference.activate(kind, x));
    });

    it(`propagates NaN, ±Inf, ±0, huge, tiny and subnormal inputs like the reference for ${kind}`, () => {
      // 23 edge values: not a multiple of 4 or 8, so the scalar tail is covered too
      const x = Float32Array.from(edgeValuesF32);
      expectCloseF32(core.activate(kind, x), reference.activate(kind, x));
    });
  }

  it('gives the same value for an element whatever its position (vector body or tail)', () => {
    const x = randn(11, 21, 5);
    const whole = core.activate('tanh', x);
    for (let i = 0; i < x.length; i++) {
      expect(core.activate('tanh', x.subarray(i, i + 1))[0]).toBe(whole[i]);
    }
  });

  it('keeps the limits exact: sigmoid(±Inf) = 1/0, tanh(±Inf) = ±1, tanh(−0) = −0, relu(NaN) = NaN', () => {
    const inf = Float32Array.from([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      Number.NaN,
    ]);
    expect(Array.from(core.activate('sigmoid', inf))).toEqual([1, 0, 0.5, Number.NaN]);
    expect(Array.from(core.activate('tanh', inf))).toEqual([1, -1, -0, Number.NaN]);
    expect(Object.is(core.activate('tanh', inf)[2], -0)).toBe(true);
    expect(Array.from(core.activate('relu', inf))).toEqual([
      Number.POSITIVE_INFINITY,
      0,
      0,
      Number.NaN,
    ]);
  });

  it('never produces NaN from finite inputs', () => {
    const x = everyBinade();
    for (const kind of activationKernels) {
      expect(core.activate(kind, x).some(Number.isNaN), kind).toBe(false);
    }
  });

  it('sigmoid is within 1e-6 relative of f64 Math wherever the result is a normal f32', () => {
    const x = everyBinade();
    const worst = maxRelativeError(x, core.activate('sigmoid', x), (v) => 1 / (1 + Math.exp(-v)));
    expect(worst).toBeLessThanOrEqual(EPS_F32);
  });

  it('tanh is within 1e-6 relative of f64 Math wherever the result is a normal f32', () => {
    const x = everyBinade();
    const worst = maxRelativeError(x, core.activate('tanh', x), Math.tanh);
    expect(worst).toBeLessThanOrEqual(EPS_F32);
  });

  const stride = exhaustive ? 61 : 7919;
  const inputs = Math.ceil(2 ** 32 / stride);
  it(`sigmoid and tanh are within 1e-6 relative on one f32 bit pattern in ${stride} (${inputs} inputs each)`, () => {
    // the whole f32 range, both signs, in chunks of up to 2^20 bit patterns (NaN patterns included)
    const chunk = 1 << 20;
    const bits = new Uint32Array(chunk);
    const x = new Float32Array(bits.buffer);
    const exact = { sigmoid: sigma, tanh: Math.tanh } as const;
    for (const kind of ['sigmoid', 'tanh'] as const) {
      let worst = 0;
      let count = 0;
      for (let b = 0; b < 2 ** 32; b += stride * chunk) {
        let n = 0;
        for (let v = b; n < chunk && v < 2 ** 32; v += stride) bits[n++] = v;
        const got = core.activate(kind, x.subarray(0, n));
        worst = Math.max(worst, maxRelativeError(x.subarray(0, n), got, exact[kind]));
        if (got.some((v, i) => Number.isNaN(v) && !Number.isNaN(x[i] as number))) {
          expect.fail(`${kind} gave NaN for a non-NaN input`);
        }
        count += n;
      }
      expect(count).toBe(inputs);
      expect(worst, kind).toBeLessThanOrEqual(EPS_F32);
    }
  });

  it('sigmoid and tanh are accurate on a dense grid over [−20, 20]', () => {
    const x = Float32Array.from({ length: 400_001 }, (_, i) => -20 + i * 1e-4);
    expect(
      maxRelativeError(x, core.activate('sigmoid', x), (v) => 1 / (1 + Math.exp(-v))),
    ).toBeLessThanOrEqual(EPS_F32);
    expect(maxRelativeError(x, core.activate('tanh', x), Math.tanh)).toBeLessThanOrEqual(EPS_F32);
  });

  for (const kind of activationKernels) {
    it(`${kind} is within 1e-6 relative of f64 Math wherever the result is a normal f32`, () => {
      const exact = phi(kind);
      for (const x of [everyBinade(), ...grids()]) {
        expect(maxRelativeError(x, core.activate(kind, x), exact)).toBeLessThanOrEqual(EPS_F32);
      }
    });
  }

  // [x, kind(x)] rows that must hold exactly (±0 compared with Object.is)
  const limits: Record<ActivationKernel, [number, number][]> = {
    linear: [
      [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
      [-0, -0],
    ],
    sigmoid: [
      [Number.NEGATIVE_INFINITY, 0],
      [Number.POSITIVE_INFINITY, 1],
      [0, 0.5],
    ],
    tanh: [
      [Number.NEGATIVE_INFINITY, -1],
      [Number.POSITIVE_INFINITY, 1],
      [-0, -0],
    ],
    relu: [
      [Number.NEGATIVE_INFINITY, 0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [-0, 0],
    ],
    'leaky-relu': [
      [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
      [-100, Math.fround(-1)],
      [-0, -0],
    ],
    elu: [
      [Number.NEGATIVE_INFINITY, -1],
      [-200, -1],
      [-0, -0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    ],
    selu: [
      [Number.NEGATIVE_INFINITY, Math.fround(-seluLambda * seluAlpha)],
      [-0, -0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    ],
    gelu: [
      [Number.NEGATIVE_INFINITY, -0],
      [-0, -0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [-40, -0],
    ],
    silu: [
      [Number.NEGATIVE_INFINITY, -0],
      [-0, -0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [-150, -0],
    ],
    softplus: [
      [Number.NEGATIVE_INFINITY, 0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [0, Math.fround(Math.LN2)],
      [100, 100],
    ],
    softsign: [
      [Number.NEGATIVE_INFINITY, -1],
      [Number.POSITIVE_INFINITY, 1],
      [-0, -0],
      [MAX_F32, 1],
    ],
  };
  for (const kind of activationKernels) {
    it(`keeps ${kind}'s limits, ±0 and NaN exact`, () => {
      const rows = [...limits[kind], [Number.NaN, Number.NaN]] as [number, number][];
      const got = core.activate(kind, Float32Array.from(rows.map(([x]) => x)));
      rows.forEach(([x, want], i) => {
        expect(
          Object.is(got[i], Math.fround(want)),
          `${kind}(${x}) = ${got[i]}, expected ${want}`,
        ).toBe(true);
      });
    });
  }

  it('uses α for leaky-relu and elu like the reference (α = 0.2, 0.5) and rejects it elsewhere', () => {
    const x = randn(1003, 23, 3);
    for (const kind of ['leaky-relu', 'elu'] as const) {
      expectCloseF32(
        core.activate(kind, x, { alpha: 0.2 }),
        reference.activate(kind, x, { alpha: 0.2 }),
      );
      expectCloseF32(
        core.activate(kind, x, { alpha: 0.5, scale: 2 }),
        reference.activate(kind, x, { alpha: 0.5, scale: 2 }),
      );
    }
    expect(core.activate('leaky-relu', Float32Array.from([-2]))[0]).toBeCloseTo(-0.02, 7);
    expect(() => core.activate('selu', x, { alpha: 2 })).toThrow(
      'activate: selu takes no alpha, got 2',
    );
    expect(() => core.activate('elu', x, { alpha: Number.NaN })).toThrow(
      'activate: alpha must be a finite number, got NaN',
    );
  });

  it('applies the scale before the activation: act(f32(scale·x)) like the reference', () => {
    const x = randn(1003, 24, 3);
    for (const kind of activationKernels) {
      expectCloseF32(core.activate(kind, x, { scale: -0.3 }), reference.activate(kind, x, -0.3));
    }
    expect(() => core.activate('tanh', x, { scale: 1e39 })).toThrow(
      'activate: scale must be within the f32 range (|scale| ≤ 3.4028234663852886e+38), got 1e+39',
    );
  });

  it('works in place with activateInto(kind, x, x)', () => {
    const x = core.alloc(37);
    const values = randn(37, 22, 3);
    x.array.set(values);
    core.activateInto('sigmoid', x, x);
    expectCloseF32(x.array, reference.activate('sigmoid', values));
  });
});

describe('derivative()', () => {
  for (const kind of activationKernels) {
    const scale = derivativeScale[kind];
    const what = scale ? 'of the size of its terms' : 'relative';
    it(`${kind}′ is within 1e-6 ${what} of f64 Math wherever the result is a normal f32`, () => {
      const exact = dphi(kind);
      const size = scale ? (v: number) => scale(v) : undefined;
      for (const x of [everyBinade(), ...grids()]) {
        expect(maxRelativeError(x, core.derivative(kind, x), exact, size)).toBeLessThanOrEqual(
          EPS_F32,
        );
      }
    });

    it(`matches the reference for ${kind}′ on NaN, ±Inf, ±0, huge, tiny and subnormal inputs`, () => {
      const x = Float32Array.from(edgeValuesF32);
      const got = core.derivative(kind, x);
      const want = reference.derivative(kind, x);
      if (!scale) expectCloseF32(got, want);
      else {
        got.forEach((v, i) => {
          const e = want[i] as number;
          if (Number.isNaN(e)) expect(v).toBeNaN();
          else {
            const a = x[i] as number;
            const size = Number.isFinite(a) ? scale(a) : 0;
            expect(Math.abs(v - e)).toBeLessThanOrEqual(EPS_F32 * size + TINY_F32);
          }
        });
      }
    });
  }

  it('gives the textbook values at 0 and the limits at ±Inf (approached from below by gelu′, silu′)', () => {
    const x = Float32Array.from([0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    const rows: Record<ActivationKernel, number[]> = {
      linear: [1, 1, 1],
      sigmoid: [0.25, 0, 0],
      tanh: [1, 0, 0],
      relu: [0, 0, 1],
      'leaky-relu': [Math.fround(0.01), Math.fround(0.01), 1],
      elu: [1, 0, 1],
      selu: [Math.fround(seluLambda * seluAlpha), 0, Math.fround(seluLambda)],
      gelu: [0.5, -0, 1],
      silu: [0.5, -0, 1],
      softplus: [0.5, 0, 1],
      softsign: [1, 0, 0],
    };
    for (const kind of activationKernels) {
      expect(Array.from(core.derivative(kind, x)), kind).toEqual(rows[kind]);
    }
  });

  it('propagates NaN for every kind and uses α for leaky-relu and elu', () => {
    for (const kind of activationKernels) {
      expect(core.derivative(kind, Float32Array.from([Number.NaN]))[0], kind).toBeNaN();
    }
    const x = randn(101, 25, 3);
    for (const kind of ['leaky-relu', 'elu'] as const) {
      expectCloseF32(
        core.derivative(kind, x, { alpha: 0.3 }),
        reference.derivative(kind, x, { alpha: 0.3 }),
      );
    }
  });

  it('writes into blocks with derivativeInto, in place too', () => {
    const values = randn(37, 26, 2);
    const a = core.alloc(37);
    a.array.set(values);
    const out = core.alloc(37);
    core.derivativeInto('tanh', a, out);
    const want = core.derivative('tanh', values); // may grow memory: before reading out's view
    expect(out.array).toEqual(want);
    core.derivativeInto('tanh', a, a);
    expect(a.array).toEqual(out.array);
  });
});

describe('backward()', () => {
  for (const kind of activationKernels) {
    it(`equals f32(${kind}′(a)·g) bit for bit, on edge values too`, () => {
      const a = Float32Array.from([...randn(61, 27, 3), ...edgeValuesF32]);
      const g = Float32Array.from([...edgeValuesF32, ...randn(61, 28)]);
      const d = core.derivative(kind, a, { alpha: activationAlphas[kind] });
      const want = d.map((v, i) => v * (g[i] as number));
      const got = core.backward(kind, a, g);
      got.forEach((v, i) => {
        if (!Object.is(v, want[i]))
          expect.fail(`${kind} index ${i}: got ${v}, expected ${want[i]}`);
      });
    });
  }

  it('works in place on a or g with backwardInto and checks lengths and blocks', () => {
    const a = core.alloc(20);
    const g = core.alloc(20);
    a.array.set(randn(20, 29));
    g.array.set(randn(20, 30));
    const want = core.backward('silu', a.array, g.array);
    core.backwardInto('silu', a, g, g);
    expect(g.array).toEqual(want);
    expect(() => core.backwardInto('silu', a, core.alloc(19), a)).toThrow(
      'backwardInto: g has 19 values, needs a.length = 20',
    );
    // a hand-made block inside a (it would partly overlap out) is not a block of this core
    const inside = { ptr: a.ptr + 4, length: 19, array: a.array.subarray(1) };
    expect(() => core.backwardInto('silu', inside, g, a)).toThrow(
      `backwardInto: a is not an F32Block of this Core (ptr ${a.ptr + 4}, length 19): make blocks with alloc() or view()`,
    );
    // views of the leading values work in place (g holds `want` now, a its own values)
    const leading = core.backward('silu', a.array.subarray(0, 5), want.subarray(0, 5));
    core.backwardInto('silu', core.view(a, 5), core.view(g, 5), core.view(a, 5));
    expect(a.array.subarray(0, 5)).toEqual(leading);
    expect(() => core.backward('relu', new Float32Array(3), new Float32Array(2))).toThrow(
      'backward: g has 2 values, needs a.length = 3',
    );
  });
});
