import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateTraining } from '@initscope/results';
import { bookTrainConfig, loadIdxSet, snapshotBytes, train } from '@initscope/train';
import { describe, expect, it } from 'vitest';
import { openPool } from '../src/pool.js';
import { deferredSnapshotBudget, deferredUnitCount, trainOnOpenPool } from '../src/train.js';
import { cli, cliWith, tempDir, words } from './fixtures.js';

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
    // the run report's skeleton: vega inlined under its Content-Security-Policy, every chart placed
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(page).toContain('id="initscope-charts"');
    for (const id of ['loss', 'accuracy', 'update-ratio', 'run-1-activations', 'run-1-gradients'])
      expect(page).toContain(`id="${id}-view"`);
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
    // the document carries the thresholds its page states and each run's outcome by them
    expect(results.outcomeThresholds).toEqual({ learned: 0.85, notLearned: 0.2 });
    const accuracy = results.runs[0].evals.at(-1).testAccuracy;
    expect(results.runs[0].outcome).toBe(
      accuracy >= 0.85 ? 'learned' : accuracy >= 0.2 ? 'learned slowly' : 'did not learn',
    );
    const vt = results.verdictThresholds;
    expect(page).toContain(
      `Gradients vanish when Var δ¹ / Var δᴸ < ${vt.vanishingRatio}, explode when > ${vt.explodingRatio}`,
    );
    expect(page).toContain(`critical within ${results.criticalTolerance}`);
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
  }, 180_000);

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
        ['--activation', 'leaky-relu:-1'],
        'initscope: Invalid activation "leaky-relu:-1": α in leaky-relu:<α> must be a finite number ≥ 0.\n',
      ],
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

/** The brief's short run of the book's three initializers: 50 updates, evaluated at 0, 25 and 50. */
const short3 = '--iterations 50 --eval-every 25 --checkpoints 0,50';

