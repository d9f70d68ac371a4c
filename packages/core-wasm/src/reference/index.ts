// Plain-TS references of every kernel, with the same semantics (see each file for the order of operations).

import { activate } from './activations.js';
import { matmul } from './matmul.js';
import { normal, uniformBits } from './rng.js';
import { histogram, moments } from './stats.js';

/** Plain-TS references of every WASM kernel, for tests, benchmarks and environments without WASM. */
export const reference = { activate, histogram, matmul, moments, normal, uniformBits } as const;
