// JS owns the module's linear memory above its heap base: a first-fit free list with
// coalescing, 16-byte aligned, growing memory only when no free range fits. Sizes are in bytes.

import type { WasmMemory } from './wasm-types.js';
/** Every allocation starts on (and is a multiple of) this many bytes: one v128. */
export const allocAlign = 16;

/** Bytes per WebAssembly page. */
const pageBytes = 65_536;

/** Largest wasm32 memory (65 536 pages). */
const maxMemoryBytes = 2 ** 32;

interface Range {
  ptr: number;
  size: number;
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / allocAlign) * allocAlign;
}

/** First-fit allocator over `memory` from `base` up (free list sorted by address, neighbours coalesced). */
export class Heap {
  readonly memory: WasmMemory;
  readonly base: number;
  readonly #free: Range[] = [];
  readonly #live = new Map<number, number>();

  constructor(memory: WasmMemory, base: number) {
    this.memory = memory;
    this.base = alignUp(base);
    const end = memory.buffer.byteLength;
    if (end > this.base) this.#free.push({ ptr: this.base, size: end - this.base });
  }

  /** Reserves `bytes` (rounded up to 16, at least 16) and returns their 16-byte aligned address. */
  alloc(bytes: number): number {
    const size = Math.max(allocAlign, alignUp(bytes));
    let index = this.#free.findIndex((range) => range.size >= size);
    if (index < 0) index = this.#grow(size);
    const range = this.#free[index] as Range;
    const ptr = range.ptr;
    if (range.size === size) this.#free.splice(index, 1);
    else {
      range.ptr += size;
      range.size -= size;
    }
    this.#live.set(ptr, size);
    return ptr;
  }

  /** Returns the allocation at `ptr` to the free list, merging it with free neighbours. */
  free(ptr: number): void {
    const size = this.#live.get(ptr);
    if (size === undefined) throw new Error(`free: ${ptr} is not a live allocation`);
    this.#live.delete(ptr);
    const free = this.#free;
    let lo = 0;
    let hi = free.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((free[mid] as Range).ptr < ptr) lo = mid + 1;
      else hi = mid;
    }
    const prev = free[lo - 1];
    const next = free[lo];
    if (prev && prev.ptr + prev.size === ptr) {
      prev.size += size;
      if (next && ptr + size === next.ptr) {
        prev.size += next.size;
        free.splice(lo, 1);
      }
    } else if (next && ptr + size === next.ptr) {
      next.ptr = ptr;
      next.size += size;
    } else {
      free.splice(lo, 0, { ptr, size });
    }
  }

  // Grows memory by just enough pages for `size` bytes (extending a free range that touches
  // the end); returns the index of the free range that now fits.
  #grow(size: number): number {
    const end = this.memory.buffer.byteLength;
    const last = this.#free.at(-1);
    const tail = last && last.ptr + last.size === end ? last.size : 0;
    const pages = Math.ceil((size - tail) / pageBytes);
    if (end + pages * pageBytes > maxMemoryBytes) {
      throw new Error(
        `alloc: ${size} bytes do not fit in WebAssembly memory (${end} bytes used of the 4 GiB wasm32 limit)`,
      );
    }
    this.memory.grow(pages);
    if (last && tail > 0) last.size += pages * pageBytes;
    else this.#free.push({ ptr: end, size: pages * pageBytes });
    return this.#free.length - 1;
  }
}
