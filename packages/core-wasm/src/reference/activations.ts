import type { ActivationKernel } from '../activations.js';
import { checkKind } from '../checks.js';

// f64 formulas rounded once to f32 (Float32Array stores round)
const formulas: Readonly<Record<ActivationKernel, (x: number) => number>> = {
  linear: (x) => x,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => Math.tanh(x),
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
};

/** kind(x) elementwise, computed in f64 with Math and rounded to f32. */
export function activate(kind: ActivationKernel, x: Float32Array): Float32Array {
  const f = formulas[checkKind(kind)];
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i] as number);
  return out;
}
