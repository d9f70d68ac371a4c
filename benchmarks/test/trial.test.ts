import { describe, expect, it } from 'vitest';
import type { Prepared } from '../src/engine.js';
import { blockSizes, timeAlternating, timingOf } from '../src/measure.js';
import type { Probe } from '../src/probe.js';
import { quickSettings } from '../src/settings.js';
import { componentWork } from '../src/suites/components.js';
import { pairedTrial, probeRunMs, trial } from '../src/trial.js';
import { ValidationError } from '../src/validation-error.js';

const work = componentWork('relu', 4);
const settings = { ...quickSettings, timeMs: 1, minSamples: 2, warmupMs: 0, warmupRuns: 0 };
const lines: string[] = [];
const context = { settings, log: (line: string) => lines.push(line) };

function prepared(output: number[]): Prepared<number[]> {
  return { run: () => {}, output: () => output, dispose() {} };
}

describe('trial()', () => {
  it('times a run whose output validates', async () => {
    const result = await trial(
      work,
      'naive-js',
      () => prepared([1]),
      () => {},
      context,
    );
    expect(result.error).toBeUndefined();
    expect(result.samples).toBeGreaterThanOrEqual(2);
    expect(result.median_ms).toBeGreaterThanOrEqual(0);
  });

  it('records a validation failure as an error, without timing', async () => {
    const reject = () => {
      throw new ValidationError('relu(-1) = -1, expected 0');
    };
    const result = await trial(work, 'tfjs-wasm', () => prepared([-1]), reject, context);
    expect(result).toMatchObject({
      median_ms: null,
      mean_ms: null,
      samples: 0,
      error: 'relu(-1) = -1, expected 0',
    });
    expect(lines.at(-1)).toBe('components relu tfjs-wasm: ERROR relu(-1) = -1, expected 0');
  });

  it('records an engine that fails to start as an error', async () => {
    const broken = async (): Promise<Prepared<number[]>> => {
      throw new Error('backend "wasm" failed to initialize');
    };
    const result = await trial(work, 'tfjs-wasm', broken, () => {}, context);
    expect(result.error).toBe('backend "wasm" failed to initialize');
  });
});

describe('timeAlternating()', () => {
  it('alternates the order every round (A B, B A, …) after the warm-up, the same count for each run', async () => {
    const calls: string[] = [];
    const runs = ['A', 'B'].map((name) => () => {
      calls.push(name);
    });
    const fast = { ms: 0, async: false };
    const timings = await timeAlternating(runs, [fast, fast], {
      ...settings,
      warmupRuns: 1,
      minSamples: 4,
      timeMs: 0,
    });
    // one warm-up round, then four timed ones
    expect(calls.join('')).toBe('AB' + 'AB' + 'BA' + 'AB' + 'BA');
    expect(timings.map((t) => t.samples)).toEqual([4, 4]);
  });

  it('sizes blocks from the warm-up medians: a quarter of timeMs each, at least one run', () => {
    const full = { ...settings, timeMs: 1500 };
    // 375 ms per block: 5 runs of 70 ms, 9 of 40 ms, one of 500 ms
    expect(blockSizes([70, 40, 500], full)).toEqual([5, 9, 1]);
  });

  it('runs whole blocks in alternating order after a one-at-a-time warm-up (A B, B A)', async () => {
    const calls: string[] = [];
    const runs = ['A', 'B'].map((name) => () => {
      calls.push(name);
    });
    const fast = { ms: 0, async: false };
    // no-op runs: blocks of many; one block each is more than minSamples and timeMs
    await timeAlternating(runs, [fast, fast], { ...settings, warmupRuns: 2, timeMs: 0.5 });
    const warm = calls.slice(0, 4).join('');
    expect(warm).toBe('ABBA');
    const timed = calls.slice(4).join('');
    // block 0: A's block then B's; block 1: B's then A's; … (no-op runs: blocks of many)
    expect(timed).toMatch(/^A{2,}B{2,}(B{2,}A{2,}A{2,}B{2,})*(B{2,}A{2,})?$/);
  });

  it('gives slow runs (a first run above timeMs) slowSamples rounds and no warm-up', async () => {
    let calls = 0;
    const run = async () => {
      calls++;
    };
    const timings = await timeAlternating(
      [run, run],
      [
        { ms: 5, async: true },
        { ms: 0, async: true },
      ],
      { ...settings, timeMs: 1, slowSamples: 3, warmupRuns: 5 },
    );
    expect(calls).toBe(6);
    expect(timings.map((t) => t.samples)).toEqual([3, 3]);
  });
});

