import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBenchPage } from '../src/page.js';
import { writeResults } from '../src/results.js';
import { sampleDocument } from './fixtures.js';

describe('writeResults() and writeBenchPage()', () => {
  it('write through links into a published folder: the links stay, the files keep their mode', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'initscope-bench-'));
    const published = mkdtempSync(path.join(tmpdir(), 'initscope-www-'));
    for (const name of ['latest.json', 'latest.html']) {
      writeFileSync(path.join(published, name), 'earlier');
      chmodSync(path.join(published, name), 0o640);
      symlinkSync(path.join(published, name), path.join(dir, name));
    }
    await writeResults(sampleDocument(), dir);
    await writeBenchPage(sampleDocument(), dir);
    for (const name of ['latest.json', 'latest.html']) {
      expect(lstatSync(path.join(dir, name)).isSymbolicLink()).toBe(true);
      expect(statSync(path.join(published, name)).mode & 0o7777).toBe(0o640);
    }
    expect(JSON.parse(readFileSync(path.join(published, 'latest.json'), 'utf8'))).toHaveProperty(
      'machine',
    );
    expect(readFileSync(path.join(published, 'latest.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('refuses a results folder entry that is a folder, in one line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'initscope-bench-'));
    const folder = path.join(dir, 'latest.json');
    mkdirSync(folder);
    await expect(writeResults(sampleDocument(), dir)).rejects.toThrow(
      `Invalid benchmark results "${folder}": it is a folder; give a file name.`,
    );
  });
});
