import { describe, expect, it } from 'vitest';
import { activations } from '../src/activations.js';
import {
  isTheoryActivation,
  theoryActivation,
  theoryActivationInfo,
  theoryActivations,
} from '../src/theory/activations.js';
import {
  bivariateExpectation,
  gaussianExpectation,
  gaussianQuadrature,
} from '../src/theory/gaussian.js';
import { expectedHistogram } from '../src/theory/histogram.js';
import { meanField, postActivation, sigmaW2For } from '../src/theory/meanfield.js';
import { erf, erfc, normalCdf, normalMass } from '../src/theory/normal.js';
import {
  edgeOfChaos,
  fixedPoint,
  linspace,
  phase,
  phaseDiagram,
  qZero,
} from '../src/theory/phase.js';
import { gaussKronrod, gaussLegendre, integrate } from '../src/theory/quadrature.js';
import { brent } from '../src/theory/roots.js';

/** Tolerance for results that should be exact to rounding (f64). */
const EPS_F64 = 1e-14;
/** Tolerance for Gaussian expectations against 30-digit mpmath references. */
const EPS_QUAD = 1e-12;

function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

function expectAllRelative(
  actual: readonly number[],
  expected: readonly number[],
  tol: number,
): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectRelative(actual[i] as number, expected[i] as number, tol);
  }
}

// mpmath (30 digits) references from this script, run with python3:
//   E(f, q) = quad(lambda z: f(√q·z)·npdf(z), split at 0, ±14 and x ∈ {±0.5, ±1, …, ±32}/√q)
// with φ and φ' in closed form (sigmoid' = σ(1 − σ), tanh' = sech², gelu = x·ncdf(x), …).
const reference = {
  'tanh_d2_1e-6': 0.999998000007,
  'tanh2_1e-6': 9.999980000056665e-7,
  'sig2_1e-6': 0.25000006249996876,
  'sig_d2_1e-6': 0.06249996875002734,
  tanh_d2_1: 0.46440290244826826,
  tanh2_1: 0.39429449039784115,
  sig2_1: 0.29337903585809294,
  sig_d2_1: 0.04483624135019437,
  tanh_d2_100: 0.053106787748115836,
  tanh2_100: 0.9205368634305167,
  sig2_100: 0.4607404398906359,
  sig_d2_100: 0.006606645503534153,
  tanh_d2_1e4: 0.0053191446440146225,
  tanh2_1e4: 0.992021482480513,
  sig2_1e4: 0.4960112332031644,
  sig_d2_1e4: 0.0006648609237265197,
  gelu2_1: 0.4252214825702987,
  gelu_1: 0.28209479177387814,
  silu_1: 0.20662096414190703,
  softplus2_1: 0.9212459088593002,
  softsign_d2_1: 0.2276713404221825,
  selu2_1: 1.0,
  gelu2_100: 49.98148273002282,
  gelu_100: 3.969624057466072,
  silu_100: 3.9259560109364076,
  softplus2_100: 50.09361702725157,
  softsign_d2_100: 0.026487841935953767,
  selu2_100: 56.561363160460665,
  selu_100: 3.38209750159134,
  // E[tanh(√q z)·z] at q = 1e4: a step of width 0.01 in z.
  ztanh_1e4: 0.7978517519486956,
} as const;

const act = theoryActivationInfo;
const square = (f: (x: number) => number) => (x: number) => f(x) * f(x);

