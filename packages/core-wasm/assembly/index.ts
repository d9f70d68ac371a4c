// The module's exports: raw-pointer kernels that validate nothing (src/core.ts checks shapes).
export { activate } from './activations';
export { heapBase } from './heap';
export { dense, matmul, matmulScratchBytes } from './matmul';
export { normal, uniformBits } from './rng';
export { histogram, histogramScratchBytes, moments } from './stats';
