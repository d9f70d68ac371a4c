/** Every activation the WASM core computes in f32 (with its derivative), in the order of their kernel codes (see `assembly/activations.ts`). */
export const activationKernels = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'elu',
  'selu',
  'gelu',
  'silu',
  'softplus',
  'softsign',
] as const;

/** An elementwise activation the WASM core computes in f32 (with its derivative). */
export type ActivationKernel = (typeof activationKernels)[number];

/** Default α of leaky-relu, the slope for x ≤ 0 (PyTorch's `negative_slope` default). */
export const defaultLeakyReluAlpha = 0.01;

/** Default α of elu, the limit −α for x → −∞ (PyTorch and Keras). */
export const defaultEluAlpha = 1;

/** The activations that take an α, with its default; the others take none. */
export const activationAlphas: Readonly<Partial<Record<ActivationKernel, number>>> = {
  'leaky-relu': defaultLeakyReluAlpha,
  elu: defaultEluAlpha,
};

/** SELU's λ (Klambauer et al. 2017; PyTorch `scale`). */
export const seluLambda = 1.0507009873554805;

/** SELU's α (Klambauer et al. 2017). */
export const seluAlpha = 1.6732632423543772;
