/**
 * The results contract: what `initscope run --json` writes and what `@initscope/report` draws.
 * Fields may be added; none may change meaning. See DESIGN.md, "Results contract".
 */

/** A 30-bin (by default) histogram of one layer's finite values. */
export interface Histogram {
  /** `bins + 1` increasing edges; bin i is [edges[i], edges[i+1]), the last bin also holds edges[bins]. */
  edges: number[];
  /** Finite values inside [edges[0], edges[bins]], per bin. */
  counts: number[];
  /** Finite values below edges[0]. */
  below: number;
  /** Finite values above edges[bins]. */
  above: number;
}

/** Statistics of one hidden layer's `samples × width` post-activation values, accumulated in f64. */
export interface LayerStats {
  /** 1-based layer index, as in the book's "1-layer". */
  layer: number;
  /** Mean of the finite values; null when there are none. */
  mean: number | null;
  /** Population standard deviation (ddof = 0, as NumPy's `std`) of the finite values; null when there are none. */
  std: number | null;
  /** Smallest finite value; null when there are none. */
  min: number | null;
  /** Largest finite value; null when there are none. */
  max: number | null;
  /** Exact zeros (±0) divided by all values: dead ReLU outputs. */
  zeroFraction: number;
  /** NaN and ±Inf values, never silently dropped. */
  nonFinite: number;
  histogram: Histogram;
}

/** Whether a run finished. An errored run carries its message and no layers. */
export type RunState = 'completed' | 'errored';

/** One (activation, initializer) configuration pushed through the layer stack. */
export interface RunResult {
  activation: string;
  init: string;
  state: RunState;
  /** Present when state is 'errored'. */
  message?: string;
  /** The weight standard deviation of each layer, as the initializer chose it for its fan-in/fan-out. */
  weightStd: number[];
  layers: LayerStats[];
}

/** The configuration shared by every run of a sweep. */
export interface ResultsConfig {
  layers: number;
  width: number;
  samples: number;
  bins: number;
  seed: number;
  /** Histogram range override `[lo, hi]`; absent when each activation uses its default range. */
  range?: [number, number];
}

/** The whole results document. */
export interface Results {
  tool: 'initscope';
  version: string;
  config: ResultsConfig;
  runs: RunResult[];
}
