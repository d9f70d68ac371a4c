import { activationKernels, activationRegistry } from '@initscope/core-wasm';
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../src/activation-registry.js';
import { activationFacts, activations, histogramRange } from '../src/index.js';
import { calculateGain } from '../src/initializers.js';
import { linspace } from '../src/theory/phase.js';

/** Every activation at its default α, and the α variants whose traits differ. */
const ids = [...activations, 'leaky-relu:0.2', 'leaky-relu:0', 'leaky-relu:1', 'elu:0.5', 'elu:0'];

describe('activations', () => {
  it("lists the book's three first, then every other kernel of core-wasm once, in its order", () => {
    expect(activations.slice(0, 3)).toEqual(['sigmoid', 'relu', 'tanh']);
    expect(activations.slice(3)).toEqual(
      activationKernels.filter((name) => !['sigmoid', 'relu', 'tanh'].includes(name)),
    );
    expect([...activations].sort()).toEqual([...activationKernels].sort());
  });
});

describe('bindActivation()', () => {
  it.each(ids)("%s: φ and φ′ are core-wasm's at the bound α, bit for bit", (id) => {
    const bound = bindActivation(id);
    const def = activationRegistry[bound.name];
    for (const x of [-30, -2.5, -1, -1e-3, 0, 0.7, 3.3, 40]) {
      expect(Object.is(bound.phi(x), def.phi(x, bound.alpha)), `φ(${x})`).toBe(true);
      expect(Object.is(bound.dphi(x), def.dphi(x, bound.alpha)), `φ′(${x})`).toBe(true);
    }
  });

  it('binds the α of the id, or the default α', () => {
    expect(bindActivation('leaky-relu:0.2').phi(-1)).toBeCloseTo(-0.2, 15);
    expect(bindActivation('elu:0.5').phi(-100)).toBeCloseTo(-0.5, 15);
    expect(bindActivation('leaky-relu').alpha).toBe(activationRegistry['leaky-relu'].alpha);
    expect(bindActivation({ id: 'elu', name: 'elu', alpha: 2 }).phi(-100)).toBeCloseTo(-2, 15);
  });

  it('rejects a parameter where none is taken, a bad α and an unknown name, with the messages of parseActivation', () => {
    expect(() => bindActivation('tanh:2')).toThrow(
      'Invalid activation "tanh:2": tanh takes no parameter.',
    );
    expect(() => bindActivation('elu:-1')).toThrow(
      'Invalid activation "elu:-1": α in elu:<α> must be a finite number ≥ 0.',
    );
    expect(() => bindActivation('tanhh')).toThrow(
      'Unknown activation "tanhh". Did you mean "tanh"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    );
  });

  it.each(ids)('%s: sublevel sets hold exactly the x with φ(x) < y', (id) => {
    const { phi, sublevel } = bindActivation(id);
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
  });

  it('counts the exact zeros of ReLU-like activations in the inclusive sublevel set at 0', () => {
    for (const id of ['relu', 'leaky-relu:0', 'elu:0']) {
      expect(bindActivation(id).sublevel(0, true), id).toEqual([[Number.NEGATIVE_INFINITY, 0]]);
      expect(bindActivation(id).sublevel(0, false), id).toEqual([]);
    }
  });

  it("gives PyTorch's calculate_gain", () => {
    expect(calculateGain({ activation: 'tanh' })).toBe(5 / 3);
    expect(calculateGain({ activation: 'relu' })).toBe(Math.SQRT2);
    expect(calculateGain({ activation: 'selu' })).toBe(0.75);
    expect(calculateGain({ activation: 'leaky-relu' })).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(calculateGain({ activation: 'leaky-relu', alpha: 0.2 })).toBe(Math.sqrt(2 / 1.04));
  });
});

describe('activationFacts()', () => {
  it.each([
    ['sigmoid', [0, 1], false, false],
    ['tanh', [-1, 1], true, false],
    ['softsign', [-1, 1], true, false],
    ['relu', null, false, true],
    ['linear', null, true, false],
    ['leaky-relu', null, false, false],
    ['leaky-relu:0', null, false, true],
    ['leaky-relu:1', null, true, false],
    ['elu', null, false, false],
    ['elu:0', null, false, true],
    ['selu', null, false, false],
    ['gelu', null, false, false],
    ['silu', null, false, false],
    ['softplus', null, false, false],
  ] as const)('%s: bounds %j, symmetric %s, exact zeros %s', (id, bounds, symmetric, zeros) => {
    expect(activationFacts(id)).toEqual({ bounds, symmetric, exactZeros: zeros });
  });

  it('agrees with φ: bounded outputs stay in their bounds, odd ones are odd, ReLU-like ones hit 0', () => {
    for (const id of ids) {
      const { bounds, symmetric, exactZeros } = activationFacts(id);
      const { phi } = bindActivation(id);
      const xs = linspace(-50, 50, 1001);
      if (bounds)
        expect(
          xs.every((x) => phi(x) >= bounds[0] && phi(x) <= bounds[1]),
          id,
        ).toBe(true);
      expect(
        xs.every((x) => phi(-x) === -phi(x)),
        id,
      ).toBe(symmetric);
      expect(phi(-1) === 0, id).toBe(exactZeros);
    }
  });
});

describe('histogramRange()', () => {
  it("uses the activation's default range, the layer's extremes where it has none, or the override", () => {
    expect(histogramRange('sigmoid', 0.2, 0.7)).toEqual([0, 1]);
    expect(histogramRange('relu', 0, 3.5)).toEqual([0, 3.5]);
    expect(histogramRange('gelu', -0.1, 2)).toEqual([-0.1, 2]);
    expect(histogramRange('tanh', -0.5, 0.5, [0, 1])).toEqual([0, 1]);
  });

  it('widens a range that would be empty at the magnitude of its values', () => {
    expect(histogramRange('relu', 0, 0)).toEqual([0, 1]);
    expect(histogramRange('linear', 2 ** 30, 2 ** 30)).toEqual([2 ** 30, 2 ** 30 + 2 ** 10]);
    expect(histogramRange('relu', Number.NaN, Number.NaN)).toEqual([0, 1]);
  });
});
