import type { ActivationKernel } from '@initscope/core-wasm';

/** Activation functions initscope can put between layers. */
export type Activation = 'sigmoid' | 'tanh' | 'relu';

/** Every activation, in the order the book shows them. */
export const activations = ['sigmoid', 'relu', 'tanh'] as const satisfies readonly Activation[];

/** How an activation is computed and where its histogram is drawn by default. */
export interface ActivationInfo {
  /** The core-wasm kernel that applies it elementwise. */
  kernel: ActivationKernel;
  /** Default histogram range `[lo, hi]`; `hi = 'max'` means up to the layer's largest finite value. */
  range: readonly [number, number | 'max'];
}

/** The activation registry. */
export const activationInfo: Readonly<Record<Activation, ActivationInfo>> = {
  sigmoid: { kernel: 'sigmoid', range: [0, 1] },
  tanh: { kernel: 'tanh', range: [-1, 1] },
  relu: { kernel: 'relu', range: [0, 'max'] },
};

/** True when `name` is a known activation. */
export function isActivation(name: string): name is Activation {
  return (activations as readonly string[]).includes(name);
}

/**
 * The histogram range for one layer: the override when given, else the activation's default.
 * A 'max' bound that is not above `lo` (all values zero, or none finite) falls back to `lo + 1`.
 */
export function histogramRange(
  activation: Activation,
  layerMax: number,
  override?: readonly [number, number],
): [number, number] {
  if (override) return [override[0], override[1]];
  const [lo, hi] = activationInfo[activation].range;
  if (hi !== 'max') return [lo, hi];
  return Number.isFinite(layerMax) && layerMax > lo ? [lo, layerMax] : [lo, lo + 1];
}
