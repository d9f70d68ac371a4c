// The fused pass's exact saturation count against the plain-TS reference: odd lengths, NaN, ±Inf,
// huge values and values one f32 step either side of the thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { block } from '../../../testing/f32.js';
import {
  type ActivationKernel,
  type Core,
  reference,
  type SaturationBounds,
  saturationMargin,
  saturationThresholds,
} from '../src/index.js';
import { newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function step(x: number, up: boolean): number {
  f32[0] = x;
  if (x === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  u32[0] = (u32[0] as number) + (x > 0 === up ? 1 : -1);
  return f32[0] as number;
}

const bounded: [ActivationKernel, SaturationBounds][] = [
  ['sigmoid', { lo: 0, hi: 1 }],
  ['tanh', { lo: -1, hi: 1 }],
  ['softsign', { lo: -1, hi: 1 }],
];

describe('saturationThresholds()', () => {
  it('gives the f32 thresholds that decide like the f64 comparison, one step either side', () => {
    for (const [, b] of bounded) {
      const [loT, hiT] = saturationThresholds(b);
      const lo = b.lo + saturationMargin;
      const hi = b.hi - saturationMargin;
      expect(loT <= lo && step(loT, true) > lo).toBe(true);
      expect(hiT >= hi && step(hiT, false) < hi).toBe(true);
    }
  });
});

describe('activateInto() with saturation', () => {
  it('counts exactly like the reference near the thresholds, with NaN, ±Inf and huge values', () => {
    const values: number[] = [];
    for (const [, b] of bounded) {
      for (const t of saturationThresholds(b)) {
        values.push(t, step(t, true), step(t, false), step(step(t, true), true));
      }
    }
    values.push(Number.NaN, Infinity, -Infinity, 3e38, -3e38, 0, -0, 1, -1, 0.5);
    // odd lengths: all in the vector loop, some in the scalar tail, NaN lanes in both
    for (const n of [1, 7, 8, 9, values.length, 63, 2049, 4099]) {
      const xs = Float32Array.from(
        { length: n },
        (_, i) => values[(i * 7) % values.length] as number,
      );
      for (const b of [
        { lo: 0, hi: 1 },
        { lo: -1, hi: 1 },
      ]) {
        for (const stats of ['moments', { lo: b.lo, hi: b.hi, bins: 30 }] as const) {
          const got = core.activateInto('linear', block(core, xs), core.alloc(n), {
            stats,
            saturation: b,
          });
          expect(got.saturated, `n ${n} bounds ${b.lo}..${b.hi}`).toBe(reference.saturated(xs, b));
        }
      }
    }
  });

  for (const [kind, b] of bounded) {
    it(`counts ${kind} outputs of 10 007 normals ×10 like the reference (fused in dense too)`, () => {
      const xs = randn(10_007, 51, 10);
      const out = core.alloc(xs.length);
      const got = core.activateInto(kind, block(core, xs), out, {
        stats: 'moments',
        saturation: b,
      });
      const want = reference.layerPass(out.array.slice(), 'moments', b);
      expect(got.saturated).toBe(want.saturated);
      expect(got.saturated).toBeGreaterThan(0);
      const [m, k, n] = [37, 101, 45];
      const x = block(core, randn(m * k, 52));
      const w = block(core, randn(k * n, 53));
      const dout = core.alloc(m * n);
      const d = core.denseInto(x, w, dout, m, k, n, kind, {
        stats: { lo: b.lo, hi: b.hi, bins: 30 },
        saturation: b,
      });
      expect(d.saturated).toBe(reference.saturated(dout.array.slice(), b));
    });
  }

  it('counts nothing without saturation, and rejects bad bounds with one line', () => {
    const x = block(core, [0, 1, -1, 0.99]);
    const got = core.activateInto('linear', x, core.alloc(4), { stats: 'moments' });
    expect(got.saturated).toBeUndefined();
    expect(() =>
      core.activateInto('tanh', x, x, { stats: 'moments', saturation: { lo: 1, hi: -1 } }),
    ).toThrow(
      'activateInto: saturation must be { lo, hi } with finite lo < hi, got lo = 1, hi = -1',
    );
    expect(() => core.activateInto('tanh', x, x, { saturation: { lo: -1, hi: 1 } })).toThrow(
      'activateInto: saturation is counted only with stats',
    );
  });
});
