import { beforeAll, describe, expect, it } from 'vitest';
import { activationKernels, type Core, reference } from '../src/index.js';
import { EPS_F32, edgeValues, expectCloseF32, newCore, randn, TINY_F32 } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

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

// the largest |got − exact| / |exact| where fround(exact) is a normal f32
function maxRelativeError(
  x: Float32Array,
  got: Float32Array,
  exact: (x: number) => number,
): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const e = exact(x[i] as number);
    if (!(Math.abs(Math.fround(e)) >= TINY_F32) || !Number.isFinite(e)) continue;
    worst = Math.max(worst, Math.abs((got[i] as number) - e) / Math.abs(e));
  }
  return worst;
}

describe('activate()', () => {
  for (const kind of activationKernels) {
    it(`matches the reference for ${kind} on 1003 normals ×20`, () => {
      const x = randn(1003, 20, 20);
      expectCloseF32(core.activate(kind, x), reference.activate(kind, x));
    });

    it(`propagates NaN, ±Inf, ±0, huge, tiny and subnormal inputs like the reference for ${kind}`, () => {
      // 23 edge values: not a multiple of 4 or 8, so the scalar tail is covered too
      const x = Float32Array.from(edgeValues);
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

  it('sigmoid and tanh are accurate on a dense grid over [−20, 20]', () => {
    const x = Float32Array.from({ length: 400_001 }, (_, i) => -20 + i * 1e-4);
    expect(
      maxRelativeError(x, core.activate('sigmoid', x), (v) => 1 / (1 + Math.exp(-v))),
    ).toBeLessThanOrEqual(EPS_F32);
    expect(maxRelativeError(x, core.activate('tanh', x), Math.tanh)).toBeLessThanOrEqual(EPS_F32);
  });

  it('works in place with activateInto(kind, x, x)', () => {
    const x = core.alloc(37);
    const values = randn(37, 22, 3);
    x.array.set(values);
    core.activateInto('sigmoid', x, x);
    expectCloseF32(x.array, reference.activate('sigmoid', values));
  });
});
