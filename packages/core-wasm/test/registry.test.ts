import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as registry from '../src/activations.js';
import type { ActivationKernel } from '../src/index.js';

/** The AssemblyScript source that defines the kernel codes and SELU's constants. */
const assemblyActivations = readFileSync(
  new URL('../assembly/activations.ts', import.meta.url),
  'utf8',
);

/** `LEAKY_RELU` → `leaky-relu`: the AssemblyScript constant's name as an activation name. */
function kebab(constant: string): string {
  return constant.toLowerCase().replaceAll('_', '-');
}

/** Tolerance of the f64 φ and φ′ against 40-digit mpmath values (a few f64 ulps). */
const EPS_F64 = 1e-14;

/** Tolerance where Φ is deep in its lower tail (x ≤ −30: normal.ts's erfc keeps 2e-13 relative there). */
const EPS_TAIL = 2e-13;

// mpmath at 40 digits, [x, φ(x), φ′(x)] with the default α (leaky-relu 0.01, elu 1), from:
//   sig = 1/(1 + exp(−x)); gelu = x·ncdf(x), gelu′ = ncdf(x) + x·npdf(x); silu′ = σ(1 + x(1 − σ));
//   softplus = log1p(exp(x)); selu with λ, α to 32 digits; tanh′ = 1 − tanh²; softsign′ = 1/(1 + |x|)².
const mpmath: Record<Exclude<ActivationKernel, 'linear' | 'relu'>, [number, number, number][]> = {
  sigmoid: [
    [-30, 9.357622968839299e-14, 9.357622968838423e-14],
    [-3, 0.04742587317756678, 0.04517665973091213],
    [-0.75, 0.320821300824607, 0.21789499376181404],
    [0.5, 0.6224593312018546, 0.2350037122015945],
    [2, 0.8807970779778824, 0.10499358540350652],
    [25, 0.9999999999861121, 1.388794386457827e-11],
  ],
  tanh: [
    [-30, -1.0, 3.502604305078609e-26],
    [-3, -0.9950547536867305, 0.00986603716544019],
    [-0.75, -0.6351489523872873, 0.5965858082813315],
    [0.5, 0.46211715726000974, 0.7864477329659274],
    [2, 0.9640275800758169, 0.07065082485316447],
    [25, 1.0, 7.714999391855671e-22],
  ],
  'leaky-relu': [
    [-30, -3.0e-1, 1.0e-2],
    [-0.75, -7.5e-3, 1.0e-2],
    [0.5, 5.0e-1, 1],
    [25, 2.5e1, 1],
  ],
  elu: [
    [-30, -0.9999999999999064, 9.357622968840175e-14],
    [-3, -0.950212931632136, 0.049787068367863944],
    [-0.75, -0.5276334472589853, 0.4723665527410147],
    [0.5, 5.0e-1, 1],
    [25, 2.5e1, 1],
  ],
  selu: [
    [-30, -1.7580993408472123, 1.6451630773416185e-13],
    [-3, -1.670568728767112, 0.08753061208026489],
    [-0.75, -0.9276320158350513, 0.8304673250123257],
    [0.5, 0.5253504936777402, 1.0507009873554805],
    [25, 26.26752468388701, 1.0507009873554805],
  ],
  gelu: [
    [-30, -1.472014178144456e-196, -4.416031690708495e-195],
    [-3, -0.0040496940948902835, -0.011945647204183927],
    [-0.75, -0.16997051428265114, 0.0007742782607648957],
    [0.5, 0.34573123063700656, 0.8674951246561629],
    [2, 1.9544997361036416, 1.085231801078197],
    [25, 2.5e1, 1.0],
  ],
  silu: [
    [-30, -2.8072868906517896e-12, -2.713710660963134e-12],
    [-3, -0.14227761953270035, -0.08810410601516962],
    [-0.75, -0.24061597561845527, 0.1574000555032465],
    [0.5, 0.3112296656009273, 0.7399611873026518],
    [2, 1.7615941559557649, 1.0907842487848955],
    [25, 24.9999999996528, 1.0000000003333107],
  ],
  softplus: [
    [-30, 9.357622968839737e-14, 9.357622968839299e-14],
    [-3, 0.04858735157374206, 0.04742587317756678],
    [-0.75, 0.38687100611489994, 0.320821300824607],
    [0.5, 0.9740769841801067, 0.6224593312018546],
    [25, 25.000000000013888, 0.9999999999861121],
  ],
  softsign: [
    [-30, -0.967741935483871, 0.001040582726326743],
    [-3, -7.5e-1, 6.25e-2],
    [-0.75, -0.42857142857142855, 0.32653061224489793],
    [2, 0.6666666666666666, 0.1111111111111111],
  ],
};

// gelu′ at −0.75 sits near its root (Φ(x) + x·φ(x) with terms ≈ 0.23 and −0.23): f64 evaluation is
// accurate relative to the terms, 600 times the value there
const termSize: Partial<Record<ActivationKernel, (x: number, value: number) => number>> = {
  gelu: (x, value) => Math.max(Math.abs(value), 0.5 * Math.abs(x) + 0.5),
};

