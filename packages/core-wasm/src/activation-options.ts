// An activation call's options after defaults and checks: the kernel code, scale, α and the
// statistics to measure, or a one-line error naming the bad option.

import { type ActivationKernel, activationRegistry } from './activations.js';
import { checkFinite, checkKind, checkRange } from './checks.js';
import { show } from './errors.js';
import { maxF32 } from './limits.js';
import { type ActivationOptions, defaultScale, type PassOptions } from './options.js';
import type { SaturationBounds, StatsRequest } from './stats.js';

/** An activation call after defaults and checks. */
export interface ResolvedActivation {
  /** The kernel code (the registry's). */
  code: number;
  /** The scale applied before the activation. */
  scale: number;
  /** α (0 for the activations that take none). */
  alpha: number;
  /** The statistics to measure, if any. */
  stats: StatsRequest | undefined;
  /** The bounds whose neighbourhoods the pass counts, if any. */
  saturation: SaturationBounds | undefined;
}

/** Kind, scale, α and stats after defaults; `options` may be a number (the scale). */
export function resolveActivation(
  fn: string,
  kind: ActivationKernel,
  options: number | PassOptions | undefined,
): ResolvedActivation {
  const def = activationRegistry[checkKind(kind)];
  const o: PassOptions = typeof options === 'number' ? { scale: options } : (options ?? {});
  if (typeof o !== 'object' || o === null) {
    throw new Error(
      `${fn}: options must be a number (the scale) or an object, got ${show(options)}`,
    );
  }
  let scale = defaultScale;
  if (o.scale !== undefined) {
    checkFinite(fn, 'scale', o.scale);
    if (Math.abs(o.scale) > maxF32) {
      throw new Error(
        `${fn}: scale must be within the f32 range (|scale| ≤ ${maxF32}), got ${o.scale}`,
      );
    }
    scale = o.scale;
  }
  let alpha = def.alpha ?? 0;
  if (o.alpha !== undefined) {
    if (def.alpha === undefined)
      throw new Error(`${fn}: ${kind} takes no alpha, got ${show(o.alpha)}`);
    alpha = checkFinite(fn, 'alpha', o.alpha);
  }
  const stats = o.stats;
  if (stats !== undefined && stats !== 'moments') {
    if (typeof stats !== 'object' || stats === null) {
      throw new Error(`${fn}: stats must be 'moments' or { lo, hi, bins }, got ${show(stats)}`);
    }
    checkRange(fn, 'stats.', stats.lo, stats.hi, stats.bins);
  }
  const saturation = o.saturation;
  if (saturation !== undefined) {
    if (stats === undefined) throw new Error(`${fn}: saturation is counted only with stats`);
    if (
      typeof saturation !== 'object' ||
      saturation === null ||
      !Number.isFinite(saturation.lo) ||
      !Number.isFinite(saturation.hi) ||
      !(saturation.lo < saturation.hi)
    ) {
      const got =
        typeof saturation === 'object' && saturation !== null
          ? `lo = ${show(saturation.lo)}, hi = ${show(saturation.hi)}`
          : show(saturation);
      throw new Error(`${fn}: saturation must be { lo, hi } with finite lo < hi, got ${got}`);
    }
  }
  return { code: def.code, scale, alpha, stats, saturation };
}

/** The options of a copying form: they may not ask for statistics (those are measured by `…Into`). */
export function withoutStats<O extends ActivationOptions>(
  fn: string,
  options: number | (O & { stats?: unknown }) | undefined,
): number | O | undefined {
  if (typeof options === 'object' && options !== null && options.stats !== undefined) {
    throw new Error(`${fn}: stats are measured by ${fn}Into only`);
  }
  return options;
}
