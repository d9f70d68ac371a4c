/** What the report knows about an activation beyond its name. */
export interface ActivationProfile {
  /** The activation's output range `[lo, hi]` when it is bounded (sigmoid, tanh); saturation is measured next to these bounds. */
  bounds?: [number, number];
  /** Odd-symmetric (tanh): a saturation zone the histogram misses may be mirrored from the other one. */
  symmetric?: boolean;
  /** Exact zeros are a normal, large part of the output (ReLU): draw them apart and chart the dead fraction. */
  exactZeros?: boolean;
}

const profiles: Record<string, ActivationProfile> = {
  sigmoid: { bounds: [0, 1] },
  tanh: { bounds: [-1, 1], symmetric: true },
  relu: { exactZeros: true },
};

/** The profile of an activation; unknown activations get an empty one (no bounds, no zero handling). */
export function activationProfile(activation: string): ActivationProfile {
  return profiles[activation] ?? {};
}
