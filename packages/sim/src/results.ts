/**
 * The results contract: what `initscope run --json` writes and what `@initscope/report` draws.
 * Fields may be added; none may change meaning. See docs/results.md.
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
  /** Present when the run asked for gradients (`--gradients`). */
  gradients?: LayerGradients;
  /** Present when the run asked for mean-field predictions (`--theory`). */
  theory?: LayerTheory;
}

/**
 * Backward pass at initialization (see README, "Gradients"): e ~ N(0, 1) at the top layer's output,
 * δ^L = φ'(A^L) ⊙ e, δ^l = φ'(A^l) ⊙ (δ^{l+1}·(W^{l+1})ᵀ). Statistics of δ^l over its finite values.
 */
export interface LayerGradients {
  /** Var(δ^l) (population), null when no value is finite. */
  variance: number | null;
  /** Mean of δ^l, null when no value is finite. */
  mean: number | null;
  /** NaN and ±Inf values of δ^l. */
  nonFinite: number;
  /** Exact zeros of δ^l divided by all its values (ReLU's dead units pass no gradient). */
  zeroFraction: number;
  /** Histogram of δ^l on [−m, m], m = the largest finite |δ^l| (or [−1, 1] when all are 0). */
  histogram: Histogram;
  /** Frobenius norm of the weight gradient (Z^{l−1})ᵀ·δ^l (Z^0 = X); null when not finite. */
  weightGradNorm: number | null;
}

/**
 * Mean-field predictions for one layer (Poole et al. 2016; Schoenholz et al. 2017). A value that
 * leaves f64's range (an exploding stack) is null.
 */
export interface LayerTheory {
  /** Predicted pre-activation variance q^l. */
  q: number | null;
  /** Predicted post-activation mean E[φ(√q·z)]. */
  mean: number | null;
  /** Predicted post-activation standard deviation. */
  std: number | null;
  /** χ^l = σ_w²·E[φ'(√q^l·z)²]: the factor by which gradient variance grows going down through the layer. */
  chi: number | null;
  /** Predicted Var(δ^l) of the backward pass (e ~ N(0, 1) at the top), as width → ∞. */
  gradientVariance: number | null;
  /** Expected count in each bin of this layer's histogram edges (fractional), and outside them; null when q is not finite. */
  counts: number[] | null;
  below: number | null;
  above: number | null;
}

/** Where a configuration sits in mean-field theory. */
export type Phase = 'ordered' | 'critical' | 'chaotic';

/** Mean-field summary of one run (its fixed point), present with `--theory`. */
export interface RunTheory {
  /** σ_w² = fan_in·Var(W) of the first layer (mean-field convention W ~ N(0, σ_w²/N)). */
  sigmaW2: number;
  /** σ_b² = Var(b). */
  sigmaB2: number;
  /** The fixed point q* of the variance map, null when it diverges. */
  qStar: number | null;
  /** χ₁ at q*: < 1 ordered (gradients vanish), > 1 chaotic (they explode), ≈ 1 critical. */
  chi1: number | null;
  phase: Phase | null;
  /** Correlation depth scale ξ_c in layers; null when infinite (at criticality) or when q* diverges. */
  depthScale: number | null;
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
  /** Present with `--theory`. */
  theory?: RunTheory;
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
  /** Input features then each layer's width, when the widths differ (`--widths 784,100,100,10`). */
  widths?: number[];
  /** Standard deviation of the biases b ~ N(0, σ_b²); absent when 0 (no bias, as in the book). */
  biasStd?: number;
  /** True when the backward pass was run. */
  gradients?: boolean;
  /** True when mean-field predictions were computed. */
  theory?: boolean;
}

/** The `initscope phase` document: χ₁ over (σ_w², σ_b²) for one activation. */
export interface PhaseDiagram {
  tool: 'initscope';
  version: string;
  activation: string;
  /** Grid axes. */
  sigmaW2: number[];
  sigmaB2: number[];
  /** chi1[i][j] at (sigmaB2[i], sigmaW2[j]); null where the fixed point diverges. */
  chi1: (number | null)[][];
  /** The χ₁ = 1 edge of chaos: for each σ_b², the σ_w² where χ₁ crosses 1 (null when it does not in range). */
  edge: { sigmaB2: number; sigmaW2: number | null }[];
  /** The user's configurations placed on the diagram. */
  points: {
    init: string;
    sigmaW2: number;
    sigmaB2: number;
    chi1: number | null;
    phase: Phase | null;
  }[];
}

/** The whole results document. */
export interface Results {
  tool: 'initscope';
  version: string;
  config: ResultsConfig;
  runs: RunResult[];
}
