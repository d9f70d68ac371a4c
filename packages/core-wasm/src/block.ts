// Blocks: runs of f32 values in the module's memory, handed out by a Core (allocated from its heap,
// or views of the leading values of one). A block's `array` follows memory growth.

import type { Heap } from './heap.js';

/** A run of f32 values living in WASM memory. `array` is a live view (re-created after memory growth). */
export interface F32Block {
  /** Byte address in the module's memory. */
  readonly ptr: number;
  /** Number of f32 values. */
  readonly length: number;
  /** A Float32Array over the block, valid until the next memory growth (read it again after). */
  readonly array: Float32Array;
}

/** An F32Block of a Core: an allocation of its heap, or a view of the first values of one. */
export class Block implements F32Block {
  readonly ptr: number;
  readonly length: number;
  readonly heap: Heap;
  /** The allocated block this one is a view of; undefined for an allocated block. */
  readonly parent: Block | undefined;
  #view: Float32Array | undefined;
  #freed = false;

  constructor(heap: Heap, ptr: number, length: number, parent?: Block) {
    this.heap = heap;
    this.ptr = ptr;
    this.length = length;
    this.parent = parent;
  }

  /** Whether the allocation behind this block has been freed (a view is freed with its parent). */
  get freed(): boolean {
    return this.parent ? this.parent.freed : this.#freed;
  }

  get array(): Float32Array {
    if (this.freed) throw new Error(`F32Block at ${this.ptr} was freed`);
    const buffer = this.heap.memory.buffer;
    if (this.#view?.buffer !== buffer) this.#view = new Float32Array(buffer, this.ptr, this.length);
    return this.#view;
  }

  /** The first `length` values (0 ≤ length ≤ this.length, not checked here) as a block of their own, no copy. */
  prefix(length: number): Block {
    return new Block(this.heap, this.ptr, length, this.parent ?? this);
  }

  /** Marks the allocation released (the Core returns its bytes to the heap). */
  release(): void {
    this.#freed = true;
  }
}
