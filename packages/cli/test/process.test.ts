import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';

const bin = fileURLToPath(new URL('../bin/initscope.js', import.meta.url));

/** A child still running when its test ends (a failed or timed-out test) is stopped. */
let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  running = undefined;
});

describe('the initscope binary', () => {
  it('exits 0 and writes the default report into the working folder', () => {
    const dir = tempDir();
    const result = spawnSync(process.execPath, [bin, 'run', '--samples', '100', '--width', '10'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['initscope-report.html']);
  });

  it('exits 2 on an unknown flag', () => {
    const result = spawnSync(process.execPath, [bin, 'run', '--nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("error: unknown option '--nope'");
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'exits on %s (code %i) during a run and leaves the earlier output files untouched',
    async (signal, code) => {
      const dir = tempDir();
      const out = join(dir, 'r.html');
      const json = join(dir, 'r.json');
      writeFileSync(out, 'previous report');
      writeFileSync(json, 'previous json');
      const earlier = new Date('2020-01-02T03:04:05Z');
      for (const file of [out, json]) utimesSync(file, earlier, earlier);
      // 12 runs × 2000 layers of 2000 × 100: minutes of work, so the run is under way when it is stopped.
      const child = spawn(
        process.execPath,
        [bin, 'run', '--layers', '2000', '--samples', '2000', '--out', out, '--json', json],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INITSCOPE_PROGRESS: 'lines' } },
      );
      running = child;
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      let stderr = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
          if (/^simulating: \d+\/24000 layers$/m.test(stderr)) resolve();
        });
      });
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain('initscope: interrupted; no file was written or changed.');
      for (const [file, content] of [
        [out, 'previous report'],
        [json, 'previous json'],
      ] as const) {
        expect(readFileSync(file, 'utf8')).toBe(content);
        expect(statSync(file).mtimeMs).toBe(earlier.getTime());
      }
      expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.json']);
    },
  );
});
