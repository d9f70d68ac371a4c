// A statistics pass around a kernel that writes outputs (dense, activate), called after its checks:
// passBegin, the kernel, passEnd, and the LayerPass read back from the result area and the histogram counters.

import { passModes, passResult } from '../abi.js';
import type { Backend } from '../backend.js';
import {
  type LayerPass,
  type SaturationBounds,
  type StatsRequest,
  saturationThresholds,
} from '../stats.js';

/** Runs `kernel` inside a statistics pass when `stats` asks for one, and returns what it measured. */
export function runPass(
  backend: Backend,
  stats: StatsRequest | undefined,
  kernel: () => void,
  saturation?: SaturationBounds,
): LayerPass | undefined {
  if (stats === undefined) {
    kernel();
    return undefined;
  }
  const { wasm, results } = backend;
  const histogram = stats !== 'moments';
  const counts = histogram ? backend.counters(stats.bins) : 0;
  if (histogram) wasm.passBegin(passModes.histogram, stats.lo, stats.hi, stats.bins, counts);
  else wasm.passBegin(passModes.moments, 0, 1, 1, 0);
  if (saturation) {
    const [lo, hi] = saturationThresholds(saturation);
    wasm.passSaturation(lo, hi);
  }
  try {
    kernel();
  } finally {
    // a pass left open would measure the next kernel's outputs
    wasm.passEnd(results.ptr);
  }
  const r = results.read(passResult);
  const pass: LayerPass = {
    count: r.count,
    finite: r.finite,
    sum: r.sum,
    min: r.min,
    max: r.max,
    zeros: r.zeros,
    nonFinite: r.nonFinite,
    sumSqDev: r.sumSqDev,
  };
  if (saturation) pass.saturated = r.saturated;
  if (histogram) {
    pass.counts = results.counts(counts, stats.bins);
    pass.below = r.below;
    pass.above = r.above;
  }
  return pass;
}