describe('erf(), erfc(), normalCdf()', () => {
  // mpmath.erf / erfc / ncdf at 40 digits.
  it.each([
    [0.1, 0.1124629160182849, 0.887537083981715],
    [0.9, 0.7969082124228322, 0.20309178757716786],
    [1.49, 0.9648978648432042, 0.03510213515679579],
    [1.51, 0.9672767481287117, 0.03272325187128836],
    [3, 0.9999779095030014, 2.209049699858544e-5],
    [10, 1, 2.088487583762545e-45],
    [26, 1, 5.663192408856142e-296],
  ])('matches mpmath at x = %f', (x, erfRef, erfcRef) => {
    expectRelative(erf(x), erfRef, 1e-15);
    expectRelative(erf(-x), -erfRef, 1e-15);
    expectRelative(erfc(x), erfcRef, 2e-14);
    expectRelative(erfc(-x), 2 - erfcRef, 1e-15);
  });

  it('gives Φ with relative accuracy deep in the lower tail', () => {
    expectRelative(normalCdf(0), 0.5, EPS_F64);
    expectRelative(normalCdf(-1), 0.15865525393145705, 2e-14);
    expectRelative(normalCdf(-5), 2.866515718791939e-7, 2e-14);
    expectRelative(normalCdf(-37), 5.725571222523993e-300, 2e-13);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('takes interval masses from the tail that keeps them accurate', () => {
    expectRelative(normalMass(6, 7), 9.8658765e-10 - 1.279813e-12, 1e-6);
    expectRelative(normalMass(-7, -6), normalMass(6, 7), EPS_F64);
    expect(normalMass(1, 1)).toBe(0);
    expect(normalMass(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(1);
  });
});

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

describe('gaussianExpectation()', () => {
  it.each([1e-8, 1e-6, 1, 100, 1e4])('gives E[relu(√q z)²] = q/2 at q = %f', (q) => {
    expectRelative(gaussianExpectation(square(act.relu.phi), q), q / 2, EPS_F64);
  });

  it('gives E[z²] = 1, E[sigmoid] = 1/2 and E[relu] = √(q/2π)', () => {
    expectRelative(
      gaussianExpectation((x) => x * x, 1),
      1,
      EPS_F64,
    );
    for (const q of [1e-8, 1, 1e4]) {
      expectRelative(gaussianExpectation(act.sigmoid.phi, q), 0.5, EPS_F64);
      expectRelative(gaussianExpectation(act.relu.phi, q), Math.sqrt(q / (2 * Math.PI)), EPS_F64);
    }
  });

  it.each(['1e-6', '1', '100', '1e4'] as const)(
    'matches mpmath for tanh and sigmoid (φ² and φ′²) at q = %s',
    (text) => {
      const q = Number(text);
      expectRelative(
        gaussianExpectation(square(act.tanh.dphi), q),
        reference[`tanh_d2_${text}`],
        EPS_QUAD,
      );
      expectRelative(
        gaussianExpectation(square(act.tanh.phi), q),
        reference[`tanh2_${text}`],
        EPS_QUAD,
      );
      expectRelative(
        gaussianExpectation(square(act.sigmoid.phi), q),
        reference[`sig2_${text}`],
        EPS_QUAD,
      );
      expectRelative(
        gaussianExpectation(square(act.sigmoid.dphi), q),
        reference[`sig_d2_${text}`],
        EPS_QUAD,
      );
    },
  );

  it.each(['1', '100'] as const)(
    'matches mpmath for gelu, silu, softplus, softsign, selu at q = %s',
    (text) => {
      const q = Number(text);
      expectRelative(
        gaussianExpectation(square(act.gelu.phi), q),
        reference[`gelu2_${text}`],
        EPS_QUAD,
      );
      expectRelative(gaussianExpectation(act.gelu.phi, q), reference[`gelu_${text}`], EPS_QUAD);
      expectRelative(gaussianExpectation(act.silu.phi, q), reference[`silu_${text}`], EPS_QUAD);
      expectRelative(
        gaussianExpectation(square(act.softplus.phi), q),
        reference[`softplus2_${text}`],
        EPS_QUAD,
      );
      expectRelative(
        gaussianExpectation(square(act.softsign.dphi), q),
        reference[`softsign_d2_${text}`],
        EPS_QUAD,
      );
      expectRelative(
        gaussianExpectation(square(act.selu.phi), q),
        reference[`selu2_${text}`],
        EPS_QUAD,
      );
    },
  );

  it('integrates a sign change of width 1/√q at q = 1e4', () => {
    const value = gaussianExpectation((x) => Math.tanh(x) * (x / 100), 1e4);
    expectRelative(value, reference.ztanh_1e4, EPS_QUAD);
  });

  it('shifts the mean and returns f(mean) at q = 0', () => {
    expectRelative(
      gaussianExpectation((x) => x * x, 2, { mean: 3 }),
      11,
      EPS_F64,
    );
    expect(gaussianExpectation(Math.cos, 0, { mean: 1 })).toBe(Math.cos(1));
    expect(gaussianQuadrature(Math.cos, 0).intervals).toBe(0);
  });

  it('rejects a negative or non-finite variance', () => {
    expect(() => gaussianExpectation(Math.cos, -1)).toThrow(
      'The variance q must be a finite number ≥ 0, got -1.',
    );
    expect(() => gaussianExpectation(Math.cos, Number.NaN)).toThrow(RangeError);
  });
});

describe('bivariateExpectation()', () => {
  it.each([-0.9, 0, 0.5, 0.99])('matches the arc-cosine kernel of ReLU at c = %f', (c) => {
    const q = 3;
    // E[relu(u₁)relu(u₂)] = q/(2π)·(√(1 − c²) + (π − arccos c)·c) (Cho & Saul 2009).
    const kernel = (q / (2 * Math.PI)) * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c);
    expectRelative(bivariateExpectation(act.relu.phi, act.relu.phi, q, c), kernel, 1e-9);
    // E[step(u₁)step(u₂)] = (π − arccos c)/(2π).
    const steps = bivariateExpectation(act.relu.dphi, act.relu.dphi, q, c);
    expectRelative(steps, (Math.PI - Math.acos(c)) / (2 * Math.PI), 1e-9);
  });

  it('gives E[u₁u₂] = q·c and reduces to the univariate case at c = 1', () => {
    expectRelative(
      bivariateExpectation(
        (x) => x,
        (x) => x,
        2,
        0.3,
      ),
      0.6,
      1e-12,
    );
    expectRelative(
      bivariateExpectation(Math.tanh, Math.tanh, 5, 1),
      gaussianExpectation(square(Math.tanh), 5),
      1e-10,
    );
  });
});

describe('theory activations', () => {
  it('cover every activation of the simulation', () => {
    for (const name of activations) expect(isTheoryActivation(name)).toBe(true);
    expect(theoryActivations.length).toBe(new Set(theoryActivations).size);
  });

  it.each(theoryActivations.map((name) => [name]))("%s: φ' matches central differences", (name) => {
    const { phi, dphi } = theoryActivation(name);
    for (const x of [-30, -7.3, -2.1, -0.9, -0.37, -1e-3, 0.02, 0.4, 1.3, 3.3, 12, 40]) {
      const h = 1e-5 * Math.max(1, Math.abs(x));
      const numeric = (phi(x + h) - phi(x - h)) / (2 * h);
      expect(Math.abs(numeric - dphi(x))).toBeLessThanOrEqual(
        1e-7 * Math.max(1, Math.abs(dphi(x))),
      );
    }
  });

  it.each(theoryActivations.map((name) => [name]))(
    '%s: sublevel sets hold exactly the x with φ(x) < y',
    (name) => {
      const { phi, sublevel } = theoryActivation(name);
      const xs = linspace(-12, 12, 2401);
      for (const y of [-2, -1, -0.2, -0.1, -0.05, 0, 1e-3, 0.3, 0.5, 0.99, 1, 4]) {
        const sets = sublevel(y, false);
        for (const x of xs) {
          const inside = sets.some(([a, b]) => x > a && x < b);
          const v = phi(x);
          // Allow disagreement only within rounding of the crossing.
          if (Math.abs(v - y) > 1e-9 * Math.max(1, Math.abs(y)))
            expect(inside, `x = ${x}, y = ${y}`).toBe(v < y);
        }
      }
    },
  );

  it('parses α for leaky-relu and elu, and rejects it elsewhere', () => {
    expect(theoryActivation('leaky-relu:0.2').phi(-1)).toBeCloseTo(-0.2, 15);
    expect(theoryActivation('elu:0.5').phi(-100)).toBeCloseTo(-0.5, 15);
    expect(theoryActivation('leaky-relu').phi(-1)).toBeCloseTo(-0.01, 15);
    expect(() => theoryActivation('tanh:2')).toThrow(
      'Invalid activation "tanh:2": tanh takes no parameter.',
    );
    expect(() => theoryActivation('elu:-1')).toThrow(
      'Invalid activation "elu:-1": α in elu:<α> must be a finite number ≥ 0.',
    );
  });

  it('names the valid activations for an unknown one', () => {
    expect(() => theoryActivation('tanhh')).toThrow(
      'Unknown activation "tanhh". Did you mean "tanh"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    );
  });
});

describe('postActivation(), meanField()', () => {
  it('gives ReLU its closed forms: mean √(q/2π), std √(q(1/2 − 1/2π)), E[φ′²] = 1/2', () => {
    const q = 7;
    const m = postActivation('relu', q);
    expectRelative(m.mean, Math.sqrt(q / (2 * Math.PI)), EPS_F64);
    expectRelative(m.std, Math.sqrt(q * (0.5 - 1 / (2 * Math.PI))), EPS_F64);
    expectRelative(m.secondMoment, q / 2, EPS_F64);
    expectRelative(m.slopeMoment, 0.5, EPS_F64);
  });

  it('keeps q = 2 through ReLU with He (σ_w² = 2), with χ = 1 and unit gradient gain', () => {
    const { layers } = meanField({ activation: 'relu', sigmaW2: 2, layers: 10 });
    for (const layer of layers) {
      expectRelative(layer.q, 2, EPS_F64);
      expectRelative(layer.chi, 1, EPS_F64);
      expectRelative(layer.gradientVariance, 0.5, EPS_F64);
    }
  });

  it('multiplies q by σ_w² per linear layer and adds σ_b²', () => {
    const { layers } = meanField({
      activation: 'linear',
      sigmaW2: 3,
      sigmaB2: 0.5,
      layers: 3,
      q0: 2,
    });
    expectAllRelative(
      layers.map((l) => l.q),
      [6.5, 20, 60.5],
      EPS_F64,
    );
    expectAllRelative(
      layers.map((l) => l.chi),
      [3, 3, 3],
      EPS_F64,
    );
    expectAllRelative(
      layers.map((l) => l.gradientVariance),
      [9, 3, 1],
      EPS_F64,
    );
  });

  it('takes σ_w² per layer and the widths of the backward pass', () => {
    const { layers } = meanField({
      activation: 'linear',
      sigmaW2: [1, 2, 4],
      layers: 3,
      widths: [10, 20, 40, 10],
    });
    expectAllRelative(
      layers.map((l) => l.q),
      [1, 2, 8],
      EPS_F64,
    );
    // Var(δ²) = Var(δ³)·σ_w²(3)·n₃/n₂ = 4·(10/40); Var(δ¹) = Var(δ²)·2·(40/20).
    expectAllRelative(
      layers.map((l) => l.gradientVariance),
      [4, 1, 1],
      EPS_F64,
    );
  });

  it('predicts the book’s sigmoid with std 0.01 at width 100 (mean 1/2, tiny spread)', () => {
    const { layers } = meanField({
      activation: 'sigmoid',
      sigmaW2: sigmaW2For('std:0.01', 100),
      layers: 5,
    });
    for (const layer of layers) expectRelative(layer.mean, 0.5, EPS_F64);
    // q¹ = 0.01, then q ≈ 0.01·E[σ²] ≈ 0.0025: std ≈ σ'(0)·√q = 0.0125 from layer 2 on.
    expect(layers[4]?.std).toBeCloseTo(0.0125, 3);
  });

  it('rejects bad options with clear messages', () => {
    expect(() => meanField({ activation: 'relu', sigmaW2: -1, layers: 2 })).toThrow(
      'sigmaW2 must be a finite number ≥ 0, got -1.',
    );
    expect(() => meanField({ activation: 'relu', sigmaW2: 2, layers: 0 })).toThrow(
      'layers must be an integer ≥ 1, got 0.',
    );
    expect(() => meanField({ activation: 'relu', sigmaW2: [1, 2], layers: 3 })).toThrow(
      'sigmaW2 must hold one value per layer (3), got 2.',
    );
  });
});

describe('sigmaW2For()', () => {
  it('maps initializer ids to σ_w² = fan_in·Var(W)', () => {
    expectRelative(sigmaW2For('std:1', 1000), 1000, EPS_F64);
    expectRelative(sigmaW2For('std:0.01', 1000), 0.1, EPS_F64);
    expectRelative(sigmaW2For('xavier', 100), 1, EPS_F64);
    expectRelative(sigmaW2For('he', 100), 2, EPS_F64);
    expectRelative(sigmaW2For('lecun', 100), 1, EPS_F64);
    expectRelative(sigmaW2For('glorot-normal', 100, 300), 0.5, EPS_F64);
  });
});

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
      const { phi } = theoryActivation(name);
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
    const slope = 2 * gaussianExpectation(act.tanh.dphi, result.qStar) ** 2;
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

describe('brent()', () => {
  it('finds a root to the tolerance and rejects a bracket without a sign change', () => {
    expectRelative(
      brent((x) => x * x - 2, 0, 2),
      Math.SQRT2,
      1e-13,
    );
    expect(() => brent((x) => x * x + 1, -1, 1)).toThrow('No sign change in [-1, 1]');
  });
});
