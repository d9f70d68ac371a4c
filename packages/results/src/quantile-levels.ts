// Plain constants, no schema: sim imports them without pulling the validator into a browser bundle.

/**
 * The levels of `LayerStats.quantiles`, as shares: TensorBoard's distribution bands
 * (0, 7, 16, 31, 50, 69, 84, 93, 100 %), the minimum, ±1.5σ, ±1σ, ±0.5σ of a normal, the median and the maximum.
 */
export const quantileLevels = [0, 0.07, 0.16, 0.31, 0.5, 0.69, 0.84, 0.93, 1] as const;

/** Bins of the fine count the quantiles are read from: their error is below (max − min) / quantileBins. */
export const quantileBins = 256;
