// What the kernel wrappers (kernels/*.ts) share: the instantiated module, its memory and heap,
// the scratch areas, the result area, and the check that a block belongs to this heap.

import type { CoreExports } from './abi.js';
import { maxResultLength } from './abi.js';
import { Block, type F32Block } from './block.js';
import { show } from './errors.js';
import { Heap } from './heap.js';
import { ResultArea } from './result-area.js';
import { Scratch } from './scratch.js';
import type { WasmMemory } from './wasm-types.js';

/** The module behind one Core and the memory it owns. */
export class Backend {
  /** The module's exports (raw-pointer kernels that check nothing). */
  readonly wasm: CoreExports;
  /** The module's linear memory. */
  readonly memory: WasmMemory;
  /** The allocator over memory above the module's static data. */
  readonly heap: Heap;
  /** The reusable scratch areas. */
  readonly scratch: Scratch;
  /** Where the statistics kernels write their f64 results. */
  readonly results: ResultArea;
  /** Byte address of the matmul kernels' packing scratch (`matmulScratchBytes`). */
  readonly matmulScratch: number;

  constructor(wasm: CoreExports) {
    this.wasm = wasm;
    this.memory = wasm.memory;
    this.heap = new Heap(wasm.memory, wasm.heapBase());
    this.scratch = new Scratch(this.heap);
    this.results = new ResultArea(wasm.memory, this.heap.alloc(maxResultLength * 8));
    this.matmulScratch = this.heap.alloc(wasm.matmulScratchBytes());
  }

  /** Byte address of the counters of a histogram of `bins` bins (the 'counts' scratch area). */
  counters(bins: number): number {
    return this.scratch.block('counts', Math.ceil(this.wasm.histogramScratchBytes(bins) / 4)).ptr;
  }

  /** A block handed in by the caller: a Block of this heap (alloc()ed or a view()), not freed. */
  checkBlock(fn: string, name: string, block: F32Block): asserts block is Block {
    if (!(block instanceof Block)) {
      throw new Error(
        `${fn}: ${name} is not an F32Block of this Core (ptr ${show(block?.ptr)}, length ${show(block?.length)}): make blocks with alloc() or view()`,
      );
    }
    if (block.heap !== this.heap) throw new Error(`${fn}: ${name} belongs to another Core`);
    if (block.freed) throw new Error(`${fn}: ${name} (block ${block.ptr}) was freed`);
  }
}
