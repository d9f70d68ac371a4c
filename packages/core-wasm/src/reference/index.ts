// Plain-TS references of every kernel, with the same semantics (see each file for the order of operations).

import { activate, backward, derivative } from './activations.js';
import { dense, matmul, matmulTransA, matmulTransB } from './matmul.js';
import { normal, truncatedNormal, uniform, uniformBits } from './rng.js';
import { counts, histogram, layerPass, moments, saturated, sumSquares } from './stats.js';
import { adagrad, adam, addBias, columnSums, momentum, sgd, softmaxCrossEntropy } from './train.js';

/** Plain-TS references of every WASM kernel, for tests, benchmarks and environments without WASM. */
export const reference = {
  activate,
  adagrad,
  adam,
  addBias,
  backward,
  columnSums,
  counts,
  dense,
  derivative,
  histogram,
  layerPass,
  matmul,
  matmulTransA,
  matmulTransB,
  moments,
  saturated,
  momentum,
  normal,
  sgd,
  softmaxCrossEntropy,
  sumSquares,
  truncatedNormal,
  uniform,
  uniformBits,
} as const;
