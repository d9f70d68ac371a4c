import { afterAll, describe, expect, it } from 'vitest';
import { MachineProbe } from '../src/probe.js';

describe('MachineProbe', () => {
  const started = MachineProbe.start(2);
  afterAll(async () => (await started).close());

  it('sizes its runs to a time, in whole products per thread, and runs them on 1 and on 2 threads', async () => {
    const probe = await started;
    expect(probe.threads).toBe(2);
    const products = await probe.calibrate(20);
    expect(products % 2).toBe(0);
    expect(products).toBeGreaterThanOrEqual(2);
    expect(probe.products).toBe(products);
    const t0 = performance.now();
    await probe.one();
    const t1 = performance.now();
    await probe.all();
    // both finish; the 1-thread run did the products one after another (~20 ms on this machine)
    expect(t1 - t0).toBeGreaterThan(1);
    // a longer target gives more products
    expect(await probe.calibrate(200)).toBeGreaterThan(products);
  });

  it('refuses fewer than 2 threads in one line', async () => {
    await expect(MachineProbe.start(1)).rejects.toThrow(
      'MachineProbe: threads must be an integer ≥ 2, got 1',
    );
  });
});
