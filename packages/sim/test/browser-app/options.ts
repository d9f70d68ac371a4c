/** The sweep the browser bundle runs, and Node runs again for comparison. */
export const browserSweepOptions = {
  activations: ['sigmoid', 'relu', 'gelu'],
  inits: ['xavier', 'he-uniform', 'orthogonal'],
  layers: 4,
  width: 48,
  samples: 300,
  seed: 9,
  gradients: true,
  theory: true,
};
