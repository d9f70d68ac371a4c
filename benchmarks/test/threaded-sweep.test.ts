import { describe, expect, it } from 'vitest';
import { prepareSweep, prepareThreadedSweep } from '../src/engines/initscope.js';
import { checkSeedsRuns } from '../src/suites/sweep.js';
import type { SweepRuns } from '../src/sweep-runs.js';

async function runsOf(prepared: Promise<{ run(): unknown; output(): SweepRuns; dispose(): void }>) {
  const p = await prepared;
  try {
    await p.run();
    await p.run();
    return p.output();
  } finally {
    p.dispose();
  }
}

describe('the threaded sweep rows (CLI worker pool)', () => {
  it('computes the same runs on 2 threads as on 1, and the book sweep as sweep()', async () => {
    const one = await runsOf(prepareThreadedSweep(42, 2, 1));
    const two = await runsOf(prepareThreadedSweep(42, 2, 2));
    expect(two.runs).toHaveLength(24);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const book = await runsOf(Promise.resolve(prepareSweep(42)));
    expect(JSON.stringify(one.runs.slice(0, 12))).toBe(JSON.stringify(book.runs));
    const threadedBook = await runsOf(prepareThreadedSweep(42, 1, 2));
    expect(JSON.stringify(threadedBook.runs)).toBe(JSON.stringify(book.runs));
  }, 60_000);

  it('the seeds check rejects a wrong run count', () => {
    expect(() => checkSeedsRuns({ runs: [] }, undefined, undefined)).toThrow(/expected 64 seeds/);
  });
});
