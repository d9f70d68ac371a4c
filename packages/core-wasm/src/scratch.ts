// A Core's reusable scratch areas, by name: the copying forms stage their inputs and output in
// them, and histograms keep their counters there. Each is reallocated only when a larger one is asked for.

import { Block } from './block.js';
import type { Heap } from './heap.js';

/**
 * The scratch areas: the copying forms' first and second input and their output, histogram
 * counters, the zero-skipping products' lists of non-zero indices, and a threaded product's b
 * packed ahead (`ThreadedCore`).
 */
export const scratchSlots = ['first', 'second', 'out', 'counts', 'indices', 'packed'] as const;

/** The name of a scratch area. */
export type ScratchSlot = (typeof scratchSlots)[number];

/** Smallest scratch area, in f32 values (one v128). */
const minSlotLength = 4;

/** The scratch areas of one heap. */
export class Scratch {
  readonly #heap: Heap;
  readonly #blocks = new Map<ScratchSlot, Block>();

  constructor(heap: Heap) {
    this.#heap = heap;
  }

  /** `length` f32 values of area `slot` (its first values: a view when the area is longer). */
  block(slot: ScratchSlot, length: number): Block {
    let area = this.#blocks.get(slot);
    if (!area || area.length < length) {
      if (area) {
        this.#heap.free(area.ptr);
        area.release();
      }
      const size = Math.max(length, minSlotLength);
      area = new Block(this.#heap, this.#heap.alloc(size * 4), size);
      this.#blocks.set(slot, area);
    }
    return area.length === length ? area : area.prefix(length);
  }
}
