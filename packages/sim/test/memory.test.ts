import { createThreadedCore, loadCore } from '@initscope/core-wasm';
import { describe, expect, it } from 'vitest';
import { resolveSweepConfig, runMemory, sweep } from '../src/index.js';
import { sharedLimit } from '../src/memory.js';
import { Workspace } from '../src/workspace.js';

/** WebAssembly memory a fresh core holds after one run of `options`. */
async function memoryAfter(options: Parameters<typeof sweep>[0]): Promise<number> {
  const core = await loadCore();
  await sweep(options, { core });
  return core.memory.buffer.byteLength;
}

describe('memory', () => {
  it('keeps only the current layer buffers: 40 layers need no more memory than 4', async () => {
    const base = { activations: ['relu'], inits: ['he'], samples: 2000, width: 256 };
    const shallow = await memoryAfter({ ...base, layers: 4 });
    const deep = await memoryAfter({ ...base, layers: 40 });
    expect(deep).toBe(shallow);
    const estimate = runMemory(resolveSweepConfig({ ...base, layers: 40 })).bytes;
    // The estimate covers the buffers; the module's data and the matmul packing area come on top.
    expect(deep).toBeLessThan(estimate + 4 * 2 ** 20);
    // A single run draws X into the first layer buffer: two (samples, width) f32 buffers and W.
    expect(deep).toBeGreaterThanOrEqual(2 * 2000 * 256 * 4 + 256 * 256 * 4);
  });

  it('counts exactly what a run too large to share holds: no separate X, two layer buffers and W', async () => {
    // 17,000 × 1000 values per layer: above the sharing limit, so X is drawn into a layer buffer
    const config = resolveSweepConfig({
      activations: ['tanh', 'relu'],
      inits: ['xavier', 'he'],
      samples: 17_000,
      width: 1000,
      layers: 3,
    });
    expect(17_000 * 1000).toBeGreaterThan(sharedLimit);
    const estimate = runMemory(config);
    expect(estimate.bytes).toBe(4 * (2 * 17_000 * 1000 + 1000 * 1000));
    expect(estimate.description).toBe('2 layer buffers + weights; X is drawn into a layer buffer');
    const core = await loadCore();
    const before = core.memory.buffer.byteLength;
    const space = new Workspace(core, config, 4);
    expect(space.input).toBeUndefined();
    const grown = core.memory.buffer.byteLength - before;
    // memory grows in 64 KiB pages: at most one page and the heap's alignment above the buffers
    expect(grown).toBeGreaterThanOrEqual(estimate.bytes - 2 ** 20);
    expect(grown).toBeLessThan(estimate.bytes + 2 ** 20);
  });

  it('grows with depth only when the backward pass keeps every pre-activation', async () => {
    const base = {
      activations: ['tanh'],
      inits: ['xavier'],
      samples: 500,
      width: 128,
      gradients: true,
    };
    const estimate = runMemory(resolveSweepConfig({ ...base, layers: 12 })).bytes;
    const used = await memoryAfter({ ...base, layers: 12 });
    expect(used).toBeLessThan(estimate + 4 * 2 ** 20);
  });

  it("counts a threaded run's packed weights and helper scratch", async () => {
    const options = { activations: ['relu'], inits: ['he'], samples: 600, width: 300, layers: 3 };
    const config = resolveSweepConfig(options);
    const one = runMemory(config);
    const two = runMemory(config, 2);
    // W (300 × 300) packed into 8-column panels: 300 × 304 values; one helper's 512 KiB + 5 KiB scratch
    expect(two.bytes - one.bytes).toBe(4 * 300 * 304 + 4 * (256 * 512 + 256 * 5 + 40));
    expect(two.description).toBe(
      `${one.description} + the weights packed for 2 threads + 1 helper scratch`,
    );
    const threaded = await createThreadedCore({ threads: 2 });
    try {
      await sweep(options, { threaded });
      const used = threaded.core.memory.buffer.byteLength;
      expect(used).toBeLessThan(two.bytes + 4 * 2 ** 20);
      // the packed copy was made: more than the buffers and one W
      expect(used).toBeGreaterThan(one.bytes + 300 * 300 * 4);
    } finally {
      await threaded.close();
    }
  });
});
