// The elementwise activation kernels on blocks: φ (optionally measured in the same pass), φ′, and
// φ′ ⊙ g. x, a, g and out hold n = x.length (a.length) values; out may be the input itself.

import { type ResolvedActivation, resolveActivation } from '../activation-options.js';
import type { ActivationKernel } from '../activations.js';
import type { Backend } from '../backend.js';
import type { F32Block } from '../block.js';
import { checkHolds } from '../checks.js';
import type { DerivativeOptions, PassOptions } from '../options.js';
import type { LayerPass } from '../stats.js';
import { runPass } from './pass.js';

/**
 * An elementwise op's options resolved and its x and out checked: blocks of this core, out holds
 * x.length values. Blocks never partly overlap (allocations are disjoint, a view starts where its
 * block does), so out is the input itself (in place) or disjoint from it.
 */
function elementwise(
  backend: Backend,
  fn: string,
  kind: ActivationKernel,
  [xName, x]: readonly [string, F32Block],
  out: F32Block,
  options: number | PassOptions | undefined,
): ResolvedActivation {
  const act = resolveActivation(fn, kind, options);
  backend.checkBlock(fn, xName, x);
  backend.checkBlock(fn, 'out', out);
  checkHolds(fn, 'out', out, x.length, `${xName}.length`);
  return act;
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
  const { code, scale, alpha, stats, saturation } = elementwise(
    backend,
    fn,
    kind,
    ['x', x],
    out,
    options,
  );
  return runPass(
    backend,
    stats,
    () => backend.wasm.activate(code, x.ptr, out.ptr, x.length, scale, alpha),
    saturation,
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
  const { code, alpha } = elementwise(backend, fn, kind, ['a', a], out, options);
  backend.wasm.derivative(code, a.ptr, out.ptr, a.length, alpha);
}

/** out[i] = kind′(a[i])·g[i], i < a.length (δ = φ′(A) ⊙ G); out may be a or g. */
export function runBackward(
  backend: Backend,
  fn: string,
  kind: ActivationKernel,
  [a, g]: readonly [F32Block, F32Block],
  out: F32Block,
  options: DerivativeOptions | undefined,
): void {
  const { code, alpha } = elementwise(backend, fn, kind, ['a', a], out, options);
  backend.checkBlock(fn, 'g', g);
  checkHolds(fn, 'g', g, a.length, 'a.length');
  backend.wasm.backward(code, a.ptr, g.ptr, out.ptr, a.length, alpha);
}
