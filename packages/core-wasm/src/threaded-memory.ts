// What a ThreadedCore holds beyond a run's own blocks, for memory estimates made before any module
// is loaded (sim's `runMemory`): the weights packed ahead for the threads and each helper thread's
// packing scratch. These restate assembly/matmul.ts's constants (KC, NC) and micro.ts's NR; the
// tests check them against the module's own `packedBBytes` and `matmulScratchBytes`.

/** Columns of a matmul panel (assembly/micro.ts `NR`): packed b is padded to whole panels. */
export const panelColumns = 8;

/** Rows of a matmul micro-tile (assembly/micro.ts `MR`). */
const tileRows = 5;

/** assembly/matmul.ts's packed block of b: KC × NC f32. */
const blockDepth = 256;
const blockWidth = 512;

/** Bytes of packing scratch each helper thread holds (core-wasm `matmulScratchBytes`). */
export const helperScratchBytes =
  4 * (blockDepth * blockWidth + blockDepth * tileRows + tileRows * panelColumns);

/**
 * Bytes of all of b (k, n) packed ahead for the threads (core-wasm `packedBBytes`): b padded to
 * whole panels. Block columns are NC = 512 wide, a multiple of the panel width, so only the last
 * one pads, and the total is k rows of n padded to whole panels.
 */
export function packedWeightsBytes(k: number, n: number): number {
  return 4 * k * Math.ceil(n / panelColumns) * panelColumns;
}
