/**
 * What the built `initscope` binary writes with `--json` is the results contract: it validates
 * against `@initscope/results`' JSON Schema, closed (every field it writes is described there).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePhaseDiagram, validateResults } from '@initscope/results';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/initscope.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'initscope-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the binary with `--json -` and parses what it printed. */
function jsonOf(...args: string[]): unknown {
  const out = join(dir, 'page.html');
  const result = spawnSync(process.execPath, [bin, ...args, '--json', '-', '--out', out], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The validation errors of a results document (empty when it conforms). */
function resultsErrors(json: unknown): string[] {
  const outcome = validateResults(json, { closed: true });
  return outcome.valid ? [] : outcome.errors;
}

const small = ['--samples', '50', '--width', '20'];

describe('initscope --json against the results schema', () => {
  it('run: the book’s sweep', () => {
    expect(resultsErrors(jsonOf('run', ...small))).toEqual([]);
  });

  it('run --gradients --theory', () => {
    const json = jsonOf('run', ...small, '--gradients', '--theory');
    expect(resultsErrors(json)).toEqual([]);
    const run = (json as { runs: { layers: Record<string, unknown>[] }[] }).runs[0];
    expect(Object.keys(run?.layers[0] ?? {})).toEqual(
      expect.arrayContaining(['gradients', 'theory']),
    );
  });

  it('run with --widths, --bias-std, --range and a run that fails', () => {
    const json = jsonOf(
      'run',
      '--activations',
      'leaky-relu:0.2,gelu',
      '--inits',
      'he,std:1e40',
      '--widths',
      '12,24,8',
      '--bias-std',
      '0.1',
      '--range',
      '-1,1',
      '--samples',
      '30',
    );
    expect(resultsErrors(json)).toEqual([]);
    const states = (json as { runs: { state: string }[] }).runs.map((run) => run.state);
    expect(states).toEqual(['completed', 'errored', 'completed', 'errored']);
  });

  it('run with orthogonal and uniform initializers, --gradients and --theory on uneven widths', () => {
    const json = jsonOf(
      'run',
      ...['--activations', 'gelu,leaky-relu:0.2,softsign', '--inits', 'orthogonal:auto,he-uniform'],
      ...['--widths', '30,40,20', '--samples', '50', '--bias-std', '0.1', '--range', '-1,1'],
      ...['--gradients', '--theory'],
    );
    expect(resultsErrors(json)).toEqual([]);
  });

  it('run through a stack that overflows f32 (NaN/Inf counted, nulls where nothing is finite)', () => {
    const json = jsonOf(
      ...['run', '--activations', 'relu', '--inits', 'std:1', '--layers', '60', '--samples', '20'],
      ...['--gradients', '--theory'],
    );
    expect(resultsErrors(json)).toEqual([]);
    const layers = (json as { runs: { layers: { nonFinite: number; mean: unknown }[] }[] }).runs[0]
      ?.layers;
    expect(layers?.at(-1)).toMatchObject({ nonFinite: 2000, mean: null });
  });

  it('phase, with the initializers placed on it', () => {
    for (const activation of ['tanh', 'relu']) {
      const json = jsonOf('phase', '--activation', activation, '--inits', 'he,xavier,std:1');
      const outcome = validatePhaseDiagram(json, { closed: true });
      expect(outcome.valid ? [] : outcome.errors, activation).toEqual([]);
    }
  }, 60_000);
});
