import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ConfigError } from '../src/index.js';

/**
 * Per (activation/init) key: per seed, per layer, [mean, std, saturation] from the book's NumPy code
 * (saturation: share of values within 0.05 of a bound; null for relu).
 */
export type NumpyStats = Record<string, [number, number, number | null][][]>;

/** Runs the book's experiment in NumPy (python3) for the given seeds. */
export function numpyBookStats(
  seeds: number[],
  layers = 5,
  width = 100,
  samples = 1000,
): NumpyStats {
  const script = fileURLToPath(new URL('./numpy_book.py', import.meta.url));
  const output = execFileSync('python3', [script], {
    input: JSON.stringify({ seeds, layers, width, samples }),
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(output.toString()) as NumpyStats;
}

/** Mean and standard deviation (ddof = 1) of a sample. */
export function meanAndSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** Option names labelled as flags, as the CLI labels them: `layers` → `--layers`. */
export const asFlag = (field: string) => `--${field}`;

/** The message of the ConfigError that `resolve` throws (and fails the test when it does not). */
export function configErrorOf(resolve: () => unknown): string {
  try {
    resolve();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
