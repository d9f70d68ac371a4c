// x·w with the activation fused into the matmul epilogue, optionally measured in the same pass:
// x is (m, k), w is (k, n); out is (m, n) = activation(f32(scale·(x·w))).

import { resolveActivation } from '../activation-options.js';
import type { ActivationKernel } from '../activations.js';
import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import type { PassOptions } from '../options.js';
import type { LayerPass } from '../stats.js';
import { checkProduct } from './matmul.js';
import { runPass } from './pass.js';

/** out = activation(f32(scale·(x·w))) after the checks, with the statistics `options.stats` asks for. */
export function runDense(
  backend: Backend,
  fn: string,
  x: F32Block,
  w: F32Block,
  out: F32Block,
  m: number,
  k: number,
  n: number,
  activation: ActivationKernel,
  options: number | PassOptions | undefined,
): LayerPass | undefined {
  const act = resolveActivation(fn, activation, options);
  checkProduct(backend, fn, 'nn', x, w, out, m, k, n, 'x', 'w');
  const { wasm, matmulScratch } = backend;
  return runPass(backend, act.stats, () =>
    wasm.dense(x.ptr, w.ptr, out.ptr, m, k, n, act.code, act.scale, act.alpha, matmulScratch),
  );
}