describe('activationRegistry', () => {
  it('gives every activation its kernel code: its index in activationKernels', () => {
    expect(Object.keys(registry.activationRegistry)).toEqual([...registry.activationKernels]);
    registry.activationKernels.forEach((name, code) => {
      expect(registry.activationRegistry[name]).toMatchObject({ name, code });
    });
  });

  it('has the kernel codes of assembly/activations.ts, one constant per activation', () => {
    const constants = [
      ...assemblyActivations.matchAll(/^export const ([A-Z_]+): i32 = (\d+);/gm),
    ].map(([, name, code]) => [kebab(name as string), Number(code)] as const);
    expect(constants.length).toBe(registry.activationKernels.length);
    for (const [name, code] of constants) {
      expect(registry.activationRegistry[name as ActivationKernel]?.code, name).toBe(code);
    }
  });

  it("has SELU's λ and α of assembly/activations.ts", () => {
    const literal = (name: string) =>
      Number(new RegExp(`const ${name}: f64 = ([0-9.e+-]+);`).exec(assemblyActivations)?.[1]);
    expect(literal('SELU_LAMBDA_F64')).toBe(registry.seluLambda);
    expect(literal('SELU_ALPHA_F64')).toBe(registry.seluAlpha);
  });

  it("takes α only for leaky-relu (PyTorch's 0.01) and elu (1)", () => {
    expect(registry.activationAlphas).toEqual({ 'leaky-relu': 0.01, elu: 1 });
    expect([registry.defaultLeakyReluAlpha, registry.defaultEluAlpha]).toEqual([0.01, 1]);
    for (const name of registry.activationKernels) {
      expect(registry.activationRegistry[name].alpha, name).toBe(registry.activationAlphas[name]);
    }
  });

  for (const [name, rows] of Object.entries(mpmath) as [ActivationKernel, typeof mpmath.tanh][]) {
    it(`gives ${name}'s φ and φ′ within ${EPS_F64} of mpmath`, () => {
      const { phi, dphi, alpha = 0 } = registry.activationRegistry[name];
      for (const [x, value, slope] of rows) {
        const size = termSize[name] ?? ((_: number, v: number) => Math.abs(v));
        const tol = name === 'gelu' && x <= -30 ? EPS_TAIL : EPS_F64;
        expect(Math.abs(phi(x, alpha) - value), `φ(${x})`).toBeLessThanOrEqual(
          tol * Math.abs(value),
        );
        expect(Math.abs(dphi(x, alpha) - slope), `φ′(${x})`).toBeLessThanOrEqual(
          tol * size(x, slope),
        );
      }
    });
  }

  it('uses α where given: leaky-relu(−2, 0.2) = −0.4, elu(−∞, 0.5) = −0.5 and their slopes', () => {
    const leaky = registry.activationRegistry['leaky-relu'];
    const elu = registry.activationRegistry.elu;
    expect([leaky.phi(-2, 0.2), leaky.dphi(-2, 0.2), leaky.dphi(3, 0.2)]).toEqual([-0.4, 0.2, 1]);
    expect(elu.phi(Number.NEGATIVE_INFINITY, 0.5)).toBe(-0.5);
    expect(elu.dphi(-1, 0.5)).toBe(0.5 * Math.exp(-1));
  });

  it('has φ′ equal to the central difference of φ away from kinks', () => {
    const xs = [-7.3, -2.1, -0.9, -0.31, 0.27, 0.8, 1.9, 6.1];
    for (const name of registry.activationKernels) {
      const { phi, dphi, alpha = 0 } = registry.activationRegistry[name];
      for (const x of xs) {
        const h = 1e-5;
        const numeric = (phi(x + h, alpha) - phi(x - h, alpha)) / (2 * h);
        expect(Math.abs(numeric - dphi(x, alpha)), `${name}′(${x})`).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(dphi(x, alpha))),
        );
      }
    }
  });

  // [φ(−∞), φ(+∞), φ′(−∞), φ′(+∞)], compared with Object.is (−0 ≠ +0)
  const limits: Record<ActivationKernel, [number, number, number, number]> = {
    linear: [-Infinity, Infinity, 1, 1],
    sigmoid: [0, 1, 0, 0],
    tanh: [-1, 1, 0, 0],
    relu: [0, Infinity, 0, 1],
    'leaky-relu': [-Infinity, Infinity, 0.01, 1],
    elu: [-1, Infinity, 0, 1],
    selu: [-registry.seluLambda * registry.seluAlpha, Infinity, 0, registry.seluLambda],
    gelu: [-0, Infinity, 0, 1],
    silu: [-0, Infinity, 0, 1],
    softplus: [0, Infinity, 0, 1],
    softsign: [-1, 1, 0, 0],
  };
  for (const name of registry.activationKernels) {
    it(`keeps ${name}'s limits at ±Inf and propagates NaN`, () => {
      const { phi, dphi, alpha = 0 } = registry.activationRegistry[name];
      const got = [
        phi(-Infinity, alpha),
        phi(Infinity, alpha),
        dphi(-Infinity, alpha),
        dphi(Infinity, alpha),
      ];
      got.forEach((v, i) => {
        expect(Object.is(v, limits[name][i]), `${name} limit ${i}: ${v}`).toBe(true);
      });
      expect(phi(Number.NaN, alpha)).toBeNaN();
      expect(dphi(Number.NaN, alpha)).toBeNaN();
    });
  }
});
