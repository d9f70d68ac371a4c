import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { MatmulDelivery, MatmulInputs, Prepared } from '../src/engine.js';
import * as initscope from '../src/engines/initscope.js';
import * as naive from '../src/engines/naive-js.js';
import * as tfjs from '../src/engines/tfjs.js';
import { checkedRows, checkMatmul, matmulTolerance } from '../src/matmul-check.js';
import { normalSource } from '../src/random.js';
import { ValidationError } from '../src/validation-error.js';

// An odd shape: no dimension is a multiple of a SIMD width or a tile.
const [m, k, n] = [7, 13, 5];
const source = normalSource(1, 1);
const inputs: MatmulInputs = {
  a: source.fill(new Float32Array(m * k)),
  b: source.fill(new Float32Array(k * n)),
  m,
  k,
  n,
};

const prepareIn: Record<
  string,
  (delivery: MatmulDelivery) => Prepared<Float32Array> | Promise<Prepared<Float32Array>>
> = {
  initscope: (delivery) => initscope.prepareMatmul(inputs, delivery),
  'naive-js': () => naive.prepareMatmul(inputs),
  'tfjs-cpu': (delivery) => tfjs.prepareMatmul('cpu', inputs, delivery),
  'tfjs-wasm': (delivery) => tfjs.prepareMatmul('wasm', inputs, delivery),
};

const cases = Object.entries(prepareIn).flatMap(([name, prepare]) =>
  (['kernel', 'readback'] as const).map((delivery) => [name, delivery, prepare] as const),
);

describe.each(cases)('%s matmul (%s)', (_name, delivery, prepare) => {
  it('passes validation on 7×13·13×5', async () => {
    const prepared = await prepare(delivery);
    try {
      await prepared.run();
      const out = prepared.output();
      expect(() => checkMatmul(inputs.a, inputs.b, out, m, k, n)).not.toThrow();
    } finally {
      prepared.dispose();
    }
  });

  it('fails validation when one output value is off by 1%', async () => {
    const prepared = await prepare(delivery);
    try {
      await prepared.run();
      const out = Float32Array.from(prepared.output());
      out[3 * n + 2] = (out[3 * n + 2] as number) * 1.01 + 0.01;
      expect(() => checkMatmul(inputs.a, inputs.b, out, m, k, n)).toThrow(ValidationError);
    } finally {
      prepared.dispose();
    }
  });
});

describe('readback delivery', () => {
  it('initscope hands back the same JavaScript array, refreshed by every run', async () => {
    const prepared = await initscope.prepareMatmul(inputs, 'readback');
    try {
      await prepared.run();
      const first = prepared.output();
      expect(first).toBeInstanceOf(Float32Array);
      first.fill(Number.NaN);
      await prepared.run();
      expect(prepared.output()).toBe(first);
      expect(() => checkMatmul(inputs.a, inputs.b, first, m, k, n)).not.toThrow();
    } finally {
      prepared.dispose();
    }
  });

  it('tfjs reads every run into a new array and frees the product tensor', async () => {
    const prepared = await tfjs.prepareMatmul('wasm', inputs, 'readback');
    try {
      await prepared.run();
      const first = prepared.output();
      const before = tfjsTensorCount();
      await prepared.run();
      expect(tfjsTensorCount()).toBe(before);
      expect(prepared.output()).not.toBe(first);
      expect(Array.from(prepared.output())).toEqual(Array.from(first));
    } finally {
      prepared.dispose();
    }
  });
});

const tfjsTensorCount = () => tf.memory().numTensors;

describe('checkMatmul()', () => {
  const good = naive.naiveMatmul(inputs.a, inputs.b, new Float32Array(m * n), m, k, n);

  it('names the element and the tolerance when a value is wrong', () => {
    const bad = Float32Array.from(good);
    bad[0] = 1000;
    expect(() => checkMatmul(inputs.a, inputs.b, bad, m, k, n)).toThrow(
      /^matmul 7×13×5: out\[0,0\] = 1000 but the f64 reference is -?\d/,
    );
  });

  it('rejects an output of the wrong length', () => {
    expect(() => checkMatmul(inputs.a, inputs.b, good.subarray(1), m, k, n)).toThrow(
      'matmul 7×13×5: output has 34 values, expected 35',
    );
  });

  it('rejects NaN', () => {
    const bad = Float32Array.from(good);
    bad[34] = Number.NaN;
    expect(() => checkMatmul(inputs.a, inputs.b, bad, m, k, n)).toThrow('out[6,4] is NaN');
  });

  it('catches a wrong row that is not among the sampled ones, through the row sums', () => {
    const [bm, bk, bn] = [300, 9, 4];
    const a = source.fill(new Float32Array(bm * bk));
    const b = source.fill(new Float32Array(bk * bn));
    const c = naive.naiveMatmul(a, b, new Float32Array(bm * bn), bm, bk, bn);
    const unchecked = [...Array(bm).keys()].find((i) => !checkedRows(bm).includes(i)) as number;
    expect(() => checkMatmul(a, b, c, bm, bk, bn)).not.toThrow();
    c[unchecked * bn + 1] = (c[unchecked * bn + 1] as number) + 0.5;
    expect(() => checkMatmul(a, b, c, bm, bk, bn)).toThrow(`row ${unchecked} sum`);
  });

  it('allows f32 accumulation error: tolerance grows with k', () => {
    expect(matmulTolerance(1024)).toBeGreaterThan(matmulTolerance(13));
    expect(matmulTolerance(13)).toBeLessThan(1e-5);
  });
});

describe('initscope threaded matmul (2 threads)', () => {
  it('passes validation on 7×13·13×5 and equals the 1-thread engine bit for bit on 37×300·300×45', async () => {
    const small = await initscope.prepareThreadedMatmul(inputs, 2);
    try {
      await small.run();
      expect(() => checkMatmul(inputs.a, inputs.b, small.output(), m, k, n)).not.toThrow();
    } finally {
      small.dispose();
    }
    const big = normalSource(2, 1);
    const [bm, bk, bn] = [37, 300, 45];
    const bigInputs: MatmulInputs = {
      a: big.fill(new Float32Array(bm * bk)),
      b: big.fill(new Float32Array(bk * bn)),
      m: bm,
      k: bk,
      n: bn,
    };
    const outputs: Uint32Array[] = [];
    for (const prepared of [
      await initscope.prepareThreadedMatmul(bigInputs, 2),
      await initscope.prepareMatmul(bigInputs),
    ]) {
      try {
        await prepared.run();
        outputs.push(new Uint32Array(prepared.output().buffer.slice(0)));
      } finally {
        prepared.dispose();
      }
    }
    expect(outputs[0]).toEqual(outputs[1]);
  });
});
