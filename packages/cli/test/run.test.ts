import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWith, tempDir, words } from './fixtures.js';

const small = ['--samples', '200', '--width', '20', '--layers', '3'];

describe('initscope run', () => {
  it('writes the report and the JSON, and prints the summary and the paths', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const json = join(dir, 'r.json');
    const { code, stdout, stderr } = await cli('run', ...small, '--out', out, '--json', json);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.runs).toHaveLength(12);
    expect(results.config).toEqual({ layers: 3, width: 20, samples: 200, bins: 30, seed: 42 });
    expect(stdout).toContain(`Report: ${out}`);
    expect(stdout).toContain(`JSON: ${json}`);
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.json']);
  });

  it('writes JSON to standard output with --json - and keeps the summary off it', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const { code, stdout, stderr } = await cli(
      'run',
      ...small,
      ...words(`--inits he --out ${out} --json -`),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).runs).toHaveLength(3);
    expect(stderr).toContain('Report:');
  });

  it('gives byte-identical JSON for the same seed, whatever --out, --quiet or --lang say', async () => {
    const dir = tempDir();
    for (const [name, flags] of [
      ['a', '--seed 7'],
      ['b', '--seed 7 --quiet --lang ja'],
      ['c', '--seed 8'],
    ] as const) {
      const files = `--out ${join(dir, `${name}.html`)} --json ${join(dir, `${name}.json`)}`;
      await cli('run', ...small, ...words(`${flags} ${files}`));
    }
    const a = readFileSync(join(dir, 'a.json'));
    expect(a.equals(readFileSync(join(dir, 'b.json')))).toBe(true);
    expect(a.equals(readFileSync(join(dir, 'c.json')))).toBe(false);
  });

  it('prints nothing with --quiet', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(
      'run',
      ...small,
      '--quiet',
      '--out',
      join(dir, 'r.html'),
    );
    expect([code, stdout, stderr]).toEqual([0, '', '']);
  });

  it('prints progress as plain lines when asked, from the first layer step to the last', async () => {
    const dir = tempDir();
    const { code, stderr } = await cliWith(
      { progressLines: true },
      ...['run', ...small, '--inits', 'he', '--gradients', '--out', join(dir, 'r.html')],
    );
    expect(code).toBe(0);
    // 3 runs × 3 layers × (forward + backward) = 18 layer steps.
    const lines = stderr.split('\n').filter((line) => line.startsWith('simulating'));
    expect(lines.at(0)).toBe('simulating: 1/18 layers');
    expect(lines.at(-1)).toBe('simulating: 18/18 layers');
  });

  it('prints everything in Japanese under --lang ja: progress, summary and paths', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const json = join(dir, 'r.json');
    const { code, stdout, stderr } = await cliWith(
      { progressLines: true },
      ...['run', ...small, '--inits', 'he', '--lang', 'ja', '--out', out, '--json', json],
    );
    expect(code).toBe(0);
    expect(stderr.split('\n').at(-2)).toBe('シミュレーション中: 9/9 層');
    expect(stdout).toContain(`レポート: ${out}`);
    expect(stdout).toContain(`JSON（結果）: ${json}`);
    expect(stdout).not.toMatch(/Report|simulating|layers|verdict|runs:/);
  });

  it('prints its version and help', async () => {
    expect((await cli('--version')).stdout.trim()).toBe('0.1.0');
    const help = await cli('run', '--help');
    expect(help.code).toBe(0);
    for (const flag of [
      '--activations',
      '--inits',
      '--layers',
      '--width',
      '--samples',
      '--bins',
      '--seed',
      '--range',
      '--out',
      '--json',
      '--quiet',
      '--lang',
      '--book',
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('initscope run with bad input', () => {
  it.each([
    [
      ['--activations', 'sigmoi'],
      'initscope: Invalid --activations "sigmoi": Unknown activation "sigmoi". Did you mean "sigmoid"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    ],
    [
      ['--inits', 'std:abc'],
      'initscope: Invalid --inits "std:abc": Invalid initializer "std:abc": σ in std:<σ> must be a finite number ≥ 0, e.g. std:0.01.',
    ],
    [
      ['--layers', '1.5'],
      'initscope: Invalid --layers "1.5": expected an integer from 1 to 10000.',
    ],
    [['--bins', '0'], 'initscope: Invalid --bins "0": expected an integer from 1 to 10000.'],
    [
      ['--seed', '1e400'],
      'initscope: Invalid --seed "1e400": expected an integer from 0 to 4294967295.',
    ],
    [
      ['--range', '1,0'],
      'initscope: Invalid --range "1,0": expected two finite numbers lo,hi with lo < hi, e.g. 0,1.',
    ],
    [
      ['--book', '--bins', '20'],
      'initscope: Invalid --book with --range or --bins: --book fixes the range to 0,1 and the bins to 30.',
    ],
    [
      ['--lang', 'fr'],
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, ja.",
    ],
    [['--colour', 'red'], "error: unknown option '--colour'"],
  ])('%j exits 2 with one line and writes nothing', async (args, message) => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(
      'run',
      ...args,
      '--out',
      join(dir, 'r.html'),
      '--json',
      join(dir, 'r.json'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a --json path that is a folder, and a missing --out folder, before any work', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    const json = await cli('run', '--out', join(dir, 'r.html'), '--json', join(dir, 'folder'));
    expect(json.code).toBe(2);
    expect(json.stderr.trim()).toBe(
      `initscope: Invalid --json "${join(dir, 'folder')}": it is a folder; give a file name.`,
    );
    const missing = join(dir, 'nope', 'r.html');
    const out = await cli('run', '--out', missing);
    expect(out.code).toBe(2);
    expect(out.stderr.trim()).toBe(
      `initscope: Invalid --out "${missing}": folder ${join(dir, 'nope')} does not exist.`,
    );
    expect(readdirSync(dir)).toEqual(['folder']);
  });

  it('refuses an --out folder it cannot write to, before any work', async () => {
    // As root, permission bits do not stop writes; a read-only file system does.
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o500 });
    const folder = process.getuid?.() === 0 ? '/sys' : locked;
    const out = join(folder, 'r.html');
    const { code, stdout, stderr } = await cli('run', '--out', out);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trim()).toBe(
      `initscope: Invalid --out "${out}": folder ${folder} is not writable.`,
    );
    expect(readdirSync(locked)).toEqual([]);
  });

  it('leaves an existing report untouched when the input is bad', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    writeFileSync(out, 'previous');
    const { code } = await cli('run', '--layers', '0', '--out', out);
    expect(code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });
});
