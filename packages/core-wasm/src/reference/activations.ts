// The f32 reference of the activation kernels: each value through the registry's f64 φ or φ′, rounded to f32.

import { type ActivationKernel, activationAlphas, activationRegistry } from '../activations.js';
import { checkKind } from '../checks.js';
import { type ActivationOptions, type DerivativeOptions, defaultScale } from '../options.js';

// scale and α after defaults (the wrapper checks them; the reference trusts them)
function resolve(kind: ActivationKernel, options: number | ActivationOptions | undefined) {
  const o = typeof options === 'number' ? { scale: options } : (options ?? {});
  return { scale: o.scale ?? defaultScale, alpha: o.alpha ?? activationAlphas[kind] ?? 0 };
}

/**
 * kind(f32(scale·x)) elementwise: the f32 product (scale rounded to f32, as the kernel), then the
 * registry's f64 φ, rounded to f32. `options` may be the scale.
 */
export function activate(
  kind: ActivationKernel,
  x: Float32Array,
  options?: number | ActivationOptions,
): Float32Array {
  const f = activationRegistry[checkKind(kind)].phi;
  const { scale, alpha } = resolve(kind, options);
  const s = Math.fround(scale);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(Math.fround(s * (x[i] as number)), alpha);
  return out;
}

/** kind′(a) elementwise: the registry's f64 φ′, rounded to f32. */
export function derivative(
  kind: ActivationKernel,
  a: Float32Array,
  options?: DerivativeOptions,
): Float32Array {
  const f = activationRegistry[checkKind(kind)].dphi;
  const { alpha } = resolve(kind, options);
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i] as number, alpha);
  return out;
}

/** kind′(a)·g elementwise: the derivative rounded to f32, times g in f32 (as the kernel). */
export function backward(
  kind: ActivationKernel,
  a: Float32Array,
  g: Float32Array,
  options?: DerivativeOptions,
): Float32Array {
  const d = derivative(kind, a, options);
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (d[i] as number) * (g[i] as number);
  return out;
}
