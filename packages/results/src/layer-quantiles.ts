import Type from 'typebox';
import { nullable } from './nullable.js';

/**
 * The levels of `LayerStats.quantiles`, as shares: TensorBoard's distribution bands
 * (0, 7, 16, 31, 50, 69, 84, 93, 100 %), the minimum, ±1.5σ, ±1σ, ±0.5σ of a normal, the median and the maximum.
 */
export const quantileLevels = [0, 0.07, 0.16, 0.31, 0.5, 0.69, 0.84, 0.93, 1] as const;

/** Bins of the fine count the quantiles are read from: their error is below (max − min) / quantileBins. */
export const quantileBins = 256;

/** Schema of `LayerStats.quantiles`. */
export const layerQuantilesSchema = nullable(
  Type.Array(Type.Number(), {
    minItems: quantileLevels.length,
    maxItems: quantileLevels.length,
    description: `The layer's finite values at the quantile levels ${quantileLevels.join(', ')} (NumPy's default definition: linear between order statistics, rank p·(n − 1)), read by the kernel from ${quantileBins} equal bins on [min, max]: each within (max − min)/${quantileBins} of the exact quantile and rounded to 7 significant digits of max − min; the first (min) and last (max) exact, as are exact zeros at an end of the range (ReLU's). null when the layer has no finite value.`,
  }),
);
