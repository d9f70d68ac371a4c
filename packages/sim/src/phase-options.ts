import { type ActivationSpec, parseActivation } from './activations.js';
import { defaultWidth } from './defaults.js';
import {
  biasField,
  type FieldLabel,
  integerField,
  listField,
  plainLabel,
  singleField,
} from './fields.js';
import { type Initializer, parseInit } from './initializers.js';
import type { PhaseGrid } from './theory/phase.js';

/** Options of `phaseDiagramDocument`, as callers give them. */
export interface PhaseOptions {
  /** One activation id, e.g. `tanh` or `leaky-relu:0.2`. */
  activation: string;
  /** Initializers to place on the diagram (a list or "he,xavier"). @default none */
  inits?: readonly string[] | string;
  /** Fan-in (= fan-out) that turns `std:σ` into σ_w² = fan_in·σ². @default 100 */
  width?: number | string;
  /** σ_b of the configurations placed on the diagram. @default 0 */
  biasStd?: number | string;
  /** The (σ_w², σ_b²) grid. @default σ_w² log-spaced 10^−2.5 … 10^2.5 (16 per decade) × σ_b² 0, 0.01, …, 0.5 */
  grid?: PhaseGrid;
}

/** Phase-diagram options after defaults and validation, activation and initializers parsed. */
export interface ResolvedPhaseOptions {
  /** Marks the output of `resolvePhaseOptions`. */
  resolved: true;
  activation: ActivationSpec;
  inits: Initializer[];
  width: number;
  biasStd: number;
  grid?: PhaseGrid;
}

/** True for the output of `resolvePhaseOptions`. */
export function isResolvedPhase(
  options: PhaseOptions | ResolvedPhaseOptions,
): options is ResolvedPhaseOptions {
  return (options as Partial<ResolvedPhaseOptions>).resolved === true;
}

/**
 * Validates and parses phase-diagram options once; throws ConfigError naming the field (as `label`
 * spells it) and the value, e.g. `Invalid --activation "tanh,relu": give one activation.`
 */
export function resolvePhaseOptions(
  options: PhaseOptions,
  label: FieldLabel = plainLabel,
): ResolvedPhaseOptions {
  const activation = singleField('activation', options.activation, label, parseActivation);
  const resolved: ResolvedPhaseOptions = {
    resolved: true,
    activation,
    inits: options.inits === undefined ? [] : listField('inits', options.inits, label, parseInit),
    width: integerField('width', options.width, label, defaultWidth),
    biasStd: biasField(options.biasStd, label),
  };
  if (options.grid) resolved.grid = options.grid;
  return resolved;
}
