import { reference } from '@initscope/core-wasm';
import type { WeightDraw } from '../initializers.js';
import { orthogonalWeights } from '../orthogonal.js';

/**
 * One layer's weights (fanIn × fanOut, row-major) as the initializer defines them, drawn from
 * (seed, stream) by core-wasm's plain-TS RNG (docs/rng.md): σ·z rounded once to f32 for normal and
 * truncated-normal draws (the same z that `sweep()` scales inside its kernel), U(lo, hi), gain·Q from
 * the standard normals, or a constant.
 */
export function referenceWeights(
  draw: WeightDraw,
  fanIn: number,
  fanOut: number,
  seed: number,
  stream: number,
): Float32Array {
  const length = fanIn * fanOut;
  switch (draw.kind) {
    case 'normal':
      return reference.normal(length, seed, stream, draw.std);
    case 'truncated-normal':
      return reference.truncatedNormal(length, seed, stream, draw.std);
    case 'uniform':
      return reference.uniform(length, seed, stream, draw.lo, draw.hi);
    case 'orthogonal':
      return orthogonalWeights(reference.normal(length, seed, stream, 1), fanIn, fanOut, draw.gain);
    case 'constant':
      return new Float32Array(length).fill(draw.value);
  }
}
