/** Hidden layers, as in the book. */
export const defaultLayers = 5;
/** Nodes per hidden layer (and input features), as in the book. */
export const defaultWidth = 100;
/** Input rows drawn from N(0, 1), as in the book. */
export const defaultSamples = 1000;
/** Histogram bins, as in the book's `plt.hist(a, 30)`. */
export const defaultBins = 30;
/** The seed used when none is given, so that the default report is reproducible. */
export const defaultSeed = 42;
/** Largest seed: seeds are unsigned 32-bit integers. */
export const maxSeed = 2 ** 32 - 1;

/** Upper bounds that keep a typo from asking for absurd work; memory is checked separately. */
export const limits = {
  layers: 10_000,
  width: 65_536,
  samples: 10_000_000,
  bins: 10_000,
  seeds: 1_000_000,
} as const;
