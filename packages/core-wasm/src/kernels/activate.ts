// The elementwise activation kernels on blocks: φ (optionally measured in the same pass), φ′, and
// φ′ ⊙ g. x, a, g and out hold n = x.length (a.length) values; out may be the input itself.

import { resolveActivation } from '../activation-options.js';
import type { ActivationKernel } from '../activations.js';
import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkHolds, overlaps } from '../checks.js';
import type { DerivativeOptions, PassOptions } from '../options.js';
import type { LayerPass } from '../stats.js';
import { runPass } from './pass.js';

/** x and out of an elementwise op: blocks of this core, out holds x.length values and is x or disjoint from it. */
function checkElementwise(
  backend: Backend,
  fn: string,
  x: F32Block,
  out: F32Block,
  xName: string,
): void {
  backend.checkBlock(fn, xName, x);
  backend.checkBlock(fn, 'out', out);
  checkHolds(fn, 'out', out, x.length, `${xName}.length`);
  if (out.ptr !== x.ptr && overlaps(out.ptr, x.length, x.ptr, x.length)) {
    throw new Error(`${fn}: out partly overlaps ${xName} (pass the same block to work in place)`);
  }
}

/** out[i] = kind(f32(scale·x[i])), i < x.length, with the statistics `options.stats` asks for. */
export function runActivate(
  backend: Backend,
  fn: string,
  kind: ActivationKernel,
  x: F32Block,
  out: F32Block,
  options: number | PassOptions | undefined,
): LayerPass | undefined {
  const act = resolveActivation(fn, kind, options);
  checkElementwise(backend, fn, x, out, 'x');
  return runPass(backend, act.stats, () =>
    backend.wasm.activate(act.code, x.ptr, out.ptr, x.length, act.scale, act.alpha),
  );
}

/** out[i] = kind′(a[i]), i < a.length: the derivative at the pre-activation. */
export function runDerivative(
  backend: Backend,
  fn: string,
  kind: ActivationKernel,
  a: F32Block,
  out: F32Block,
  options: DerivativeOptions | undefined,
): void {
  const act = resolveActivation(fn, kind, options);
  checkElementwise(backend, fn, a, out, 'a');
  backend.wasm.derivative(act.code, a.ptr, out.ptr, a.length, act.alpha);
}

/** out[i] = kind′(a[i])·g[i], i < a.length (δ = φ′(A) ⊙ G); out may be a or g. */
export function runBackward(
  backend: Backend,
  fn: string,
  kind: ActivationKernel,
  a: F32Block,
  g: F32Block,
  out: F32Block,
  options: DerivativeOptions | undefined,
): void {
  const act = resolveActivation(fn, kind, options);
  checkElementwise(backend, fn, a, out, 'a');
  backend.checkBlock(fn, 'g', g);
  checkHolds(fn, 'g', g, a.length, 'a.length');
  if (out.ptr !== g.ptr && overlaps(out.ptr, a.length, g.ptr, a.length)) {
    throw new Error(`${fn}: out partly overlaps g (pass the same block to work in place)`);
  }
  backend.wasm.backward(act.code, a.ptr, g.ptr, out.ptr, a.length, act.alpha);
}
