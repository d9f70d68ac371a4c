import { normalMass } from '@initscope/core-wasm';
import { describe, expect, it } from 'vitest';
import { expectedHistogram } from '../../src/theory/histogram.js';
import { linspace } from '../../src/theory/phase.js';
import { act, EPS_F64, expectRelative } from './fixtures.js';

describe('expectedHistogram()', () => {
  it('puts ReLU’s point mass at 0 in the bin that holds 0 and sums to the total', () => {
    const q = 2;
    const total = 1e6;
    const h = expectedHistogram('relu', q, [0, 1, 2, 3], total);
    // Bin [0, 1): the zeros (1/2) plus P(0 < x < 1).
    expectRelative(h.counts[0] as number, total * (0.5 + normalMass(0, 1 / Math.sqrt(q))), EPS_F64);
    expect(h.below).toBe(0);
    expectRelative(h.above, total * normalMass(3 / Math.sqrt(q), Number.POSITIVE_INFINITY), 1e-12);
    const sum = h.counts.reduce((a, b) => a + b, 0) + h.below + h.above;
    expectRelative(sum, total, EPS_F64);
    // With 0 an inner edge, the zeros go to the bin that starts at 0 (bins are [e_i, e_(i+1))).
    const inner = expectedHistogram('relu', q, [-1, 0, 1], 1);
    expect(inner.counts[0]).toBe(0);
    expectRelative(inner.counts[1] as number, 0.5 + normalMass(0, 1 / Math.sqrt(q)), EPS_F64);
  });

  it('closes the last bin: values equal to the top edge are counted, not above', () => {
    const h = expectedHistogram('relu', 1, [-1, 0], 1);
    expectRelative(h.counts[0] as number, 0.5, EPS_F64);
    expectRelative(h.above, 0.5, EPS_F64);
  });

  it('counts tanh and sigmoid symmetrically and nothing outside their range', () => {
    const edges = linspace(-1, 1, 31);
    const h = expectedHistogram('tanh', 100, edges, 1);
    for (let i = 0; i < 15; i++)
      expectRelative(h.counts[i] as number, h.counts[29 - i] as number, 1e-12);
    expect(h.below).toBe(0);
    expect(h.above).toBe(0);
    const s = expectedHistogram('sigmoid', 1e4, [0, 0.5, 1], 1);
    expectRelative(s.counts[0] as number, 0.5, EPS_F64);
    expectRelative(s.counts[1] as number, 0.5, EPS_F64);
  });

  it.each(['gelu', 'silu', 'elu', 'softplus', 'softsign'])(
    'matches a brute-force integral of the bin indicators for %s',
    (name) => {
      const { phi } = act(name);
      const q = 2.5;
      const edges = [-0.5, -0.2, -0.1, -0.05, 0, 0.1, 0.5, 1, 2];
      const h = expectedHistogram(name, q, edges, 1);
      // Midpoint rule over x ∈ [−12√q, 12√q] with 2·10⁶ cells: a cell straddling an edge puts up to
      // half its mass (≈ pdf·dx/2 ≈ 2.4e-6) on the wrong side.
      const cells = 2_000_000;
      const lo = -12 * Math.sqrt(q);
      const dx = (-2 * lo) / cells;
      const brute = new Array<number>(edges.length + 1).fill(0);
      for (let i = 0; i < cells; i++) {
        const x = lo + (i + 0.5) * dx;
        const v = phi(x);
        const w = (Math.exp((-0.5 * x * x) / q) / Math.sqrt(2 * Math.PI * q)) * dx;
        let bin = edges.findIndex((e) => v < e);
        if (bin < 0) bin = v === edges.at(-1) ? edges.length - 1 : edges.length;
        brute[bin] = (brute[bin] as number) + w;
      }
      const expected = [h.below, ...h.counts, h.above];
      for (let i = 0; i < expected.length; i++) {
        expect(Math.abs((expected[i] as number) - (brute[i] as number))).toBeLessThan(1e-5);
      }
    },
  );

  it('is a point mass at φ(0) when q = 0', () => {
    const h = expectedHistogram('sigmoid', 0, [0, 0.25, 0.75, 1], 10);
    expect(h.counts).toEqual([0, 10, 0]);
  });
});
