import { describe, expect, it } from 'vitest';
import { ConfigError, resolveSweepConfig } from '../src/index.js';

const asFlag = (field: string) => `--${field}`;

function messageOf(options: Parameters<typeof resolveSweepConfig>[0]): string {
  try {
    resolveSweepConfig(options, asFlag);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveSweepConfig()', () => {
  it('defaults to the book: 3 activations × 4 inits, 5 layers of 100, 1000 samples, 30 bins', () => {
    expect(resolveSweepConfig()).toEqual({
      activations: ['sigmoid', 'relu', 'tanh'],
      inits: ['std:1', 'std:0.01', 'xavier', 'he'],
      layers: 5,
      width: 100,
      samples: 1000,
      bins: 30,
      seed: 42,
    });
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
    expect(config).toMatchObject({
      activations: ['tanh', 'relu'],
      inits: ['he', 'std:0.5'],
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
      'Invalid --activations "sigmoid,sigmoi": Unknown activation "sigmoi". Did you mean "sigmoid"? Valid values: sigmoid, relu, tanh.',
    );
    expect(messageOf({ activations: 'softmax' })).toBe(
      'Invalid --activations "softmax": Unknown activation "softmax". Valid values: sigmoid, relu, tanh.',
    );
  });

  it('names unknown and malformed initializers', () => {
    expect(messageOf({ inits: 'xaveir' })).toBe(
      'Invalid --inits "xaveir": Unknown initializer "xaveir". Did you mean "xavier"? Valid values: std:<σ>, xavier, he, lecun, glorot-normal.',
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
      'Run too large: --samples 10000000 × --width 65536 needs 7340.2 GiB of WebAssembly memory; at most 3.9 GiB is addressable. Reduce --samples or --width.',
    );
  });
});
