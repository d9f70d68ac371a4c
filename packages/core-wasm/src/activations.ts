/** An elementwise activation the WASM core computes in f32. */
export type ActivationKernel = 'linear' | 'sigmoid' | 'tanh' | 'relu';

/** Every ActivationKernel, in the order of their kernel codes (see `assembly/activations.ts`). */
export const activationKernels: readonly ActivationKernel[] = ['linear', 'sigmoid', 'tanh', 'relu'];
