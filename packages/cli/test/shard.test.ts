import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardUnits } from '../src/shard.js';
import { cli, tempDir, words } from './fixtures.js';

const sweep =
  '--activations relu,tanh --inits std:0.01,he,xavier --widths 20,15,15 --samples 90 --range -1,1 --gradients --seed 3';

async function ok(...argv: string[]): Promise<void> {
  const { code, stderr } = await cli(...argv);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}

describe('run --shard i/n and merge', () => {
  it('merges shards (any order, any --threads) into byte-identical JSON and report', async () => {
    const dir = tempDir();
    const at = (name: string) => join(dir, name);
    await ok(
      'run',
      ...words(
        `${sweep} --seeds 4 -q --threads 1 --out ${at('full.html')} --json ${at('full.json')}`,
      ),
    );
    for (const [i, threads] of [
      [1, 2],
      [2, 1],
      [3, 3],
      [4, 2],
      [5, 1],
    ] as const) {
      await ok(
        'run',
        ...words(
          `${sweep} --seeds 4 -q --threads ${threads} --shard ${i}/5 --json ${at(`s${i}.json`)}`,
        ),
      );
    }
    await ok(
      'merge',
      ...words(
        `${at('s4.json')} ${at('s2.json')} ${at('s1.json')} ${at('s5.json')} ${at('s3.json')} -q --out ${at('m.html')} --json ${at('m.json')}`,
      ),
    );
    expect(readFileSync(at('m.json')).equals(readFileSync(at('full.json')))).toBe(true);
    expect(readFileSync(at('m.html')).equals(readFileSync(at('full.html')))).toBe(true);
    expect(JSON.parse(readFileSync(at('m.json'), 'utf8')).runs[0].layers[0].band.seeds).toBe(4);
  });

  it('merges a one-seed sweep with more shards than runs (empty shards) too', async () => {
    const dir = tempDir();
    const at = (name: string) => join(dir, name);
    const one = '--activations relu --inits he,xavier --width 10 --layers 2 --samples 50';
    await ok('run', ...words(`${one} -q --out ${at('full.html')} --json ${at('full.json')}`));
    for (const i of [1, 2, 3])
      await ok('run', ...words(`${one} -q --shard ${i}/3 --json ${at(`s${i}.json`)}`));
    expect(JSON.parse(readFileSync(at('s1.json'), 'utf8')).runs).toHaveLength(0);
    await ok(
      'merge',
      ...words(
        `${at('s1.json')} ${at('s2.json')} ${at('s3.json')} -q --out ${at('m.html')} --json ${at('m.json')}`,
      ),
    );
    expect(readFileSync(at('m.json')).equals(readFileSync(at('full.json')))).toBe(true);
  });

  it('refuses other configs, versions, repeats, gaps and bad --shard with one line and exit 2, writing nothing', async () => {
    const dir = tempDir();
    const at = (name: string) => join(dir, name);
    const small = '--activations relu --inits he,xavier --width 10 --layers 2 --samples 40';
    await ok('run', ...words(`${small} -q --shard 1/2 --json ${at('a1.json')}`));
    await ok('run', ...words(`${small} -q --shard 2/2 --json ${at('a2.json')}`));
    await ok('run', ...words(`${small} --seed 9 -q --shard 2/2 --json ${at('b2.json')}`));
    const old = JSON.parse(readFileSync(at('a2.json'), 'utf8'));
    writeFileSync(at('v2.json'), JSON.stringify({ ...old, version: '0.0.1' }));
    writeFileSync(at('bad.json'), '{"tool":"initscope"');
    const before = readdirSync(dir).sort();
    const cases: [string, RegExp][] = [
      [
        `${at('a1.json')} ${at('b2.json')}`,
        /^initscope: Cannot merge .*b2\.json: its configuration or shard count differs from .*a1\.json's\.\n$/,
      ],
      [
        `${at('a1.json')} ${at('v2.json')}`,
        /^initscope: Cannot merge .*v2\.json: written by initscope 0\.0\.1/,
      ],
      [
        `${at('a1.json')} ${at('a1.json')}`,
        /^initscope: Cannot merge .*a1\.json: shard 1\/2 is also/,
      ],
      [at('a1.json'), /^initscope: Missing shard 2\/2: give every shard of the sweep\.\n$/],
      [at('bad.json'), /^initscope: Invalid shard .*bad\.json: not JSON\.\n$/],
    ];
    for (const [files, message] of cases) {
      const { code, stdout, stderr } = await cli(
        'merge',
        ...words(`${files} --out ${at('m.html')}`),
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
    for (const bad of ['0/2', '3/2', '1/0', 'x', '1/2/3']) {
      const { code, stderr } = await cli('run', ...words(`--shard ${bad} --json ${at('z.json')}`));
      expect(code).toBe(2);
      expect(stderr).toMatch(/^initscope: Invalid --shard "[^"]*": expected i\/n with 1 ≤ i ≤ n/);
    }
    const noJson = await cli('run', '--shard', '1/2');
    expect(noJson.code).toBe(2);
    expect(noJson.stderr).toMatch(/^initscope: Invalid --shard without --json/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('shardUnits', () => {
  it('covers every unit exactly once, in order, for any n', () => {
    for (const count of [0, 1, 5, 12, 97]) {
      for (const n of [1, 2, 3, 7, 100]) {
        const all = Array.from({ length: n }, (_, i) =>
          shardUnits(count, { index: i + 1, count: n }),
        ).flat();
        expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
      }
    }
  });
});
