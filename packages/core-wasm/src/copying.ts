// The copying forms, one helper for all: stage Float32Array inputs in scratch blocks, run the
// `…Into` kernel on them (its checks, its messages, named after the copying method), copy the output out.

import type { Backend } from './backend.js';
import type { Block } from './block.js';
import { checkF32Array } from './checks.js';
import type { ScratchSlot } from './scratch.js';

/** The scratch areas of the first and second input. */
const inputSlots = ['first', 'second'] as const satisfies readonly ScratchSlot[];

/** How a copying form runs: its inputs by name, its output length, the kernel and, optionally, the read-out. */
export interface CopyingRun<N extends string, T> {
  /** The inputs by name (each must be a Float32Array; at most two). */
  inputs: Readonly<Record<N, Float32Array>>;
  /** The output length (checking the arguments it depends on, with the `…Into` form's message). */
  outLength: (inputs: Readonly<Record<N, Float32Array>>) => number;
  /** The `…Into` kernel on the staged inputs and the output block. */
  into: (staged: Readonly<Record<N, Block>>, out: Block) => void;
  /** The result read from the output block (default: a new Float32Array of its values). */
  read?: (out: Block) => T;
}

/** Runs a copying form named `fn`: inputs checked and staged, `into` run, the output copied out. */
export function copying<N extends string, T = Float32Array>(
  backend: Backend,
  fn: string,
  run: CopyingRun<N, T>,
): T {
  const memory = backend.memory;
  const names = Object.keys(run.inputs) as N[];
  const inputs = {} as Record<N, Float32Array>;
  for (const name of names) {
    const values = checkF32Array(fn, name, run.inputs[name]);
    // an input that views this core's memory (a block's `array`) is copied first: staging may grow
    // memory, which would detach it before it is read
    inputs[name] = values.buffer === memory.buffer ? values.slice() : values;
  }
  const length = run.outLength(inputs);
  const staged = {} as Record<N, Block>;
  names.forEach((name, i) => {
    const values = inputs[name];
    const block = backend.scratch.block(inputSlots[i] as ScratchSlot, values.length);
    block.array.set(values);
    staged[name] = block;
  });
  const out = backend.scratch.block('out', length);
  run.into(staged, out);
  return run.read ? run.read(out) : (out.array.slice() as T);
}
