import { helperScratchBytes, packedWeightsBytes } from '@initscope/core-wasm';
import { ConfigError, type FieldLabel, plainLabel } from './fields.js';

/** Bytes WebAssembly (wasm32) can address. */
export const wasmAddressableBytes = 2 ** 32;

/** Bytes of WebAssembly memory a run may plan on: 4 GiB less room for the module and scratch space. */
export const wasmUsableBytes = wasmAddressableBytes - 64 * 2 ** 20;

/**
 * Largest matrix (values) a sweep keeps for all its runs (the input X, the standard weight draws,
 * layer 1's X·W): anything larger is drawn or computed again per run, with the same values.
 */
export const sharedLimit = 16 * 2 ** 20;

/** Most values all shared matrices of a sweep may hold together (128 MiB). */
export const sharedBudget = 32 * 2 ** 20;

/** What a run's memory depends on. */
export type MemoryShape = {
  samples: number;
  widths: readonly number[];
  gradients: boolean;
  /** Above 0: the run holds a bias vector. */
  biasStd?: number;
};

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

/**
 * Whether a sweep of several runs keeps X (and other matrices its runs share) in its own buffers:
 * only when every layer and weight matrix is at most {@link sharedLimit} values. A larger run draws X
 * into its first layer buffer.
 */
export function keepsInput(config: Pick<MemoryShape, 'samples' | 'widths'>): boolean {
  const { layerValues, weightValues } = bufferSizes(config);
  return layerValues <= sharedLimit && weightValues <= sharedLimit;
}

/**
 * The f32 buffers one run holds at once, in values, as `Workspace` allocates them; everything else
 * is statistics. X is counted when the sweep may keep it (several runs, small matrices: see
 * {@link keepsInput}), so the figure is exact for the large runs the memory check is about.
 */
function runBuffers(config: MemoryShape): { values: number; description: string } {
  const { samples, widths } = config;
  const { layerValues, weightValues } = bufferSizes(config);
  const input = keepsInput(config) ? samples * (widths[0] as number) : 0;
  const bias = (config.biasStd ?? 0) > 0 ? Math.max(...widths) : 0;
  const parts = [
    ...(input ? ['input'] : []),
    '2 layer buffers',
    'weights',
    ...(bias ? ['biases'] : []),
  ];
  let values = input + 2 * layerValues + weightValues + bias;
  if (config.gradients) {
    // The backward pass keeps every layer's pre-activations, plus δ, the back-propagated product
    // and the weight gradient.
    const layers = widths.length - 1;
    for (let l = 1; l < widths.length; l++) values += samples * (widths[l] as number);
    values += 2 * layerValues + weightValues;
    parts.push(
      `${layers} pre-activation buffers`,
      '2 gradient work buffers',
      'the weight gradient',
    );
  }
  const description = parts.join(' + ') + (input ? '' : '; X is drawn into a layer buffer');
  return { values, description };
}

/**
 * Bytes of WASM memory one run needs (its f32 buffers) and what they hold, e.g. `2 layer buffers
 * + weights; X is drawn into a layer buffer`. With `productThreads` > 1 (a ThreadedCore sharing each
 * product), also the weights packed ahead for the threads (the largest W or Wᵀ, padded to whole
 * panels) and each helper thread's packing scratch.
 */
export function runMemory(
  config: MemoryShape,
  productThreads = 1,
): { bytes: number; description: string } {
  const { values, description } = runBuffers(config);
  if (productThreads <= 1) return { bytes: 4 * values, description };
  let packed = 0;
  for (let l = 1; l < config.widths.length; l++) {
    const fanIn = config.widths[l - 1] as number;
    const fanOut = config.widths[l] as number;
    packed = Math.max(packed, packedWeightsBytes(fanIn, fanOut), packedWeightsBytes(fanOut, fanIn));
  }
  const helpers = productThreads - 1;
  return {
    bytes: 4 * values + packed + helpers * helperScratchBytes,
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
