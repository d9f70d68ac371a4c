import { describe, expect, it } from 'vitest';
import { gaussianExpectation } from '../../src/theory/gaussian.js';
import {
  defaultPhaseGrid,
  edgeOfChaos,
  fixedPoint,
  linspace,
  logspace,
  phase,
  phaseDiagram,
  qZero,
} from '../../src/theory/phase.js';
import { act, EPS_F64, expectAllRelative, expectRelative, square } from './fixtures.js';

describe('fixedPoint()', () => {
  it('finds q* = F(q*) for tanh with bias', () => {
    const q = fixedPoint('tanh', 1.5, 0.05);
    const map = 1.5 * gaussianExpectation(square(Math.tanh), q) + 0.05;
    expectRelative(map, q, 1e-12);
  });

  it('returns 0 when the signal dies and Infinity when it explodes', () => {
    expect(fixedPoint('relu', 1.5)).toBe(0);
    expect(fixedPoint('relu', 2.5)).toBe(Number.POSITIVE_INFINITY);
    expect(fixedPoint('relu', 2, 0, 3)).toBeCloseTo(3, 12);
    // tanh at σ_w² = 1: q^l ~ 1/(2l) creeps to 0; the bracketing still lands (numerically) on 0.
    expect(fixedPoint('tanh', 1)).toBeLessThan(1e-12);
    expect(fixedPoint('tanh', 0.5)).toBeLessThan(qZero * 1e6);
  });
});

describe('phase()', () => {
  it('puts ReLU with σ_w² = 2, σ_b² = 0 and tanh with σ_w² = 1, σ_b² = 0 on the edge of chaos', () => {
    expect(phase('relu', 2, 0)).toMatchObject({
      phase: 'critical',
      depthScale: Number.POSITIVE_INFINITY,
    });
    expect(phase('tanh', 1, 0).phase).toBe('critical');
    expectRelative(phase('tanh', 1, 0).chi1, 1, 1e-10);
  });

  it('gives ξ_c = −1/ln χ₁ in the ordered phase', () => {
    const result = phase('tanh', 0.5, 0.1);
    expect(result.phase).toBe('ordered');
    expect(result.cStar).toBe(1);
    expectRelative(result.depthScale, -1 / Math.log(result.chi1), EPS_F64);
  });

  it('matches an independent mpmath computation in the chaotic phase (tanh, σ_w² = 2, σ_b² = 0.1)', () => {
    // mpmath: findroot on the length map, then on the correlation map with nested quad.
    const result = phase('tanh', 2, 0.1);
    expect(result.phase).toBe('chaotic');
    expectRelative(result.qStar, 0.814644010066001, 1e-12);
    expectRelative(result.chi1, 1.00300691507567, 1e-12);
    expectRelative(result.cStar, 0.987999155408, 1e-9);
    expectRelative(result.depthScale, 335.957657442, 1e-7);
  });

  it('finds c* = 0 for an odd φ without bias, where χ_c = σ_w²·E[φ′]²', () => {
    const result = phase('tanh', 2, 0);
    expect(result.cStar).toBe(0);
    const slope = 2 * gaussianExpectation(act('tanh').dphi, result.qStar) ** 2;
    expectRelative(result.depthScale, -1 / Math.log(slope), 1e-8);
  });

  it('reports the explosion of ReLU above σ_w² = 2 with q* = ∞ and χ₁ = σ_w²/2', () => {
    const result = phase('relu', 3, 0.1);
    expect(result).toMatchObject({ qStar: Number.POSITIVE_INFINITY, phase: 'chaotic' });
    expectRelative(result.chi1, 1.5, EPS_F64);
  });
});

