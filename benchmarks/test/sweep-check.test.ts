import { describe, expect, it } from 'vitest';
import type { BookSweep } from '../src/book.js';
import { naiveSweep } from '../src/engines/naive-js.js';
import { checkSweep, checkSweepShape } from '../src/sweep-check.js';
import type { SweepRuns } from '../src/sweep-runs.js';

// A smaller sweep than the book's, so that the test stays fast; same activations and inits.
const small: BookSweep = {
  activations: ['sigmoid', 'relu', 'tanh'],
  inits: ['std:1', 'std:0.01', 'xavier', 'he'],
  layers: 3,
  width: 50,
  samples: 400,
  bins: 30,
};

const reference = naiveSweep(42, small);

function copy(runs: SweepRuns): SweepRuns {
  return structuredClone(runs);
}

describe('checkSweep()', () => {
  it('accepts the same experiment drawn with another seed', () => {
    expect(() => checkSweep('naive-js', naiveSweep(7, small), reference, small)).not.toThrow();
  });

  it('rejects a layer whose std is three times too large', () => {
    const bad = copy(reference);
    const layer = bad.runs[2]?.layers[1];
    if (layer?.std) layer.std *= 3;
    expect(() => checkSweep('tfjs-wasm', bad, reference, small)).toThrow(
      /^tfjs-wasm sweep: sigmoid\/xavier layer 2: std .* \(outside ×2\)$/,
    );
  });

  it('rejects a histogram shifted by one bin', () => {
    const bad = copy(reference);
    const counts = bad.runs[2]?.layers[0]?.histogram.counts as number[];
    const last = counts.pop() as number;
    counts.unshift(0);
    counts[counts.length - 1] = (counts[counts.length - 1] as number) + last;
    expect(() => checkSweepShape('numpy', bad, small)).toThrow(
      /histogram's mean is \d\.\d\d bin widths/,
    );
  });

  it('rejects a histogram that lost values', () => {
    const bad = copy(reference);
    const counts = bad.runs[0]?.layers[0]?.histogram.counts as number[];
    counts[0] = (counts[0] as number) + 1;
    expect(() => checkSweepShape('numpy', bad, small)).toThrow(
      'numpy sweep: sigmoid/std:1 layer 1 histogram holds 20001 values, expected 20000',
    );
  });

  it('rejects a missing run', () => {
    const bad = { runs: reference.runs.slice(1) };
    expect(() => checkSweepShape('naive-js', bad, small)).toThrow(
      'naive-js sweep: 11 runs, expected 12',
    );
  });
});
