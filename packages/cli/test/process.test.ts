import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';

const bin = fileURLToPath(new URL('../bin/initscope.js', import.meta.url));

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

  it('stops promptly on Ctrl-C and leaves the previous output intact', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const json = join(dir, 'r.json');
    writeFileSync(out, 'previous report');
    writeFileSync(json, 'previous json');
    const child = spawn(
      process.execPath,
      [bin, 'run', '--layers', '2000', '--samples', '2000', '--out', out, '--json', json],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(readFileSync(out, 'utf8')).toBe('previous report');
    expect(readFileSync(json, 'utf8')).toBe('previous json');
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.json']);
  });
});