describe('phaseDiagram(), edgeOfChaos()', () => {
  it('finds the tanh edge of chaos of Schoenholz et al. (σ_b² = 0.05 → σ_w² ≈ 1.76)', () => {
    // mpmath: findroot of χ₁(σ_w²) − 1 with q* from findroot of the length map.
    expectRelative(edgeOfChaos('tanh', 0.05, 1.5, 2), 1.76095463960674, 1e-10);
    expectRelative(edgeOfChaos('tanh', 0.2, 2, 2.5), 2.28515247372019, 1e-10);
  });

  it('returns χ₁ on the grid and the ReLU edge at σ_w² = 2 for every σ_b²', () => {
    const grid = { sigmaW2: linspace(1, 3, 5), sigmaB2: [0, 0.1, 0.3] };
    const diagram = phaseDiagram('relu', grid);
    expect(diagram.chi1).toHaveLength(3);
    for (const row of diagram.chi1) {
      expectAllRelative(
        row,
        grid.sigmaW2.map((w) => w / 2),
        EPS_F64,
      );
    }
    expect(diagram.edge.map((p) => p.sigmaB2)).toEqual([0, 0.1, 0.3]);
    for (const point of diagram.edge) expectRelative(point.sigmaW2, 2, 1e-10);
  });

  it('draws the tanh edge from σ_w² = 1 at σ_b² = 0, rising with σ_b²', () => {
    const diagram = phaseDiagram('tanh', {
      sigmaW2: linspace(0.5, 3, 11),
      sigmaB2: linspace(0, 0.3, 4),
    });
    expect(diagram.edge).toHaveLength(4);
    expectRelative(diagram.edge[0]?.sigmaW2 as number, 1, 1e-6);
    for (let i = 1; i < diagram.edge.length; i++) {
      expect(diagram.edge[i]?.sigmaW2).toBeGreaterThan(diagram.edge[i - 1]?.sigmaW2 as number);
    }
  });
});

describe('defaultPhaseGrid()', () => {
  it('spans σ_w² 10^−2.5 … 10^2.5 on a log grid with exact decades, σ_b² 0 … 0.5 in steps of 0.01', () => {
    const grid = defaultPhaseGrid('tanh');
    expect(grid.sigmaW2).toHaveLength(81);
    expectRelative(grid.sigmaW2[0] as number, 10 ** -2.5, EPS_F64);
    expectRelative(grid.sigmaW2.at(-1) as number, 10 ** 2.5, EPS_F64);
    // the book's std:0.01, Xavier and std:1 at fan-in 100 are grid columns, He lies between two
    for (const value of [0.01, 0.1, 1, 10, 100]) expect(grid.sigmaW2).toContain(value);
    const ratios = grid.sigmaW2.slice(1).map((v, i) => v / (grid.sigmaW2[i] as number));
    for (const ratio of ratios) expectRelative(ratio, 10 ** (1 / 16), 1e-12);
    expect(grid.sigmaB2).toHaveLength(51);
    for (const value of [0, 0.1, 0.2, 0.3, 0.4, 0.5]) expect(grid.sigmaB2).toContain(value);
    // the same grid for every activation; an unknown one is refused
    expect(defaultPhaseGrid('sigmoid')).toEqual(grid);
    expect(() => defaultPhaseGrid('nope')).toThrow(/Unknown activation "nope"/);
  });

  it('holds every activation’s edge of chaos for σ_b² ≤ 0.5 inside, sigmoid’s near σ_w² = 103', () => {
    const { sigmaW2 } = defaultPhaseGrid('sigmoid');
    const last = sigmaW2.at(-1) as number;
    for (const activation of ['sigmoid', 'tanh', 'softsign']) {
      for (const sigmaB2 of [0, 0.5]) {
        const edge = edgeOfChaos(activation, sigmaB2, sigmaW2[0] as number, last);
        expect(edge, `${activation} σ_b² = ${sigmaB2}`).toBeLessThan(last / 2);
      }
    }
    expectRelative(edgeOfChaos('sigmoid', 0, 50, 200), 103.0075538555, 1e-9);
  });

  it('logspace() steps by 1/perDecade in the exponent, both ends included', () => {
    expect(logspace(-1, 1, 2)).toEqual([0.1, 10 ** -0.5, 1, 10 ** 0.5, 10]);
    expect(logspace(0, 0, 4)).toEqual([1]);
  });
});
