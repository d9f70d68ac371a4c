import { describe, expect, it } from 'vitest';
import { backendOf } from '../src/core.js';
import { helperScratchBytes, packedWeightsBytes } from '../src/index.js';
import { newCore } from './fixtures.js';

describe('threaded memory figures (for estimates before a module is loaded)', () => {
  it("equal the module's own matmulScratchBytes and packedBBytes", async () => {
    const wasm = backendOf(await newCore()).wasm;
    expect(helperScratchBytes).toBe(Number(wasm.matmulScratchBytes()));
    // odd widths, one panel, exactly one and several 512-column blocks, depths above and below KC
    for (const [k, n] of [
      [1, 1],
      [100, 100],
      [7, 9],
      [300, 512],
      [257, 513],
      [1024, 1031],
      [4096, 4096],
      [3, 1537],
    ] as const) {
      expect(packedWeightsBytes(k, n), `${k} × ${n}`).toBe(Number(wasm.packedBBytes(k, n)) >>> 0);
    }
  });
});
