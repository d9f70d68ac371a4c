import { createThreadedCore, type ThreadedCore } from '@initscope/core-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSweepConfig, type SweepOptions, sweep } from '../src/index.js';

// Sweeps whose products a ThreadedCore splits across threads: layers wider than the matmul's
// 512-column block (the fused pass then measures row by row) and narrower ones (strips joined into
// 2048-value chunks), fixed histogram ranges (tanh, sigmoid) and ReLU's measured one, saturation,
// and the backward pass with biases (aᵀ·b and a·bᵀ products).
const cases: [string, SweepOptions][] = [
  [
    'forward, wide layers',
    {
      activations: 'relu,tanh,sigmoid',
      inits: 'std:1,he,glorot-uniform',
      widths: '30,600,530,70',
      samples: 47,
      seed: 3,
    },
  ],
  [
    'gradients and biases',
    {
      activations: 'relu,tanh',
      inits: 'xavier,std:0.5',
      widths: '12,9,613,11',
      samples: 64,
      gradients: true,
      biasStd: 0.2,
      seed: 5,
    },
  ],
  [
    'one run, gradients',
    { activations: 'tanh', inits: 'xavier', layers: 3, width: 520, samples: 33, gradients: true },
  ],
];

const threaded = new Map<number, ThreadedCore>();
beforeAll(async () => {
  for (const threads of [2, 3]) threaded.set(threads, await createThreadedCore({ threads }));
}, 60_000);
afterAll(async () => {
  for (const t of threaded.values()) await t.close();
});

describe('sweep() with products split across threads', () => {
  for (const [name, options] of cases) {
    it(`gives the same JSON, byte for byte, on 2 and 3 threads as on one: ${name}`, async () => {
      const config = resolveSweepConfig(options);
      const one = JSON.stringify(await sweep(config));
      for (const t of threaded.values()) {
        expect(JSON.stringify(await sweep(config, { threaded: t }))).toBe(one);
      }
    });
  }
});
