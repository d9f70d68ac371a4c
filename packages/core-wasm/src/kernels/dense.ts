// x·w with the activation fused into the matmul epilogue, optionally measured in the same pass:
// x is (m, k), w is (k, n) (the product's a and b); out is (m, n) = activation(f32(scale·(x·w))).

import { resolveActivation } from '../activation-options.js';
import type { ActivationKernel } from '../activations.js';
import type { Backend } from '../backend.js';
import type { PassOptions } from '../options.js';
import type { LayerPass } from '../stats.js';
import { checkProduct, gemmProduct, type Product } from './matmul.js';
import { runPass } from './pass.js';

/** out = activation(f32(scale·(x·w))) after the checks, with the statistics `options.stats` asks for. */
export function runDense(
  backend: Backend,
  fn: string,
  product: Product,
  activation: ActivationKernel,
  options: number | PassOptions | undefined,
): LayerPass | undefined {
  const act = resolveActivation(fn, activation, options);
  checkProduct(backend, fn, 'nn', product, ['x', 'w']);
  return runPass(
    backend,
    act.stats,
    () => gemmProduct(backend, 'nn', product, act),
    act.saturation,
  );
}
