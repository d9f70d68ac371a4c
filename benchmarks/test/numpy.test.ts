import type { Activation } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import type { BookSweep } from '../src/book.js';
import { numpyAvailability, parseNumpyOutput, runNumpy, timingOf } from '../src/engines/numpy.js';
import { checkSweepShape } from '../src/sweep-check.js';
import type { SweepRuns } from '../src/sweep-runs.js';

const sample = JSON.stringify({
  python: '3.11.14',
  numpy: '2.4.6',
  cases: [{ case: 'book', first_ms: 130.5, samples_ms: [120, 118, 125], output: { runs: [] } }],
});

describe('parseNumpyOutput()', () => {
  it('reads versions, cases and samples', () => {
    expect(parseNumpyOutput(sample)).toEqual({
      python: '3.11.14',
      numpy: '2.4.6',
      cases: [{ case: 'book', firstMs: 130.5, samplesMs: [120, 118, 125], output: { runs: [] } }],
    });
  });

  it('rejects output that is not JSON', () => {
    expect(() => parseNumpyOutput('Traceback (most recent call last):')).toThrow(
      'NumPy output is not JSON: Traceback (most recent call last):',
    );
  });

  it('rejects a case without samples', () => {
    const empty = {
      python: '3',
      numpy: '2',
      cases: [{ case: 'book', first_ms: 1, samples_ms: [] }],
    };
    expect(() => parseNumpyOutput(JSON.stringify(empty))).toThrow(
      'NumPy case "book" has no timed samples',
    );
  });
});

describe('timingOf()', () => {
  it('takes the median, min and max of the samples', () => {
    expect(timingOf([3, 1, 2, 10])).toEqual({
      medianMs: 2.5,
      meanMs: 4,
      minMs: 1,
      maxMs: 10,
      samples: 4,
    });
  });
});

const available = await numpyAvailability();
if (!available.ok) console.log(`Skipping the live NumPy test: ${available.reason}`);

describe.skipIf(!available.ok)('runNumpy() with python3 and NumPy', () => {
  const activations: Activation[] = ['sigmoid', 'relu', 'tanh'];
  const timing = { time_ms: 0, min_samples: 1, slow_samples: 1, warmup_ms: 0, warmup_runs: 0 };
  const sweep = {
    activations,
    inits: [
      { id: 'std:1', std: 1 },
      { id: 'xavier', std: Math.sqrt(1 / 8) },
    ],
    layers: 2,
    width: 8,
    samples: 16,
    bins: 30,
  };

  it('runs the book sweep and reports runs in the results contract', async () => {
    const report = await runNumpy({ suite: 'sweep', seed: 42, ...timing, sweep });
    const [book] = report.cases;
    expect(book?.case).toBe('book');
    expect(book?.samplesMs.length).toBeGreaterThanOrEqual(1);
    const shape: BookSweep = {
      ...sweep,
      activations: activations,
      inits: sweep.inits.map((i) => i.id),
    };
    expect(() => checkSweepShape('numpy', book?.output as SweepRuns, shape)).not.toThrow();
  });

  it('runs every component case', async () => {
    const report = await runNumpy({
      suite: 'components',
      seed: 1,
      ...timing,
      components: { length: 1000, bins: 30 },
    });
    expect(report.cases.map((c) => c.case)).toEqual([
      'normal',
      'sigmoid',
      'relu',
      'tanh',
      'histogram',
    ]);
  });
});
