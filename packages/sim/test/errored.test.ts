import { describe, expect, it } from 'vitest';
import { sweep } from '../src/index.js';
import { getCore } from '../src/simulate.js';

describe('a failing configuration', () => {
  it('becomes an errored result with its message while the other runs complete', async () => {
    const real = await getCore();
    // A core whose tanh kernel fails, as an allocation or a kernel bug would.
    const core = new Proxy(real, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (args.includes('tanh')) throw new Error('tanh kernel failed');
          return value.apply(target, args);
        };
      },
    });
    const results = await sweep({ inits: ['he'], samples: 50, width: 8 }, { core });
    expect(results.runs.map((run) => [run.activation, run.state])).toEqual([
      ['sigmoid', 'completed'],
      ['relu', 'completed'],
      ['tanh', 'errored'],
    ]);
    expect(results.runs[2]).toMatchObject({ message: 'tanh kernel failed', layers: [] });
    const alone = await sweep({
      activations: ['sigmoid', 'relu'],
      inits: ['he'],
      samples: 50,
      width: 8,
    });
    expect(results.runs.slice(0, 2)).toEqual(alone.runs);
  });
});
