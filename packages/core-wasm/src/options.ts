import type {
  HistogramCounts,
  HistogramRange,
  LayerPass,
  SaturationBounds,
  StatsRequest,
} from './stats.js';

/** Default `scale` of the activation passes: the plain activation, out = act(x). */
export const defaultScale = 1;

/** Options of the elementwise activations and of dense (`activate`, `dense` and their `…Into`). */
export interface ActivationOptions {
  /**
   * Multiplies each input (each finished dot product in dense) before the activation:
   * out = act(f32(scale·x)), the product in f32 with scale rounded to f32. Lets one set of
   * standard-normal weights serve every σ: act(x·(σW)) is computed as act(σ·(x·W)).
   * @default defaultScale (1: the input unchanged)
   */
  scale?: number;
  /**
   * α of `leaky-relu` (slope for x ≤ 0) and `elu` (limit −α); an error for the other kinds.
   * @default activationAlphas[kind]
   */
  alpha?: number;
}

/** Options of `activateInto` and `denseInto`: the activation's and the statistics to measure in the same pass. */
export interface PassOptions extends ActivationOptions {
  /**
   * Statistics of the outputs, computed while they are in registers (no second sweep): a
   * `LayerPass` is returned. `'moments'` or a histogram range `{ lo, hi, bins }`.
   * @default undefined (nothing measured, nothing returned)
   */
  stats?: StatsRequest;
  /**
   * With `stats`: the bounds of the activation's outputs; the pass then also counts the finite
   * outputs within `saturationMargin` of a bound (`LayerPass.saturated`), over every value.
   * @default undefined (not counted)
   */
  saturation?: SaturationBounds;
}

/** Options of `derivativeInto`, `backwardInto` and their copying forms. */
export interface DerivativeOptions {
  /** α of `leaky-relu` and `elu` (an error for the other kinds). @default activationAlphas[kind] */
  alpha?: number;
}

/**
 * What `denseInto` and `activateInto` return for options `O`: a LayerPass with its counts for a
 * histogram range, a LayerPass for `'moments'`, nothing without `stats`.
 */
export type PassResult<O> = O extends { stats: HistogramRange }
  ? LayerPass & HistogramCounts
  : O extends { stats: StatsRequest }
    ? LayerPass
    : O extends number | undefined | { stats?: undefined }
      ? undefined
      : LayerPass | undefined;
