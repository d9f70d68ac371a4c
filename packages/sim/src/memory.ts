import { ConfigError, type FieldLabel, plainLabel } from './fields.js';

/** Bytes WebAssembly (wasm32) can address. */
export const wasmAddressableBytes = 2 ** 32;

/** Bytes of WebAssembly memory a run may plan on: 4 GiB less room for the module and scratch space. */
export const wasmUsableBytes = wasmAddressableBytes - 64 * 2 ** 20;

/** What a run's memory depends on. */
export type MemoryShape = { samples: number; widths: readonly number[]; gradients: boolean };

/**
 * The f32 buffer sizes of a run, in values: one layer's values (samples × the widest layer) and the
 * largest weight matrix (fan_in × fan_out over the layers). `Workspace` allocates by these.
 */
export function bufferSizes(config: Pick<MemoryShape, 'samples' | 'widths'>): {
  layerValues: number;
  weightValues: number;
} {
  const { samples, widths } = config;
  let weightValues = 0;
  for (let l = 1; l < widths.length; l++) {
    weightValues = Math.max(weightValues, (widths[l - 1] as number) * (widths[l] as number));
  }
  return { layerValues: samples * Math.max(...widths), weightValues };
}

/** The f32 buffers one run holds at once, in values; everything else is statistics. */
function runBuffers(config: MemoryShape): { values: number; description: string } {
  const { layerValues, weightValues } = bufferSizes(config);
  if (!config.gradients) {
    // The input, two layer buffers (in, out) and one weight matrix.
    return {
      values: 3 * layerValues + weightValues,
      description: 'input + 2 layer buffers + weights',
    };
  }
  // The backward pass keeps every layer's pre-activations, plus δ, the back-propagated product,
  // the input, one activation buffer, one weight matrix and one weight-gradient matrix.
  const layers = config.widths.length - 1;
  return {
    values: (layers + 4) * layerValues + 2 * weightValues,
    description: `input + ${layers} pre-activation buffers + 3 work buffers + weights and their gradient`,
  };
}

/** Columns of core-wasm's matmul panels: a packed b is padded to a multiple of this many columns. */
const panelColumns = 8;

/** Bytes of packing scratch each helper thread of a ThreadedCore holds (core-wasm `matmulScratchBytes`: 256 × 512 + 256 × 5 + 5 × 8 f32). */
const helperScratchBytes = 4 * (256 * 512 + 256 * 5 + 5 * 8);

/**
 * Bytes of WASM memory one run needs (its f32 buffers) and what they hold, e.g. `input + 2 layer
 * buffers + weights`. With `productThreads` > 1 (a ThreadedCore sharing each product), also the
 * weights packed ahead for the threads (the largest W or Wᵀ, padded to whole panels) and each
 * helper thread's packing scratch.
 */
export function runMemory(
  config: MemoryShape,
  productThreads = 1,
): { bytes: number; description: string } {
  const { values, description } = runBuffers(config);
  if (productThreads <= 1) return { bytes: 4 * values, description };
  const padded = (n: number) => Math.ceil(n / panelColumns) * panelColumns;
  let packed = 0;
  for (let l = 1; l < config.widths.length; l++) {
    const fanIn = config.widths[l - 1] as number;
    const fanOut = config.widths[l] as number;
    packed = Math.max(packed, fanIn * padded(fanOut), fanOut * padded(fanIn));
  }
  const helpers = productThreads - 1;
  return {
    bytes: 4 * (values + packed) + helpers * helperScratchBytes,
    description: `${description} + the weights packed for ${productThreads} threads + ${helpers} helper scratch`,
  };
}

function formatBytes(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Checks that a run fits in WebAssembly's address space, with the needed and available amounts. */
export function checkMemory(config: MemoryShape, label: FieldLabel = plainLabel): void {
  const { bytes, description } = runMemory(config);
  if (bytes > wasmUsableBytes) {
    const widest = Math.max(...config.widths);
    throw new ConfigError(
      `Run too large: ${label('samples')} ${config.samples} × width ${widest} needs ${formatBytes(bytes)} of WebAssembly memory (${description}); at most ${formatBytes(wasmUsableBytes)} is addressable. Reduce ${label('samples')} or the width${config.gradients ? `, or drop ${label('gradients')}` : ''}.`,
      'samples',
      config.samples,
    );
  }
}
