import { describe, expect, it } from 'vitest';
import type { Prepared } from '../src/engine.js';
import { quickSettings } from '../src/settings.js';
import { componentWork } from '../src/suites/components.js';
import { trial } from '../src/trial.js';
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
