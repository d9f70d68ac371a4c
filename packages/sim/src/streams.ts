/**
 * RNG streams: every random matrix of a run has its own (seed, stream) pair, so each is a pure function
 * of the seed and its position, whatever else the sweep contains. See docs/rng.md.
 */

/** The input X ~ N(0, 1). */
export const inputStream = 0;

/** Layer l's weights (l = 1 … layers). */
export function weightStream(layer: number): number {
  return layer;
}

/** Offset of the bias streams: layer l's bias b ~ N(0, σ_b²) uses stream 2³¹ + l. */
export const biasStreamOffset = 2 ** 31;

/** Layer l's biases. */
export function biasStream(layer: number): number {
  return biasStreamOffset + layer;
}

/** The top layer's output gradient e ~ N(0, 1) of the backward pass. */
export const topGradientStream = 2 ** 32 - 1;
