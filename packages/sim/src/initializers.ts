import { unknownChoiceMessage } from './choices.js';

/** Which fan a variance-scaling initializer divides by. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';

/** How weights are distributed around zero. */
export type Distribution = 'normal';

/** Options of the one variance-scaling initializer every preset is made of. */
export interface VarianceScalingOptions {
  /** Variance numerator: Var(W) = scale / fan. @default 1 */
  scale?: number;
  /** @default 'fan_in' */
  mode?: FanMode;
  /** @default 'normal' */
  distribution?: Distribution;
}

/** A weight initializer: draws W (fan_in, fan_out) with a standard deviation fixed by the fans. */
export interface Initializer {
  /** The id users type, e.g. `he` or `std:0.01`. */
  id: string;
  distribution: Distribution;
  /** Standard deviation of each weight for a layer with these fans. */
  std(fanIn: number, fanOut: number): number;
}

/** Preset ids that need no parameter. */
export const initPresets = ['xavier', 'he', 'lecun', 'glorot-normal'] as const;

/** A preset id. */
export type InitPreset = (typeof initPresets)[number];

/** The book's default initializer list, in the book's order. */
export const bookInits = ['std:1', 'std:0.01', 'xavier', 'he'] as const;

/** Every form an initializer id can take, for messages. */
export const initForms = ['std:<σ>', ...initPresets] as const;

/** Var(W) = scale / fan with fan chosen by `mode` (Keras' VarianceScaling; He et al. 2015). */
export function varianceScaling(id: string, options: VarianceScalingOptions = {}): Initializer {
  const { scale = 1, mode = 'fan_in', distribution = 'normal' } = options;
  return {
    id,
    distribution,
    std(fanIn, fanOut) {
      const fan = mode === 'fan_in' ? fanIn : mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
      return Math.sqrt(scale / fan);
    },
  };
}

/** N(0, σ²) whatever the fans: the book's `std:1` and `std:0.01`. */
export function fixedNormal(sigma: number): Initializer {
  return { id: `std:${sigma}`, distribution: 'normal', std: () => sigma };
}

const presets: Readonly<Record<InitPreset, Initializer>> = {
  // The book's "Xavier": N(0, 1/fan_in) (LeCun's variance; Glorot & Bengio use 2/(fan_in+fan_out)).
  xavier: varianceScaling('xavier', { scale: 1, mode: 'fan_in' }),
  he: varianceScaling('he', { scale: 2, mode: 'fan_in' }),
  lecun: varianceScaling('lecun', { scale: 1, mode: 'fan_in' }),
  'glorot-normal': varianceScaling('glorot-normal', { scale: 1, mode: 'fan_avg' }),
};

/** An initializer id could not be understood. */
export class InitError extends Error {
  override name = 'InitError';
}

/** Parses an initializer id (`std:0.01`, `xavier`, `he`, …), throwing InitError with the valid forms. */
export function parseInit(id: string): Initializer {
  if (id.startsWith('std:')) {
    const text = id.slice(4).trim();
    const sigma = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(sigma) || sigma < 0) {
      throw new InitError(
        `Invalid initializer "${id}": σ in std:<σ> must be a finite number ≥ 0, e.g. std:0.01.`,
      );
    }
    return { ...fixedNormal(sigma), id };
  }
  const preset = presets[id as InitPreset];
  if (preset) return preset;
  throw new InitError(unknownChoiceMessage('initializer', id, initForms));
}
