import { describe, expect, it } from 'vitest';
import { resolveSweepConfig } from '../src/index.js';
import { asFlag, configErrorOf } from './fixtures.js';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

const messageOf = (options: Parameters<typeof resolveSweepConfig>[0]) =>
  configErrorOf(() => resolveSweepConfig(options, asFlag));

describe('resolveSweepConfig()', () => {
  it('defaults to the book: 3 activations × 4 inits, 5 layers of 100, 1000 samples, 30 bins', () => {
    const { activations, inits, ...rest } = resolveSweepConfig();
    expect(activations).toEqual([
      { id: 'sigmoid', name: 'sigmoid' },
      { id: 'relu', name: 'relu' },
      { id: 'tanh', name: 'tanh' },
    ]);
    expect(ids(inits)).toEqual(['std:1', 'std:0.01', 'xavier', 'he']);
    expect(rest).toEqual({
      resolved: true,
      layers: 5,
      width: 100,
      samples: 1000,
      bins: 30,
      seed: 42,
      seeds: 1,
      widths: [100, 100, 100, 100, 100, 100],
      customWidths: false,
      biasStd: 0,
      gradients: false,
      theory: false,
    });
  });

  it('takes per-layer widths, a bias and the extra passes', () => {
    expect(
      resolveSweepConfig({ widths: '784,100, 10', biasStd: '0.5', gradients: true, theory: true }),
    ).toMatchObject({
      layers: 2,
      width: 100,
      widths: [784, 100, 10],
      customWidths: true,
      biasStd: 0.5,
      gradients: true,
      theory: true,
    });
  });

  it('parses every activation of the zoo once, with α where it takes one', () => {
    const config = resolveSweepConfig({ activations: 'gelu,leaky-relu:0.2,elu,softsign' });
    expect(config.activations).toEqual([
      { id: 'gelu', name: 'gelu' },
      { id: 'leaky-relu:0.2', name: 'leaky-relu', alpha: 0.2 },
      { id: 'elu', name: 'elu', alpha: 1 },
      { id: 'softsign', name: 'softsign' },
    ]);
  });

  it('parses initializers once into what draws the weights', () => {
    const [std, he] = resolveSweepConfig({ inits: 'std:1e-2, he' }).inits;
    expect(std?.id).toBe('std:1e-2');
    expect(std?.draw(50, 50, { activation: 'relu' })).toEqual({ kind: 'normal', std: 0.01 });
    expect(he?.draw(50, 50, { activation: 'relu' })).toEqual({ kind: 'normal', std: 0.2 });
  });

  it('accepts the strings a user types', () => {
    const config = resolveSweepConfig({
      activations: 'tanh, relu',
      inits: 'he,std:0.5',
      layers: '7',
      width: ' 64 ',
      seed: '0',
      range: '-2,2',
    });
    expect(ids(config.activations)).toEqual(['tanh', 'relu']);
    expect(ids(config.inits)).toEqual(['he', 'std:0.5']);
    expect(config).toMatchObject({
      layers: 7,
      width: 64,
      seed: 0,
      range: [-2, 2],
    });
  });

  it.each([
    ['0', 'Invalid --layers "0": expected an integer from 1 to 10000.'],
    ['-3', 'Invalid --layers "-3": expected an integer from 1 to 10000.'],
    ['1.5', 'Invalid --layers "1.5": expected an integer from 1 to 10000.'],
    ['abc', 'Invalid --layers "abc": expected an integer from 1 to 10000.'],
    ['NaN', 'Invalid --layers "NaN": expected an integer from 1 to 10000.'],
    ['Infinity', 'Invalid --layers "Infinity": expected an integer from 1 to 10000.'],
    ['1e400', 'Invalid --layers "1e400": expected an integer from 1 to 10000.'],
    ['', 'Invalid --layers "": expected an integer from 1 to 10000.'],
  ])('rejects --layers %j with one line', (value, message) => {
    expect(messageOf({ layers: value })).toBe(message);
  });

  it('rejects numbers given as numbers too', () => {
    expect(messageOf({ bins: 0 })).toBe('Invalid --bins 0: expected an integer from 1 to 10000.');
    expect(messageOf({ seed: 2 ** 32 })).toBe(
      'Invalid --seed 4294967296: expected an integer from 0 to 4294967295.',
    );
    expect(messageOf({ width: Number.NaN })).toBe(
      'Invalid --width NaN: expected an integer from 1 to 65536.',
    );
  });

  it('names unknown activations with a suggestion and the valid values', () => {
    expect(messageOf({ activations: 'sigmoid,sigmoi' })).toBe(
      'Invalid --activations "sigmoid,sigmoi": Unknown activation "sigmoi". Did you mean "sigmoid"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    );
    expect(messageOf({ activations: 'softmax' })).toBe(
      'Invalid --activations "softmax": Unknown activation "softmax". Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    );
  });

  it('names unknown and malformed initializers', () => {
    expect(messageOf({ inits: 'xaveir' })).toBe(
      'Invalid --inits "xaveir": Unknown initializer "xaveir". Did you mean "xavier"? Valid values: std:<σ>, uniform:<a>, const:<c>, orthogonal:<gain|auto>, xavier, he, lecun, glorot-normal, glorot-uniform, he-normal, he-uniform, pytorch-linear, orthogonal, zeros.',
    );
    expect(messageOf({ inits: 'std:-1' })).toBe(
      'Invalid --inits "std:-1": Invalid initializer "std:-1": σ in std:<σ> must be a finite number ≥ 0, e.g. std:0.01.',
    );
    expect(messageOf({ inits: 'std:abc' })).toBe(
      'Invalid --inits "std:abc": Invalid initializer "std:abc": σ in std:<σ> must be a finite number ≥ 0, e.g. std:0.01.',
    );
  });

  it('rejects empty and duplicated lists', () => {
    expect(messageOf({ inits: '' })).toBe('Invalid --inits "": the list is empty.');
    expect(messageOf({ activations: [] })).toBe('Invalid --activations "": the list is empty.');
    expect(messageOf({ inits: 'he,,xavier' })).toBe(
      'Invalid --inits "he,,xavier": the list has an empty entry.',
    );
    expect(messageOf({ activations: 'relu,relu' })).toBe(
      'Invalid --activations "relu,relu": "relu" is listed twice.',
    );
  });

  it.each(['1,0', '0,0', '0', '0,1,2', 'a,b', '0,Infinity', ''])('rejects --range %j', (range) => {
    expect(messageOf({ range })).toBe(
      `Invalid --range "${range}": expected two finite numbers lo,hi with lo < hi, e.g. 0,1.`,
    );
  });

  it('refuses a run that cannot fit in WebAssembly memory, with the amounts', () => {
    expect(messageOf({ samples: 10_000_000, width: 65_536 })).toBe(
      'Run too large: --samples 10000000 × width 65536 needs 4898.8 GiB of WebAssembly memory (2 layer buffers + weights; X is drawn into a layer buffer); at most 3.9 GiB is addressable. Reduce --samples or the width.',
    );
    expect(messageOf({ samples: 1e6, width: 2000, gradients: true })).toBe(
      'Run too large: --samples 1000000 × width 2000 needs 67.1 GiB of WebAssembly memory (2 layer buffers + weights + 5 pre-activation buffers + 2 gradient work buffers + the weight gradient; X is drawn into a layer buffer); at most 3.9 GiB is addressable. Reduce --samples or the width, or drop --gradients.',
    );
  });

  it.each([
    [
      { widths: '3' },
      'Invalid --widths "3": expected at least two comma-separated integers from 1 to 65536 (input features, then each layer\'s width).',
    ],
    [
      { widths: '3,0' },
      'Invalid --widths "3,0": expected at least two comma-separated integers from 1 to 65536 (input features, then each layer\'s width).',
    ],
    [{ biasStd: '-1' }, 'Invalid --biasStd "-1": expected a finite number ≥ 0.'],
    [
      { activations: 'relu:2' },
      'Invalid --activations "relu:2": Invalid activation "relu:2": relu takes no parameter.',
    ],
    [
      { activations: 'leaky-relu:abc' },
      'Invalid --activations "leaky-relu:abc": Invalid activation "leaky-relu:abc": α in leaky-relu:<α> must be a finite number ≥ 0.',
    ],
    [
      { inits: 'orthogonal:x' },
      'Invalid --inits "orthogonal:x": Invalid initializer "orthogonal:x": the parameter in orthogonal:<gain|auto> must be a finite number ≥ 0.',
    ],
    [
      { inits: 'uniform:-1' },
      'Invalid --inits "uniform:-1": Invalid initializer "uniform:-1": the parameter in uniform:<a> must be a finite number ≥ 0.',
    ],
  ] as const)('rejects %j with one line', (options, message) => {
    expect(messageOf(options)).toBe(message);
  });
});
