import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSweepConfig } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import { splitEvenly } from '../src/pool.js';
import { seedTasksPerThread, sweepTasks } from '../src/run.js';
import { cli, cliWith, tempDir, words } from './fixtures.js';

/** Runs `initscope run <flags> --threads t` for each t and returns each JSON file's bytes. */
async function jsonAt(flags: string, threads: readonly number[]): Promise<Buffer[]> {
  const dir = tempDir();
  const out: Buffer[] = [];
  for (const t of threads) {
    const json = join(dir, `t${t}.json`);
    const { code, stderr } = await cli(
      'run',
      ...words(`${flags} --quiet --threads ${t} --out ${join(dir, `t${t}.html`)} --json ${json}`),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    out.push(readFileSync(json));
  }
  return out;
}

describe('initscope run --threads', () => {
  it('gives byte-identical JSON for 1, 2 and 3 threads on the book sweep', async () => {
    const [one, two, three] = await jsonAt('--book', [1, 2, 3]);
    expect(JSON.parse(String(one)).runs).toHaveLength(12);
    expect(one?.equals(two as Buffer)).toBe(true);
    expect(one?.equals(three as Buffer)).toBe(true);
  });

  it('gives byte-identical JSON with gradients, theory, biases and uneven slices (5 runs on 2 and 3 threads)', async () => {
    const flags =
      '--activations relu,tanh,elu:0.5,sigmoid,leaky-relu:0.1 --inits he --widths 30,20,25 --samples 150 --bias-std 0.1 --gradients --theory --seed 9';
    const [one, two, three] = await jsonAt(flags, [1, 2, 3]);
    const runs = JSON.parse(String(one)).runs;
    expect(runs.map((run: { activation: string }) => run.activation)).toEqual([
      'relu',
      'tanh',
      'elu:0.5',
      'sigmoid',
      'leaky-relu:0.1',
    ]);
    expect(runs[0].layers[0].gradients).toBeDefined();
    expect(one?.equals(two as Buffer)).toBe(true);
    expect(one?.equals(three as Buffer)).toBe(true);
  });

  it('gives byte-identical JSON for 1, 2 and 3 threads on a --seeds run (seeds split across workers)', async () => {
    const [one, two, three] = await jsonAt('--book --seeds 5 --samples 300', [1, 2, 3]);
    const results = JSON.parse(String(one));
    expect(results.config.seeds).toBe(5);
    expect(results.runs[0].layers[0].band.seeds).toBe(5);
    expect(one?.equals(two as Buffer)).toBe(true);
    expect(one?.equals(three as Buffer)).toBe(true);
  });

  it("splits a big run's products across threads when there are fewer runs than threads: byte-identical JSON", async () => {
    // one run of 1000 × 600² × 3 layers ≥ 2^30 multiply-adds: the products on 2 and 3 threads
    const one = '--activations relu --inits he --width 600 --layers 3 --samples 1000';
    const config = resolveSweepConfig({
      activations: 'relu',
      inits: 'he',
      width: 600,
      layers: 3,
      samples: 1000,
    });
    expect(sweepTasks(config, [0], 3).map((task) => task.productThreads)).toEqual([3]);
    const [a, b, c] = await jsonAt(one, [1, 2, 3]);
    expect(a?.equals(b as Buffer)).toBe(true);
    expect(a?.equals(c as Buffer)).toBe(true);
    // two runs with gradients on 4 threads: two workers, each splitting its products over 2 threads
    const two =
      '--activations tanh,relu --inits xavier --width 400 --layers 3 --samples 1000 --gradients --bias-std 0.1';
    const twoConfig = resolveSweepConfig({
      activations: 'tanh,relu',
      inits: 'xavier',
      width: 400,
      layers: 3,
      samples: 1000,
      gradients: true,
      biasStd: 0.1,
    });
    expect(sweepTasks(twoConfig, [0, 1], 4).map((task) => task.productThreads)).toEqual([2, 2]);
    const [d, e] = await jsonAt(two, [1, 4]);
    expect(d?.equals(e as Buffer)).toBe(true);
  });

  it('cuts a --seeds sweep into whole seeds, several tasks per thread, in unit order', () => {
    const config = resolveSweepConfig({ seeds: 64 });
    const units = Array.from({ length: 64 * 12 }, (_, i) => i);
    const tasks = sweepTasks(config, units, 2);
    expect(tasks).toHaveLength(2 * seedTasksPerThread);
    expect(tasks.flatMap((task) => task.units)).toEqual(units);
    for (const task of tasks) {
      expect(task.units).toHaveLength(4 * 12);
      expect((task.units[0] as number) % 12).toBe(0);
    }
    // a shard that starts and ends inside a seed: its part of each seed stays in one task
    const shard = units.slice(30, 100);
    const parts = sweepTasks(config, shard, 3);
    expect(parts.flatMap((task) => task.units)).toEqual(shard);
    expect(parts.map((task) => task.units.length)).toEqual([6, 12, 12, 12, 12, 12, 4]);
    // fewer seeds than threads: one slice of units per worker, as for a single seed
    const book = resolveSweepConfig({});
    expect(sweepTasks(book, units.slice(0, 12), 2).map((task) => task.units.length)).toEqual([
      6, 6,
    ]);
    expect(sweepTasks(config, units.slice(0, 24), 3).map((task) => task.units.length)).toEqual([
      8, 8, 8,
    ]);
  });

  it('keeps small runs on one thread each (starting helper threads would cost more than they save)', () => {
    const book = resolveSweepConfig({ activations: 'relu', inits: 'he' });
    expect(sweepTasks(book, [0], 8).map((task) => task.productThreads)).toEqual([undefined]);
  });

  it('refuses a bad --seeds with one line and exit code 2', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli('run', ...words(`--seeds 0 --out ${join(dir, 'r.html')}`));
    expect(code).toBe(2);
    expect(stderr).toBe('initscope: Invalid --seeds "0": expected an integer from 1 to 1000000.\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('counts every worker step in the progress, to the last', async () => {
    const dir = tempDir();
    const { code, stderr } = await cliWith(
      { progressLines: true },
      ...words(
        `run --samples 200 --width 20 --layers 3 --inits he --gradients --threads 3 --out ${join(dir, 'r.html')}`,
      ),
    );
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter((line) => line.startsWith('simulating'));
    expect(lines.at(-1)).toBe('simulating: 18/18 layers');
  });

  it('refuses a bad --threads with one line and exit code 2, writing nothing', async () => {
    for (const bad of ['0', '-1', '1.5', 'two', '257']) {
      const dir = tempDir();
      const { code, stdout, stderr } = await cli(
        'run',
        ...words(`--threads ${bad} --out ${join(dir, 'r.html')}`),
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^initscope: Invalid --threads "?[^\n]*: expected a whole number from 1 to 256/,
      );
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('stops every worker on abort and writes nothing', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const pending = cliWith(
      { signal: controller.signal },
      'run',
      ...words(`--threads 2 --width 300 --samples 3000 --layers 8 --out ${join(dir, 'r.html')}`),
    );
    setTimeout(() => controller.abort(new Error('interrupted')), 300);
    const { code, stderr } = await pending;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('initscope phase --threads', () => {
  it('gives byte-identical JSON for 1, 2 and 3 threads', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const files: Buffer[] = [];
    for (const t of [1, 2, 3]) {
      const json = join(dir, `p${t}.json`);
      const { code, stderr } = await cli(
        'phase',
        ...words(`-a relu --quiet --threads ${t} --out ${join(dir, `p${t}.html`)} --json ${json}`),
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      files.push(readFileSync(json));
    }
    expect(JSON.parse(String(files[0])).chi1).toHaveLength(51);
    expect(files[0]?.equals(files[1] as Buffer)).toBe(true);
    expect(files[0]?.equals(files[2] as Buffer)).toBe(true);
  });
});

describe('splitEvenly', () => {
  it('cuts 0…n−1 into contiguous slices differing by at most one, never empty', () => {
    expect(splitEvenly(12, 2)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
    ]);
    expect(splitEvenly(5, 3)).toEqual([[0, 1], [2, 3], [4]]);
    expect(splitEvenly(2, 8)).toEqual([[0], [1]]);
    expect(splitEvenly(1, 1)).toEqual([[0]]);
  });
});
