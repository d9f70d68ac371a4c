import { describe, expect, it } from 'vitest';
import { resolveSweepConfig, sweep, sweepResults, sweepRuns, sweepTask } from '../src/index.js';

const options = {
  activations: 'relu,tanh,sigmoid',
  inits: 'std:1,xavier',
  widths: '12,9,11',
  samples: 64,
  gradients: true,
  biasStd: 0.2,
  seed: 5,
};

describe('sweepRuns and sweepTask', () => {
  it('give the same runs, bit for bit, for any split of the indices', async () => {
    const config = resolveSweepConfig(options);
    const whole = JSON.stringify(await sweep(config));
    for (const slices of [
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      [[0], [1, 2, 3, 4], [5]],
      [[0, 1, 2, 3, 4, 5]],
    ]) {
      const parts = [];
      for (const runs of slices)
        parts.push(await sweepTask({ kind: 'sweep', options, units: runs }));
      expect(JSON.stringify(sweepResults(config, parts.flat()))).toBe(whole);
    }
  });

  it('returns runs in the order of the indices given (activation-major)', async () => {
    const config = resolveSweepConfig(options);
    const runs = await sweepRuns(config, [5, 0]);
    expect(runs.map((run) => `${run.activation}/${run.init}`)).toEqual([
      'sigmoid/xavier',
      'relu/std:1',
    ]);
  });

  it('refuses an index outside the sweep', async () => {
    const config = resolveSweepConfig(options);
    await expect(sweepRuns(config, [6])).rejects.toThrow(/Run index 6 is outside the sweep's 0…5/);
  });
});