describe('timingOf()', () => {
  it('gives the median (the mean of the middle two for an even count), mean, min and max', () => {
    expect(timingOf([4, 1, 3, 2])).toMatchObject({
      medianMs: 2.5,
      meanMs: 2.5,
      minMs: 1,
      maxMs: 4,
      samples: 4,
    });
    expect(timingOf([5, 1, 3]).medianMs).toBe(3);
  });
});

describe('pairedTrial()', () => {
  it('validates the sides in order, then times both with their threads', async () => {
    const seen: number[] = [];
    const results = await pairedTrial(
      work,
      'initscope',
      [
        { prepare: () => prepared([1]), validate: () => seen.push(1), threads: 1 },
        { prepare: () => prepared([2]), validate: () => seen.push(2), threads: 2 },
      ],
      context,
    );
    expect(seen).toEqual([1, 2]);
    expect(results.map((r) => [r.threads, r.error, r.samples >= 2])).toEqual([
      [1, undefined, true],
      [2, undefined, true],
    ]);
  });

  it('records a side that fails as an error and still times the other', async () => {
    const results = await pairedTrial(
      work,
      'initscope',
      [
        { prepare: () => prepared([1]), validate: () => {}, threads: 1 },
        {
          prepare: () => prepared([2]),
          validate: () => {
            throw new ValidationError('the threaded runs differ from the 1-thread runs');
          },
          threads: 2,
        },
      ],
      context,
    );
    expect(results[0]?.error).toBeUndefined();
    expect(results[0]?.samples).toBeGreaterThanOrEqual(2);
    expect(results[1]).toMatchObject({
      threads: 2,
      median_ms: null,
      error: 'the threaded runs differ from the 1-thread runs',
    });
  });

  /** Two sides that validate: 1 thread and 2. */
  const oneAndTwo = [
    { prepare: () => prepared([1]), validate: () => {}, threads: 1 },
    { prepare: () => prepared([2]), validate: () => {}, threads: 2 },
  ];

  it('times the machine probe in the same blocks and puts its medians on the threaded row', async () => {
    const calls: string[] = [];
    const sized: number[] = [];
    const probe: Probe = {
      threads: 2,
      products: 8,
      calibrate: async (ms) => {
        sized.push(ms);
        return 8;
      },
      one: async () => {
        calls.push('probe 1');
      },
      all: async () => {
        calls.push('probe 2');
      },
    };
    const started: number[] = [];
    const results = await pairedTrial(work, 'initscope', oneAndTwo, {
      ...context,
      probe: async (threads) => {
        started.push(threads);
        return probe;
      },
    });
    expect(started).toEqual([2]);
    // the sides' first runs take well under the floor: the probe's 1-thread run is sized to it
    expect(sized).toEqual([probeRunMs.min]);
    expect(calls.filter((c) => c === 'probe 1').length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((c) => c === 'probe 2').length).toBeGreaterThanOrEqual(3);
    expect(results[0]?.machine_probe).toBeUndefined();
    expect(results[1]?.machine_probe).toMatchObject({ products: 8 });
    expect(results[1]?.machine_probe?.samples).toBeGreaterThanOrEqual(2);
    expect(results[1]?.machine_probe?.one_ms).toBeGreaterThanOrEqual(0);
  });

  it('times the rows without the probe when it cannot start, and says so', async () => {
    const results = await pairedTrial(work, 'initscope', oneAndTwo, {
      ...context,
      probe: async () => {
        throw new Error('no worker threads here');
      },
    });
    expect(results.map((r) => [r.error, r.machine_probe])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(lines).toContain('components relu: machine probe unavailable: no worker threads here');
  });
});
