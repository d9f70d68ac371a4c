// The module's exports: raw-pointer kernels that validate nothing (src/core.ts checks shapes).
export { activate, backward, derivative } from './activations';
export { heapBase } from './heap';
export { gemm, matmulScratchBytes, measureStrips, packBlocks, packedBBytes } from './matmul';
export { passBegin, passEnd, passSaturation } from './pass';
export { normal, normalScalar, truncatedNormal, uniform, uniformBits } from './rng';
export { matmulSkipZeros, matmulTransASkipZeros } from './sparse';
export { histogram, histogramCounts, histogramScratchBytes, moments, sumSquares } from './stats';
export {
  adagrad,
  adam,
  addBias,
  columnSums,
  momentum,
  sgd,
  softmaxCrossEntropy,
} from './train';
