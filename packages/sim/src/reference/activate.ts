import { activationRegistry } from '@initscope/core-wasm';
import type { Activation } from '../activations.js';

/**
 * out = φ(x) elementwise, rounded to f32; `out` may be `x`. The book's three as one writes them
 * (1/(1 + e^−x), tanh, max(x, 0)); the rest of the zoo by core-wasm's f64 φ at α.
 */
export function naiveActivate(
  kind: Activation,
  x: Float32Array,
  out: Float32Array,
  alpha = 0,
): Float32Array {
  const n = x.length;
  if (kind === 'sigmoid')
    for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-(x[i] as number)));
  else if (kind === 'tanh') for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i] as number);
  else if (kind === 'relu')
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      out[i] = Math.max(v, 0);
    }
  else {
    const { phi } = activationRegistry[kind];
    for (let i = 0; i < n; i++) out[i] = phi(x[i] as number, alpha);
  }
  return out;
}

/** out = f32(φ′(a))·g elementwise in f32 (core-wasm's f64 φ′ at α); `out` may be `g`. */
export function naiveBackward(
  kind: Activation,
  a: Float32Array,
  g: Float32Array,
  out: Float32Array,
  alpha = 0,
): Float32Array {
  const { dphi } = activationRegistry[kind];
  for (let i = 0; i < a.length; i++) {
    out[i] = Math.fround(dphi(a[i] as number, alpha)) * (g[i] as number);
  }
  return out;
}
