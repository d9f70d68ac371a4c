import { describe, expect, it } from 'vitest';
import { gaussKronrod, gaussLegendre, integrate } from '../../src/theory/quadrature.js';
import { EPS_F64, expectRelative } from './fixtures.js';

describe('gaussLegendre(), gaussKronrod()', () => {
  it('computes a 10-point Gauss rule exact to degree 19', () => {
    const { nodes, weights } = gaussLegendre(10);
    for (let degree = 0; degree <= 19; degree++) {
      const sum = nodes.reduce((s, x, i) => s + (weights[i] as number) * x ** degree, 0);
      expect(Math.abs(sum - (degree % 2 ? 0 : 2 / (degree + 1)))).toBeLessThan(2e-15);
    }
  });

  it('computes the 21-point Kronrod extension exact to degree 31 and not 32', () => {
    const { nodes, weights, gaussWeights } = gaussKronrod(10);
    const moment = (w: Float64Array, d: number) =>
      nodes.reduce((s, x, i) => s + (w[i] as number) * x ** d, 0);
    for (let degree = 0; degree <= 31; degree++) {
      expect(Math.abs(moment(weights, degree) - (degree % 2 ? 0 : 2 / (degree + 1)))).toBeLessThan(
        1e-15,
      );
    }
    expect(Math.abs(moment(weights, 32) - 2 / 33)).toBeGreaterThan(1e-13);
    // Tabulated values (Piessens et al., QUADPACK): the outermost Kronrod node and the centre weight.
    expectRelative(nodes[20] as number, 0.9956571630258081, EPS_F64);
    expectRelative(weights[10] as number, 0.1494455540029169, EPS_F64);
    expect(gaussWeights[0]).toBe(0);
    expectRelative(gaussWeights[1] as number, 0.06667134430868814, EPS_F64);
  });
});

describe('integrate()', () => {
  it('integrates a kink exactly when it is a breakpoint, and adaptively when it is not', () => {
    const f = (x: number) => Math.abs(x - 0.3);
    expectRelative(integrate(f, [0, 0.3, 1]).value, 0.045 + 0.245, EPS_F64);
    expectRelative(integrate(f, [0, 1]).value, 0.29, 1e-10);
  });

  it('stops at rounding level for an integral that cancels to zero', () => {
    const result = integrate(Math.sin, [-3, 3]);
    expect(Math.abs(result.value)).toBeLessThan(1e-15);
    expect(result.intervals).toBeLessThan(20);
  });
});
