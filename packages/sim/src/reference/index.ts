export { naiveActivate, naiveBackward } from './activate.js';
export { layerStatsOf, naiveHistogram } from './layer-stats.js';
export { naiveMatmul, product, transpose } from './matmul.js';
export { exactQuantiles } from './quantiles.js';
export type { ReferenceHooks, ValuesOf } from './sweep.js';
export { referenceSweep } from './sweep.js';
export { referenceWeights } from './weights.js';
