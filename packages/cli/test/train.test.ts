import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateTraining } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './fixtures.js';

// A short run of the book's network (the full 3 × 2000 is the benchmark's).
const short = [
  '--iterations',
  '20',
  '--eval-every',
  '10',
  '--checkpoints',
  '0,20',
  '--inits',
  'he',
];

describe('initscope train', () => {
  it('writes the training page and the JSON; the same seed gives byte-identical JSON', async () => {
    const dir = tempDir();
    const [out, a, b] = ['t.html', 'a.json', 'b.json'].map((f) => join(dir, f)) as [
      string,
      string,
      string,
    ];
    const first = await cli('train', ...short, '--out', out, '--json', a);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Training report: ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    const results = JSON.parse(readFileSync(a, 'utf8'));
    expect(validateTraining(results, { closed: true })).toMatchObject({ valid: true });
    expect(results.runs).toHaveLength(1);
    expect(results.runs[0]).toMatchObject({
      init: 'he',
      activation: 'relu',
      optimizer: 'sgd',
      state: 'completed',
    });
    expect(results.runs[0].loss).toHaveLength(20);
    expect(results.runs[0].evals.map((e: { iteration: number }) => e.iteration)).toEqual([
      0, 10, 20,
    ]);
    const second = await cli(
      'train',
      ...short,
      '--quiet',
      '--lang',
      'ja',
      '--out',
      out,
      '--json',
      b,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('refuses bad input with one line and exit code 2, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 't.html');
    for (const [flags, message] of [
      [
        ['--optimizer', 'sgdd'],
        'initscope: Unknown optimizer "sgdd". Did you mean "sgd"? Valid values: sgd, momentum, adagrad, adam.\n',
      ],
      [['--lr', '0'], 'initscope: Invalid --lr "0": expected a finite number > 0.\n'],
      [
        ['--data', dir],
        `initscope: Missing data file ${join(dir, 'train-images-idx3-ubyte')} (or train-images-idx3-ubyte.gz) in --data ${dir}.\n`,
      ],
    ] as const) {
      const { code, stdout, stderr } = await cli('train', ...flags, '--out', out);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
