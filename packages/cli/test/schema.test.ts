import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePhaseDiagram, validateResults } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './fixtures.js';

/** Runs the command with `--json` into a temporary file and returns the parsed document. */
async function jsonOf(...argv: string[]): Promise<unknown> {
  const dir = tempDir();
  const json = join(dir, 'out.json');
  const { code, stderr } = await cli(
    ...argv,
    '--quiet',
    '--out',
    join(dir, 'out.html'),
    '--json',
    json,
  );
  expect([code, stderr]).toEqual([0, '']);
  return JSON.parse(readFileSync(json, 'utf8'));
}

describe('the --json output against the results contract (JSON Schema)', () => {
  it('initscope run: the book, a zoo with every option, and an overflowing stack', async () => {
    for (const argv of [
      ['run', '--samples', '100', '--width', '20'],
      [
        'run',
        ...[
          '--activations',
          'gelu,leaky-relu:0.2,softsign',
          '--inits',
          'orthogonal:auto,he-uniform',
        ],
        ...['--widths', '30,40,20', '--samples', '50', '--bias-std', '0.1', '--range', '-1,1'],
        ...['--gradients', '--theory'],
      ],
      ['run', '--activations', 'relu', '--inits', 'std:1', '--layers', '60', '--samples', '20'],
    ]) {
      const validation = validateResults(await jsonOf(...argv));
      expect(validation.valid ? [] : validation.errors, argv.join(' ')).toEqual([]);
    }
  });

  it('initscope phase', async () => {
    const validation = validatePhaseDiagram(
      await jsonOf('phase', '--activation', 'relu', '--inits', 'he,xavier'),
    );
    expect(validation.valid ? [] : validation.errors).toEqual([]);
  }, 60_000);

  it('a document that breaks the contract fails with a line naming the problem', async () => {
    const results = (await jsonOf('run', '--samples', '20', '--width', '5', '--inits', 'he')) as {
      runs: { state: string }[];
    };
    (results.runs[0] as { state: string }).state = 'done';
    expect(validateResults(results).valid).toBe(false);
  });
});
