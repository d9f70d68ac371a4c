import { bindActivation } from './activation-registry.js';
import type { Activation } from './activations.js';
import { unknownChoiceMessage } from './choices.js';

/** Which fan a variance-scaling initializer divides by. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';

/** How a variance-scaling initializer distributes weights around zero (Keras' names). */
export type Distribution = 'normal' | 'truncated-normal' | 'uniform';

/** Options of the one variance-scaling initializer every preset is made of. */
export interface VarianceScalingOptions {
  /** Variance numerator: Var(W) = scale / fan. @default 1 */
  scale?: number;
  /** @default 'fan_in' */
  mode?: FanMode;
  /** @default 'normal' */
  distribution?: Distribution;
}

/**
 * How one layer's weights are drawn from its RNG stream (see docs/rng.md):
 * - normal: σ·z with z the stream's standard normals;
 * - truncated-normal: σ·z with z standard normals redrawn while |z| > 2 (Keras/TF semantics);
 * - uniform: U(lo, hi) from the stream's uniforms;
 * - orthogonal: gain·Q, Q from the QR decomposition of the stream's standard normals;
 * - constant: every weight equal to `value` (no randomness).
 */
export type WeightDraw =
  | { kind: 'normal'; std: number }
  | { kind: 'truncated-normal'; std: number }
  | { kind: 'uniform'; lo: number; hi: number }
  | { kind: 'orthogonal'; gain: number }
  | { kind: 'constant'; value: number };

/** What an initializer may depend on besides the fans. */
export interface InitContext {
  activation: Activation;
  /** The activation's α, when it has one. */
  alpha?: number;
}

/** A weight initializer for W of shape (fan_in, fan_out). */
export interface Initializer {
  /** The id users type, e.g. `he` or `std:0.01`. */
  id: string;
  /** How this layer's weights are drawn. */
  draw(fanIn: number, fanOut: number, context: InitContext): WeightDraw;
}

/** Keras' factor: the std of N(0, 1) truncated to [−2, 2], so truncated draws keep Var = scale / fan. */
export const truncatedNormalStd = 0.8796256610342398;

/** Var(W) = scale / fan with fan chosen by `mode` (Keras' VarianceScaling; He et al. 2015). */
export function varianceScaling(id: string, options: VarianceScalingOptions = {}): Initializer {
  const { scale = 1, mode = 'fan_in', distribution = 'normal' } = options;
  return {
    id,
    draw(fanIn, fanOut) {
      const fan = mode === 'fan_in' ? fanIn : mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
      const variance = scale / Math.max(1, fan);
      if (distribution === 'uniform') {
        const limit = Math.sqrt(3 * variance);
        return { kind: 'uniform', lo: -limit, hi: limit };
      }
      if (distribution === 'truncated-normal') {
        return { kind: 'truncated-normal', std: Math.sqrt(variance) / truncatedNormalStd };
      }
      return { kind: 'normal', std: Math.sqrt(variance) };
    },
  };
}

/** PyTorch's `calculate_gain` for an activation at its α (its default α when none is given). */
export function calculateGain(context: InitContext): number {
  const { activation: name, alpha } = context;
  return bindActivation(alpha === undefined ? { id: name, name } : { id: name, name, alpha }).gain;
}

/** Preset ids that take no parameter. */
export const initPresets = [
  'xavier',
  'he',
  'lecun',
  'glorot-normal',
  'glorot-uniform',
  'he-normal',
  'he-uniform',
  'pytorch-linear',
  'orthogonal',
  'zeros',
] as const;

/** A preset id. */
export type InitPreset = (typeof initPresets)[number];

/** The book's initializer list, in the book's order. */
export const bookInits = ['std:1', 'std:0.01', 'xavier', 'he'] as const;

/** Every form an initializer id can take, for messages. */
export const initForms = [
  'std:<σ>',
  'uniform:<a>',
  'const:<c>',
  'orthogonal:<gain|auto>',
  ...initPresets,
] as const;

