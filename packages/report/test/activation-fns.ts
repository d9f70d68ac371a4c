/** φ and φ' of the activations the fixtures know (the book's three and part of the zoo). */
export interface ActivationFn {
  phi: (x: number) => number;
  dphi: (x: number) => number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** An activation id as sim writes it (`leaky-relu:0.2`) → its φ and φ'. */
export function activationFn(id: string): ActivationFn {
  const [name, parameter] = id.split(':');
  const alpha = parameter === undefined ? undefined : Number(parameter);
  switch (name) {
    case 'sigmoid':
      return { phi: sigmoid, dphi: (x) => sigmoid(x) * (1 - sigmoid(x)) };
    case 'relu':
      return { phi: (x) => Math.max(0, x), dphi: (x) => (x > 0 ? 1 : 0) };
    case 'tanh':
      return { phi: Math.tanh, dphi: (x) => 1 - Math.tanh(x) ** 2 };
    case 'linear':
      return { phi: (x) => x, dphi: () => 1 };
    case 'leaky-relu': {
      const a = alpha ?? 0.01;
      return { phi: (x) => (x > 0 ? x : a * x), dphi: (x) => (x > 0 ? 1 : a) };
    }
    case 'gelu': {
      // tanh approximation: close enough for fixtures
      const c = Math.sqrt(2 / Math.PI);
      const phi = (x: number) => 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x ** 3)));
      return { phi, dphi: (x) => (phi(x + 1e-5) - phi(x - 1e-5)) / 2e-5 };
    }
    case 'softsign':
      return { phi: (x) => x / (1 + Math.abs(x)), dphi: (x) => 1 / (1 + Math.abs(x)) ** 2 };
    case 'selu': {
      const l = 1.0507009873554805;
      const a = 1.6732632423543772;
      return {
        phi: (x) => l * (x > 0 ? x : a * Math.expm1(x)),
        dphi: (x) => l * (x > 0 ? 1 : a * Math.exp(x)),
      };
    }
    default:
      throw new Error(`Unknown activation "${id}".`);
  }
}
