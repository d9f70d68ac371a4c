/** Small hand-made documents for the validation tests: valid as built, broken one field at a time. */
import type { CompletedRun, LayerStats, PhaseDiagram, Results } from '../src/index.js';

/** One layer of 4 values over [0, 1] in 2 bins. */
export function layer(n = 1): LayerStats {
  return {
    layer: n,
    mean: 0.5,
    std: 0.25,
    min: 0,
    max: 1,
    zeroFraction: 0.25,
    nonFinite: 0,
    histogram: { edges: [0, 0.5, 1], counts: [2, 2], below: 0, above: 0 },
  };
}

/** A completed sigmoid run of two layers. */
export function completedRun(): CompletedRun {
  return {
    activation: 'sigmoid',
    init: 'xavier',
    state: 'completed',
    weightStd: [0.5, 0.5],
    layers: [layer(1), layer(2)],
  };
}

/** A results document with one completed and one errored run. */
export function resultsDocument(): Results {
  return {
    tool: 'initscope',
    version: '0.1.0',
    config: { layers: 2, width: 2, samples: 2, bins: 2, seed: 7 },
    runs: [
      completedRun(),
      {
        activation: 'relu',
        init: 'std:1e40',
        state: 'errored',
        message: 'weights beyond f32',
        weightStd: [],
        layers: [],
      },
    ],
  };
}

/** A 2 × 2 phase diagram with one point. */
export function phaseDocument(): PhaseDiagram {
  return {
    tool: 'initscope',
    version: '0.1.0',
    activation: 'tanh',
    sigmaW2: [0.5, 2],
    sigmaB2: [0, 0.1],
    chi1: [
      [0.5, 2],
      [0.4, null],
    ],
    edge: [
      { sigmaB2: 0, sigmaW2: 1 },
      { sigmaB2: 0.1, sigmaW2: null },
    ],
    points: [{ init: 'xavier', sigmaW2: 1, sigmaB2: 0, chi1: 1, phase: 'critical' }],
  };
}