/** Runs `initscope train <flags> --threads t` for each t and returns each JSON file's bytes. */
async function trainJsonAt(flags: string, threads: readonly number[]): Promise<Buffer[]> {
  const dir = tempDir();
  const out: Buffer[] = [];
  for (const t of threads) {
    const json = join(dir, `t${t}.json`);
    const { code, stderr } = await cli(
      'train',
      ...words(`${flags} --quiet --threads ${t} --out ${join(dir, `t${t}.html`)} --json ${json}`),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    out.push(readFileSync(json));
  }
  return out;
}

describe('initscope train --threads', () => {
  it('gives byte-identical JSON for 1, 2 and 3 threads (3 initializers, one per task)', async () => {
    const [one, two, three] = await trainJsonAt(short3, [1, 2, 3]);
    const results = JSON.parse(String(one));
    expect(results.runs.map((r: { init: string }) => r.init)).toEqual(['std:0.01', 'xavier', 'he']);
    expect(results.runs[2].loss).toHaveLength(50);
    expect(one?.equals(two as Buffer)).toBe(true);
    expect(one?.equals(three as Buffer)).toBe(true);
  }, 180_000);

  it('counts every iteration of every worker in the progress, to the last (also in this thread)', async () => {
    const dir = tempDir();
    for (const threads of [2, 1]) {
      const { code, stderr } = await cliWith(
        { progressLines: true },
        ...words(
          `train --iterations 45 --eval-every 45 --checkpoints 0 --inits he,xavier --threads ${threads} --out ${join(dir, 't.html')}`,
        ),
      );
      expect(code).toBe(0);
      const lines = stderr.split('\n').filter((line) => line.startsWith('training'));
      expect(lines.at(-1)).toBe('training: 90/90 iterations');
    }
  }, 180_000);

  it('stops every worker on abort and writes nothing', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const pending = cliWith(
      { signal: controller.signal },
      ...words(`train --threads 2 --out ${join(dir, 't.html')} --json ${join(dir, 't.json')}`),
    );
    // the book's 3 × 2000 iterations are well under way after a few seconds, far from done
    setTimeout(() => controller.abort(new Error('interrupted')), 4000);
    const { code, stderr } = await pending;
    expect(code).toBe(130);
    expect(stderr).toBe('initscope: interrupted; no file was written or changed.\n');
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);

  it('defers only the last runs whose snapshots fit the budget; the others evaluate in their loop: same bits', async () => {
    const config = { ...bookTrainConfig, iterations: 24, evalEvery: 4, checkpoints: [0, 24] };
    const bytes = snapshotBytes(config);
    // the book's 9.2 MB per run: 29 runs within 256 MiB; none when one run's snapshots exceed it
    expect(deferredUnitCount(bookTrainConfig, 100)).toBe(29);
    expect(deferredUnitCount(bookTrainConfig, 3)).toBe(3);
    const huge = { ...bookTrainConfig, iterations: 1_000_000, evalEvery: 1 };
    expect(snapshotBytes(huge)).toBeGreaterThan(deferredSnapshotBudget);
    expect(deferredUnitCount(huge, 3)).toBe(0);
    expect(deferredUnitCount(config, 3, bytes * 1.5)).toBe(1);
    const data = await loadIdxSet(undefined, { shared: true });
    const reference = JSON.stringify([await train(data, config)]);
    const pool = openPool(2);
    try {
      // none, one (the last) and all three runs deferred
      for (const budget of [0, bytes * 1.5, deferredSnapshotBudget]) {
        const runs = await trainOnOpenPool(pool, data, config, 1, {}, budget);
        expect(JSON.stringify(runs)).toBe(reference);
      }
    } finally {
      await pool.destroy();
    }
  }, 180_000);

  it('refuses a bad --threads with one line and exit code 2, writing nothing', async () => {
    const dir = tempDir();
    for (const bad of ['0', '1.5', 'two', '257']) {
      const { code, stdout, stderr } = await cli(
        'train',
        ...words(`--threads ${bad} --out ${join(dir, 't.html')}`),
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(
          `^initscope: Invalid --threads "${bad}": expected a whole number from 1 to 256 \\(default: this machine's \\d+\\)\\.\n$`,
        ),
      );
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('initscope train --seeds', () => {
  it('bands each initializer over the seeds: byte-identical for 1 and 3 threads, each seed the run of --seed s', async () => {
    const flags = `${short3} --inits xavier,he --seed 5 --seeds 2`;
    const [one, three] = await trainJsonAt(flags, [1, 3]);
    expect(one?.equals(three as Buffer)).toBe(true);
    const results = JSON.parse(String(one));
    expect(validateTraining(results, { closed: true })).toMatchObject({ valid: true });
    expect(results.config.seed).toBe(5);
    expect(results.config.seeds).toBe(2);
    // the second seed alone, as its own run: the band is over exactly these two runs
    const [alone] = await trainJsonAt(`${short3} --inits xavier,he --seed 6`, [1]);
    const second = JSON.parse(String(alone));
    expect(second.config.seeds).toBeUndefined();
    for (const [r, run] of results.runs.entries()) {
      const other = second.runs[r];
      const { band } = run;
      expect(band.seeds).toBe(2);
      expect(band.loss.median).toHaveLength(50);
      const last = band.evals.at(-1);
      const accuracies = [run.evals.at(-1).testAccuracy, other.evals.at(-1).testAccuracy];
      expect(last.iteration).toBe(50);
      expect(last.seeds).toBe(2);
      expect(last.testAccuracy.mean).toBeCloseTo((accuracies[0] + accuracies[1]) / 2, 15);
      expect([last.testAccuracy.min, last.testAccuracy.max]).toEqual(
        [...accuracies].sort((a, b) => a - b),
      );
      // the median of two values is their mean
      expect(band.loss.median[49]).toBeCloseTo((run.loss[49] + other.loss[49]) / 2, 15);
      const outcomes = Object.values(band.outcomes) as number[];
      expect(outcomes.reduce((a, b) => a + b, 0)).toBe(2);
    }
    // without --seeds the document is as it was: no band
    expect(second.runs[0].band).toBeUndefined();
    expect(results.runs[0].init).toBe('xavier');
  }, 180_000);

  it('refuses a bad --seeds with one line and exit code 2', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli('train', ...words(`--seeds 0 --out ${join(dir, 't.html')}`));
    expect(code).toBe(2);
    expect(stderr).toBe('initscope: Invalid --seeds "0": expected an integer from 1 to 10000.\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
