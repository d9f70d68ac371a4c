import { beforeAll, describe, expect, it } from 'vitest';
import { expectBitEqual } from '../../../testing/f32.js';
import { allocAlign, type Core, reference } from '../src/index.js';
import { newCore, randn } from './fixtures.js';

let core: Core;
beforeAll(async () => {
  core = await newCore();
});

describe('alloc() / free()', () => {
  it('hands out 16-byte aligned, non-overlapping blocks', () => {
    const blocks = [1, 3, 4, 17, 0, 100].map((n) => core.alloc(n));
    for (const b of blocks) expect(b.ptr % allocAlign).toBe(0);
    const sorted = [...blocks].sort((p, q) => p.ptr - q.ptr);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as (typeof sorted)[number];
      expect((sorted[i] as (typeof sorted)[number]).ptr).toBeGreaterThanOrEqual(
        prev.ptr + prev.length * 4,
      );
    }
    for (const b of blocks) core.free(b);
  });

  it('reuses freed space first-fit and coalesces neighbours', () => {
    const a = core.alloc(64);
    const b = core.alloc(64);
    const c = core.alloc(64);
    core.free(a);
    core.free(b);
    const ab = core.alloc(128);
    expect(ab.ptr).toBe(a.ptr);
    core.free(ab);
    core.free(c);
  });

  it('re-creates the array view after memory grows', () => {
    const b = core.alloc(4);
    b.array.set([1, 2, 3, 4]);
    const before = b.array;
    const big = core.alloc(4 * 65_536);
    expect(before.byteLength).toBe(0); // the old view was detached by growth
    expect(Array.from(b.array)).toEqual([1, 2, 3, 4]);
    core.free(big);
    core.free(b);
  });

  it('view() gives the leading values of a block as a block of their own, without a copy', () => {
    const whole = core.alloc(16);
    const values = randn(16, 4);
    whole.array.set(values);
    const part = core.view(whole, 8);
    expect([part.ptr, part.length]).toEqual([whole.ptr, 8]);
    core.activateInto('relu', part, part);
    expectBitEqual(whole.array, [
      ...reference.activate('relu', values.subarray(0, 8)),
      ...values.subarray(8),
    ]);
    expect(core.view(part, 3).array).toEqual(whole.array.subarray(0, 3));
    core.free(whole);
    expect(() => part.array).toThrow(`F32Block at ${whole.ptr} was freed`);
    expect(() => core.momentsOf(part)).toThrow(`momentsOf: x (block ${whole.ptr}) was freed`);
  });

  it('view() checks its block and length, and free() refuses a view', () => {
    const whole = core.alloc(4);
    expect(() => core.view(whole, 5)).toThrow('view: length must be an integer in [0, 4], got 5');
    expect(() => core.view(whole, 1.5)).toThrow(
      'view: length must be an integer in [0, 4], got 1.5',
    );
    expect(() => core.free(core.view(whole, 2))).toThrow(
      `free: block ${whole.ptr} is a view; free the block it was made from`,
    );
    core.free(whole);
    expect(() => core.view(whole, 2)).toThrow(`view: block (block ${whole.ptr}) was freed`);
  });

  it('leaves memory unchanged over 100 000 alloc/free cycles', () => {
    core.free(core.alloc(1000));
    const bytes = core.memory.buffer.byteLength;
    for (let i = 0; i < 100_000; i++) {
      const p = core.alloc(1 + (i % 1000));
      const q = core.alloc(7);
      core.free(p);
      core.free(q);
    }
    expect(core.memory.buffer.byteLength).toBe(bytes);
  });
});

describe('copying conveniences', () => {
  it('matmul() does not grow memory over 100 000 calls', () => {
    const a = randn(4 * 9, 1);
    const b = randn(9 * 5, 2);
    core.matmul(a, b, 4, 9, 5);
    const bytes = core.memory.buffer.byteLength;
    for (let i = 0; i < 100_000; i++) core.matmul(a, b, 4, 9, 5);
    expect(core.memory.buffer.byteLength).toBe(bytes);
  });

  it('activate() does not grow memory over 100 000 calls', () => {
    const x = randn(33, 3);
    core.activate('tanh', x);
    const bytes = core.memory.buffer.byteLength;
    for (let i = 0; i < 100_000; i++) core.activate(i % 2 ? 'tanh' : 'sigmoid', x);
    expect(core.memory.buffer.byteLength).toBe(bytes);
  });

  it('the transposed, backward, uniform and truncated-normal copying forms and fused passes do not grow memory over 10 000 calls', () => {
    const a = randn(4 * 9, 1);
    const b = randn(5 * 9, 2);
    const block = core.alloc(36);
    block.array.set(a);
    const run = (i: number) => {
      core.matmulTransB(a, b, 4, 9, 5);
      core.backward('gelu', a, a);
      core.uniform(33, i, 1);
      core.truncatedNormal(33, i, 1);
      core.activateInto('tanh', block, block, { stats: { lo: -1, hi: 1, bins: 30 } });
    };
    run(0);
    const bytes = core.memory.buffer.byteLength;
    for (let i = 0; i < 10_000; i++) run(i);
    expect(core.memory.buffer.byteLength).toBe(bytes);
    core.free(block);
  });

  it("take a block's own array as input even when their scratch areas grow memory", async () => {
    const fresh = await newCore();
    const values = randn(50_000, 5);
    const x = fresh.alloc(50_000);
    const w = fresh.alloc(100);
    x.array.set(values);
    w.array.set(values.subarray(0, 100));
    const bytes = fresh.memory.buffer.byteLength;
    const got = fresh.activate('tanh', x.array);
    expect(fresh.memory.buffer.byteLength).toBeGreaterThan(bytes); // x.array was detached
    expect(got).toEqual(fresh.activate('tanh', values));
    expect(fresh.derivative('sigmoid', x.array)).toEqual(fresh.derivative('sigmoid', values));
    expect(fresh.backward('elu', x.array, x.array)).toEqual(fresh.backward('elu', values, values));
    expect(fresh.matmul(x.array.subarray(0, 500), w.array, 5, 100, 1)).toEqual(
      fresh.matmul(values.subarray(0, 500), values.subarray(0, 100), 5, 100, 1),
    );
  });

  it('use the leading values of longer arrays, as the Into forms use those of longer blocks', () => {
    const a = randn(2 * 3 + 5, 11);
    const b = randn(3 * 2 + 1, 12);
    expectBitEqual(
      core.matmul(a, b, 2, 3, 2),
      reference.matmul(a.subarray(0, 6), b.subarray(0, 6), 2, 3, 2),
    );
    const g = randn(9, 13);
    expect(core.backward('tanh', a.subarray(0, 4), g)).toHaveLength(4);
  });

  it('normal() and growing sizes reuse the scratch area once it is large enough', () => {
    core.normal(10_000, 1, 1);
    const bytes = core.memory.buffer.byteLength;
    for (let i = 1; i <= 10_000; i++) core.normal(i, 1, 1);
    expect(core.memory.buffer.byteLength).toBe(bytes);
  });
});
