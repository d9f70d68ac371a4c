import Type from 'typebox';
import { nullable } from './nullable.js';
import { quantileBins, quantileLevels } from './quantile-levels.js';

/** Schema of `LayerStats.quantiles`. */
export const layerQuantilesSchema = nullable(
  Type.Array(Type.Number(), {
    minItems: quantileLevels.length,
    maxItems: quantileLevels.length,
    description: `The layer's finite values at the quantile levels ${quantileLevels.join(', ')} (NumPy's default definition: linear between order statistics, rank p·(n − 1)), read by the kernel from ${quantileBins} equal bins on [min, max]: each within (max − min)/${quantileBins} of the exact quantile and rounded to 7 significant digits of max − min; the first (min) and last (max) exact, as are exact zeros at an end of the range (ReLU's). null when the layer has no finite value.`,
  }),
);
