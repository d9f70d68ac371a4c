import { beforeAll, describe, expect, it } from 'vitest';
import { type Core, type F32Block, reference } from '../src/index.js';
import { newCore } from './fixtures.js';

let core: Core;
let a: F32Block;
let b: F32Block;
let out: F32Block;
beforeAll(async () => {
  core = await newCore();
  a = core.alloc(6);
  b = core.alloc(12);
  out = core.alloc(8);
});

describe('wrapper errors', () => {
  it('names the block that is too small for the shape', () => {
    expect(() => core.matmulInto(a, b, out, 2, 4, 4)).toThrow(
      'matmulInto: a has 6 values, needs m·k = 2·4 = 8',
    );
    expect(() => core.matmulInto(a, b, out, 2, 3, 5)).toThrow(
      'matmulInto: b has 12 values, needs k·n = 3·5 = 15',
    );
    expect(() => core.matmulInto(a, b, out, 3, 2, 6)).toThrow(
      'matmulInto: out has 8 values, needs m·n = 3·6 = 18',
    );
  });

  it('rejects non-integer and negative dimensions', () => {
    expect(() => core.matmulInto(a, b, out, 2.5, 2, 2)).toThrow(
      'matmulInto: m must be an integer in [0, 1073741824], got 2.5',
    );
    expect(() => core.matmulInto(a, b, out, 2, -1, 2)).toThrow(
      'matmulInto: k must be an integer in [0, 1073741824], got -1',
    );
  });

  it('rejects an output overlapping an input', () => {
    expect(() => core.matmulInto(b, a, b, 2, 3, 2)).toThrow('matmulInto: out overlaps a');
  });

  it("checks the copying forms' arguments as their Into forms do, naming the copying method", () => {
    expect(() => core.matmul(new Float32Array(5), new Float32Array(6), 2, 3, 2)).toThrow(
      'matmul: a has 5 values, needs m·k = 2·3 = 6',
    );
    expect(() => core.matmulTransB(new Float32Array(6), new Float32Array(5), 2, 3, 2)).toThrow(
      'matmulTransB: b has 5 values, needs n·k = 2·3 = 6',
    );
    expect(() => core.dense(new Float32Array(6), new Float32Array(6), 2, 3, -2, 'relu')).toThrow(
      'dense: n must be an integer in [0, 1073741824], got -2',
    );
    expect(() => core.normal(-1, 0, 0)).toThrow(
      'normal: length must be an integer in [0, 1073741824], got -1',
    );
    expect(() => core.uniformBits(2, 0, -3)).toThrow(
      'uniformBits: stream must be an integer in [0, 2^32-1], got -3',
    );
    expect(() => core.matmul([1] as unknown as Float32Array, new Float32Array(1), 1, 1, 1)).toThrow(
      'matmul: a must be a Float32Array, got [object Array]',
    );
  });

  it('lists the valid activations for an unknown one', () => {
    const bad = 'softmax' as 'relu';
    expect(() => core.activate(bad, new Float32Array(1))).toThrow(
      'Unknown activation "softmax". Valid values: linear, sigmoid, tanh, relu, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    );
    expect(() => core.activateInto(bad, a, a)).toThrow('Unknown activation "softmax"');
    expect(() => reference.activate(bad, new Float32Array(1))).toThrow(
      'Unknown activation "softmax"',
    );
  });

  it('rejects a too-small or partly overlapping activation output', () => {
    expect(() => core.activateInto('relu', b, a)).toThrow(
      'activateInto: out has 6 values, needs x.length = 12',
    );
  });

  it('checks seed, stream and scale ranges', () => {
    expect(() => core.normalInto(out, -1, 0)).toThrow(
      'normalInto: seed must be an integer in [0, 2^32-1], got -1',
    );
    expect(() => core.normalInto(out, 0, 2 ** 32)).toThrow(
      'normalInto: stream must be an integer in [0, 2^32-1], got 4294967296',
    );
    expect(() => core.normal(4, 1.5, 0)).toThrow(
      'normal: seed must be an integer in [0, 2^32-1], got 1.5',
    );
    expect(() => core.normal(4, 1, 0, Number.NaN)).toThrow(
      'normal: scale must be a finite number, got NaN',
    );
  });

  it('checks the histogram range and bins', () => {
    expect(() => core.histogramOf(a, 1, 1, 30, 0)).toThrow(
      'histogramOf: lo must be less than hi, got lo = 1, hi = 1',
    );
    expect(() => core.histogramOf(a, 0, Number.POSITIVE_INFINITY, 30, 0)).toThrow(
      'histogramOf: hi must be a finite number, got Infinity',
    );
    expect(() => core.histogramOf(a, 0, 1, 0, 0)).toThrow(
      'histogramOf: bins must be an integer in [1, 16777216], got 0',
    );
    expect(() => core.histogramOf(a, 0, 1, 2.5, 0)).toThrow(
      'histogramOf: bins must be an integer in [1, 16777216], got 2.5',
    );
  });

  it('rejects freed, foreign, double-freed and hand-made blocks', async () => {
    const x = core.alloc(4);
    core.free(x);
    expect(() => core.momentsOf(x)).toThrow(`momentsOf: x (block ${x.ptr}) was freed`);
    expect(() => x.array).toThrow(`F32Block at ${x.ptr} was freed`);
    expect(() => core.free(x)).toThrow(`free: block ${x.ptr} was already freed`);
    const other = await newCore();
    expect(() => core.momentsOf(other.alloc(4))).toThrow('momentsOf: x belongs to another Core');
    expect(() => core.momentsOf({ ptr: 3, length: 1, array: new Float32Array(1) })).toThrow(
      'momentsOf: x is not an F32Block of this Core (ptr 3, length 1): make blocks with alloc() or view()',
    );
    // a hand-made {ptr, length} inside the heap is refused too: views come from view()
    const whole = core.alloc(8);
    expect(() => core.momentsOf({ ptr: whole.ptr, length: 4, array: whole.array })).toThrow(
      `momentsOf: x is not an F32Block of this Core (ptr ${whole.ptr}, length 4): make blocks with alloc() or view()`,
    );
    expect(core.momentsOf(core.view(whole, 4)).count).toBe(4);
  });

  it('rejects a negative or fractional alloc length', () => {
    expect(() => core.alloc(-1)).toThrow(
      'alloc: length must be an integer in [0, 1073741824], got -1',
    );
  });
});
