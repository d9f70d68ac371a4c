// The f64 area where the statistics kernels write their results, read back by name.

import { maxResultLength } from './abi.js';
import type { WasmMemory } from './wasm-types.js';

/** The values of a result layout (`momentsResult`, `passResult`, …) by name. */
export type ResultOf<L extends readonly string[]> = { [K in L[number]]: number };

/** The result area at `ptr` (maxResultLength f64) of a module's memory. */
export class ResultArea {
  readonly ptr: number;
  readonly #memory: WasmMemory;
  // the view, re-created only after memory growth
  #view: Float64Array | undefined;

  constructor(memory: WasmMemory, ptr: number) {
    this.#memory = memory;
    this.ptr = ptr;
  }

  /** The values a kernel wrote, named by its layout (value i is layout[i]). */
  read<L extends readonly string[]>(layout: L): ResultOf<L> {
    const buffer = this.#memory.buffer;
    if (this.#view?.buffer !== buffer)
      this.#view = new Float64Array(buffer, this.ptr, maxResultLength);
    const view = this.#view;
    const result = {} as Record<string, number>;
    layout.forEach((name, i) => {
      result[name] = view[i] as number;
    });
    return result as ResultOf<L>;
  }

  /** The first `bins` u32 at `ptr` (a histogram's counters) as numbers. */
  counts(ptr: number, bins: number): number[] {
    const view = new Uint32Array(this.#memory.buffer, ptr, bins);
    const counts: number[] = [];
    // a plain loop: Array.from goes through the iterator protocol
    for (let i = 0; i < bins; i++) counts.push(view[i] as number);
    return counts;
  }
}
