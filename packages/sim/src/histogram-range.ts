import { bindActivation, type RangeBound } from './activation-registry.js';
import type { ActivationLike } from './activations.js';

/**
 * The histogram range for one layer: the override when given, else the activation's default with
 * 'min'/'max' taken from the layer's finite values. A range that would be empty (all values equal, or
 * none finite) is widened upwards by max(1, |lo|·2⁻²⁰) (downwards when the upper bound is fixed).
 */
export function histogramRange(
  activation: ActivationLike,
  layerMin: number,
  layerMax: number,
  override?: readonly [number, number],
): [number, number] {
  if (override) return [override[0], override[1]];
  const [loBound, hiBound] = bindActivation(activation).range;
  const finite = Number.isFinite(layerMin) && Number.isFinite(layerMax);
  const pick = (bound: RangeBound, fallback: number) => {
    if (typeof bound === 'number') return bound;
    if (!finite) return fallback;
    return bound === 'min' ? layerMin : layerMax;
  };
  const lo = pick(loBound, 0);
  const hi = pick(hiBound, lo + 1);
  if (hi > lo) return [lo, hi];
  // All values equal: a range around them wide enough to exist at their magnitude.
  if (typeof hiBound === 'number') return [hi - Math.max(1, Math.abs(hi) * 2 ** -20), hi];
  return [lo, lo + Math.max(1, Math.abs(lo) * 2 ** -20)];
}

/** The histogram range when it does not depend on the layer's values (an override, or fixed bounds). */
export function fixedRange(
  activation: ActivationLike,
  override?: readonly [number, number],
): [number, number] | undefined {
  if (override) return [override[0], override[1]];
  const [lo, hi] = bindActivation(activation).range;
  return typeof lo === 'number' && typeof hi === 'number' ? [lo, hi] : undefined;
}
