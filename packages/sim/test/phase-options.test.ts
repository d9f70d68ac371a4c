import { describe, expect, it } from 'vitest';
import { phaseDiagramDocument, resolvePhaseOptions } from '../src/index.js';
import { asFlag, configErrorOf } from './fixtures.js';

const messageOf = (options: Parameters<typeof resolvePhaseOptions>[0]) =>
  configErrorOf(() => resolvePhaseOptions(options, asFlag));

describe('resolvePhaseOptions()', () => {
  it('parses the activation and the initializers once, with defaults for the rest', () => {
    const { activation, inits, ...rest } = resolvePhaseOptions({
      activation: ' leaky-relu:0.2 ',
      inits: 'he, std:0.1',
    });
    expect(activation).toEqual({ id: 'leaky-relu:0.2', name: 'leaky-relu', alpha: 0.2 });
    expect(inits.map((init) => init.id)).toEqual(['he', 'std:0.1']);
    expect(rest).toEqual({ resolved: true, width: 100, biasStd: 0 });
    expect(resolvePhaseOptions({ activation: 'relu', width: '30', biasStd: '0.5' })).toMatchObject({
      inits: [],
      width: 30,
      biasStd: 0.5,
    });
  });

  it.each([
    [{ activation: 'tanh,relu' }, 'Invalid --activation "tanh,relu": give one activation.'],
    [
      { activation: 'tahn' },
      'Invalid --activation "tahn": Unknown activation "tahn". Did you mean "tanh"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    ],
    [{ activation: '' }, 'Invalid --activation "": the list is empty.'],
    [
      { activation: 'tanh', inits: 'xavier,kaiming' },
      'Invalid --inits "xavier,kaiming": Unknown initializer "kaiming". Valid values: std:<σ>, uniform:<a>, const:<c>, orthogonal:<gain|auto>, xavier, he, lecun, glorot-normal, glorot-uniform, he-normal, he-uniform, pytorch-linear, orthogonal, zeros.',
    ],
    [
      { activation: 'tanh', width: '0' },
      'Invalid --width "0": expected an integer from 1 to 65536.',
    ],
    [{ activation: 'tanh', biasStd: 'x' }, 'Invalid --biasStd "x": expected a finite number ≥ 0.'],
  ])('rejects %j with one line', (options, message) => {
    expect(messageOf(options)).toBe(message);
  });
});

describe('phaseDiagramDocument()', () => {
  const grid = { sigmaW2: [1, 2, 3], sigmaB2: [0, 0.1] };

  it('gives the same document for options and for their resolved form', () => {
    const options = { activation: 'relu', inits: ['he', 'xavier'], width: 50, grid };
    const document = phaseDiagramDocument(options);
    expect(phaseDiagramDocument(resolvePhaseOptions(options))).toEqual(document);
    expect(document.points.map((p) => [p.init, p.phase])).toEqual([
      ['he', 'critical'],
      ['xavier', 'ordered'],
    ]);
    expect(document.points[0]?.sigmaW2).toBeCloseTo(2, 12);
    expect(document.points[1]?.sigmaW2).toBeCloseTo(1, 12);
  });

  it("places orthogonal:auto with the activation's own α", () => {
    const at = (activation: string) =>
      phaseDiagramDocument({ activation, inits: ['orthogonal:auto'], grid }).points[0]?.sigmaW2;
    // PyTorch's gain for leaky-relu: √(2/(1 + α²)); orthogonal weights of a square layer give σ_w² = gain².
    expect(at('leaky-relu:0.5')).toBeCloseTo(2 / 1.25, 12);
    expect(at('leaky-relu')).toBeCloseTo(2 / (1 + 0.01 ** 2), 12);
  });
});
