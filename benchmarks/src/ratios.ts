import { baselineEngine, type EngineName } from './engine.js';
import type { BenchResult, SuiteName } from './results.js';

/** How initscope's median compares with one peer's on one case. */
export interface Ratio {
  suite: SuiteName;
  case: string;
  /** The peer. */
  engine: EngineName;
  /** Peer median / initscope median: above 1 means initscope is faster. */
  speedup: number;
  /** E.g. "initscope 1.8× tfjs-wasm". */
  label: string;
}

/** Formats a speedup with two significant digits: 0.42, 1.8, 12. */
export function formatSpeedup(speedup: number): string {
  if (speedup >= 10) return speedup.toFixed(0);
  if (speedup >= 1) return speedup.toFixed(1);
  return speedup.toPrecision(2);
}

/** "initscope 1.8× tfjs-wasm": initscope is 1.8 times as fast as that peer. */
export function ratioLabel(speedup: number, peer: EngineName): string {
  return `${baselineEngine} ${formatSpeedup(speedup)}× ${peer}`;
}

/** Every (case, peer) ratio where both initscope and the peer have a median. */
export function ratios(results: readonly BenchResult[]): Ratio[] {
  const out: Ratio[] = [];
  for (const base of results) {
    if (base.engine !== baselineEngine || base.median_ms === null || base.median_ms <= 0) continue;
    for (const peer of results) {
      if (peer.suite !== base.suite || peer.case !== base.case) continue;
      if (peer.engine === baselineEngine || peer.median_ms === null) continue;
      const speedup = peer.median_ms / base.median_ms;
      out.push({
        suite: base.suite,
        case: base.case,
        engine: peer.engine,
        speedup,
        label: ratioLabel(speedup, peer.engine),
      });
    }
  }
  return out;
}