const presets: Readonly<Record<InitPreset, Initializer>> = {
  // The book's "Xavier": N(0, 1/fan_in) (LeCun's variance; Glorot & Bengio use 2/(fan_in+fan_out)).
  xavier: varianceScaling('xavier', { scale: 1, mode: 'fan_in' }),
  // The book's "He": N(0, 2/fan_in).
  he: varianceScaling('he', { scale: 2, mode: 'fan_in' }),
  // Keras' lecun_normal, glorot_*, he_* (normal ones are truncated at 2σ).
  lecun: varianceScaling('lecun', { mode: 'fan_in', distribution: 'truncated-normal' }),
  'glorot-normal': varianceScaling('glorot-normal', {
    mode: 'fan_avg',
    distribution: 'truncated-normal',
  }),
  'glorot-uniform': varianceScaling('glorot-uniform', { mode: 'fan_avg', distribution: 'uniform' }),
  'he-normal': varianceScaling('he-normal', { scale: 2, distribution: 'truncated-normal' }),
  'he-uniform': varianceScaling('he-uniform', { scale: 2, distribution: 'uniform' }),
  // PyTorch nn.Linear's default: U(±1/√fan_in), i.e. Var = 1/(3·fan_in).
  'pytorch-linear': varianceScaling('pytorch-linear', { scale: 1 / 3, distribution: 'uniform' }),
  orthogonal: { id: 'orthogonal', draw: () => ({ kind: 'orthogonal', gain: 1 }) },
  zeros: { id: 'zeros', draw: () => ({ kind: 'constant', value: 0 }) },
};

/** An initializer id could not be understood. */
export class InitError extends Error {
  override name = 'InitError';
}

function parameter(id: string, form: string, min: number): number {
  const text = id.slice(id.indexOf(':') + 1).trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < min) {
    const bound = min === 0 ? 'a finite number ≥ 0' : 'a finite number';
    throw new InitError(`Invalid initializer "${id}": the parameter in ${form} must be ${bound}.`);
  }
  return value;
}

/** Parses an initializer id (`std:0.01`, `xavier`, `orthogonal:auto`, …), throwing InitError with the valid forms. */
export function parseInit(id: string): Initializer {
  const preset = presets[id as InitPreset];
  if (preset) return preset;
  if (id.startsWith('std:')) {
    const text = id.slice(4).trim();
    const sigma = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(sigma) || sigma < 0) {
      throw new InitError(
        `Invalid initializer "${id}": σ in std:<σ> must be a finite number ≥ 0, e.g. std:0.01.`,
      );
    }
    return { id, draw: () => ({ kind: 'normal', std: sigma }) };
  }
  if (id.startsWith('uniform:')) {
    const a = parameter(id, 'uniform:<a>', 0);
    return { id, draw: () => ({ kind: 'uniform', lo: -a, hi: a }) };
  }
  if (id.startsWith('const:')) {
    const c = parameter(id, 'const:<c>', Number.NEGATIVE_INFINITY);
    return { id, draw: () => ({ kind: 'constant', value: c }) };
  }
  if (id.startsWith('orthogonal:')) {
    if (id === 'orthogonal:auto') {
      return {
        id,
        draw: (_i, _o, context) => ({ kind: 'orthogonal', gain: calculateGain(context) }),
      };
    }
    const gain = parameter(id, 'orthogonal:<gain|auto>', 0);
    return { id, draw: () => ({ kind: 'orthogonal', gain }) };
  }
  throw new InitError(unknownChoiceMessage('initializer', id, initForms));
}

/** E[w²] of one weight under a draw for fans (fanIn, fanOut): its variance when the draw is centred. */
export function weightSecondMoment(draw: WeightDraw, fanIn: number, fanOut: number): number {
  switch (draw.kind) {
    case 'normal':
      return draw.std ** 2;
    case 'truncated-normal':
      return (draw.std * truncatedNormalStd) ** 2;
    case 'uniform':
      return (draw.hi - draw.lo) ** 2 / 12 + ((draw.hi + draw.lo) / 2) ** 2;
    case 'orthogonal':
      return draw.gain ** 2 / Math.max(fanIn, fanOut);
    case 'constant':
      return draw.value ** 2;
  }
}
