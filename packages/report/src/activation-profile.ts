/** What the report knows about an activation beyond its name. */
export interface ActivationProfile {
  /** The activation's output range `[lo, hi]` when it is bounded (sigmoid, tanh, softsign); saturation is measured next to these bounds. */
  bounds?: [number, number];
  /** Odd-symmetric (tanh, softsign): a saturation zone the histogram misses may be mirrored from the other one. */
  symmetric?: boolean;
  /** Exact zeros are a normal, large part of the output (ReLU): draw them apart and chart the dead fraction. */
  exactZeros?: boolean;
}

const profiles: Record<string, ActivationProfile> = {
  sigmoid: { bounds: [0, 1] },
  tanh: { bounds: [-1, 1], symmetric: true },
  softsign: { bounds: [-1, 1], symmetric: true },
  relu: { exactZeros: true },
};

/** An activation id without its parameter: `leaky-relu:0.2` → `leaky-relu`. */
export function activationName(activation: string): string {
  const colon = activation.indexOf(':');
  return colon < 0 ? activation : activation.slice(0, colon);
}

/**
 * The profile of an activation, by id (`leaky-relu:0.2` is `leaky-relu`); unknown activations get
 * an empty one (no bounds, no zero handling).
 */
export function activationProfile(activation: string): ActivationProfile {
  return profiles[activationName(activation)] ?? {};
}
