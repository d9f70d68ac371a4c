import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InitError, parseInit, varianceScaling, version } from '../src/index.js';

describe('parseInit()', () => {
  it.each([
    ['std:1', 1],
    ['std:0.01', 0.01],
    ['xavier', Math.sqrt(1 / 100)],
    ['he', Math.sqrt(2 / 100)],
    ['lecun', Math.sqrt(1 / 100)],
  ])("gives %s the book's standard deviation for fan_in 100", (id, std) => {
    expect(parseInit(id).std(100, 100)).toBeCloseTo(std, 15);
  });

  it('keeps the id as typed', () => {
    expect(parseInit('std:1e-2').id).toBe('std:1e-2');
    expect(parseInit('std:1e-2').std(5, 5)).toBe(0.01);
  });

  it('throws InitError for unknown ids', () => {
    expect(() => parseInit('kaiming')).toThrow(InitError);
  });
});

describe('varianceScaling()', () => {
  it('divides by the fan its mode names', () => {
    expect(varianceScaling('a', { scale: 2, mode: 'fan_in' }).std(50, 200)).toBeCloseTo(
      Math.sqrt(2 / 50),
      15,
    );
    expect(varianceScaling('b', { scale: 2, mode: 'fan_out' }).std(50, 200)).toBeCloseTo(
      Math.sqrt(2 / 200),
      15,
    );
    expect(varianceScaling('c', { mode: 'fan_avg' }).std(50, 150)).toBeCloseTo(
      Math.sqrt(1 / 100),
      15,
    );
  });
});

describe('version', () => {
  it('equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toBe(pkg.version);
  });
});
