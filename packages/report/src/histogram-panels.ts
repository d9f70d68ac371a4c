import type { Histogram, LayerStats, RunResult } from '@initscope/results';
import { activationProfile } from './activation-profile.js';
import { layerTotal } from './layer-total.js';
import { binIndex, bookBins, bookRange, evenEdges, rebin } from './rebin.js';

/** One bar of a histogram panel. */
export interface PanelBin {
  x0: number;
  x1: number;
  count: number;
}

/** What one (initializer, layer) panel of the histogram grid draws and notes. */
export interface Panel {
  init: string;
  layer: number;
  bins: PanelBin[];
  /** All of the layer's values (`samples × width`). */
  total: number;
  /** Exact zeros drawn apart from the bars (ReLU); 0 when they stay in their bin. */
  zeros: number;
  /** Finite values below / above the plotted range (default mode). */
  below: number;
  above: number;
  nonFinite: number;
  /** Book mode: every value the book's plot leaves out (outside (0, 1), and NaN/Inf); 0 otherwise. */
  hidden: number;
  /** Book mode: the counts were re-binned from another binning, so they are estimates. */
  approximate: boolean;
  /** Mean-field expected count of each bin, on the same bins (exact zeros taken out as from the bars). */
  expected?: number[];
  /** The layer's measured std (activations: `std`; gradients: √Var(δˡ)); null when not finite. */
  std: number | null;
}

/** How the grid bins its panels. */
export interface PanelMode {
  /** The book's plot: 30 bins over (0, 1), with what it hides counted. */
  book: boolean;
}

/**
 * The histogram panels of a completed run, one per layer. Default mode plots the data's own bins
 * and, for ReLU, takes the exact zeros (zeroFraction × samples·width) out of the bin at 0;
 * book mode plots 30 bins over (0, 1) as the book does.
 */
export function histogramPanels(run: RunResult, mode: PanelMode): Panel[] {
  const { exactZeros } = activationProfile(run.activation);
  return run.layers.map((stats) => {
    const { histogram } = stats;
    const total = layerTotal(stats);
    const zeros = Math.round(stats.zeroFraction * total);
    const base = {
      init: run.init,
      layer: stats.layer,
      total,
      nonFinite: stats.nonFinite,
      std: finiteOrNull(stats.std),
    };
    const theory = expectedHistogram(stats);
    // ReLU's point mass at 0 is half of all values for zero-mean pre-activations.
    const expectedZeros = exactZeros && theory ? theoryTotal(theory) / 2 : 0;
    if (mode.book) {
      const edges = evenEdges(bookRange, bookBins);
      const { counts, exact } = rebin(histogram, edges, zeros);
      const shown = counts.reduce((sum, count) => sum + count, 0);
      const expected = theory ? rebin(theory, edges, expectedZeros).counts : undefined;
      return {
        ...(expected ? { expected } : {}),
        ...base,
        bins: toBins(edges, counts),
        zeros: 0,
        below: 0,
        above: 0,
        hidden: Math.max(0, total - shown),
        approximate: !exact,
      };
    }
    const counts = [...histogram.counts];
    let { below, above } = histogram;
    let apart = 0;
    if (exactZeros && zeros > 0) {
      const at = binIndex(histogram.edges, 0);
      if (at >= 0) {
        apart = Math.min(zeros, counts[at] ?? 0);
        counts[at] = (counts[at] ?? 0) - apart;
      } else if ((histogram.edges[0] ?? 0) > 0) {
        apart = Math.min(zeros, below);
        below -= apart;
      } else {
        apart = Math.min(zeros, above);
        above -= apart;
      }
    }
    let expected: number[] | undefined;
    if (theory) {
      expected = [...theory.counts];
      const at = binIndex(histogram.edges, 0);
      if (expectedZeros > 0 && at >= 0) {
        expected[at] = Math.max(0, (expected[at] ?? 0) - expectedZeros);
      }
    }
    return {
      ...(expected ? { expected } : {}),
      ...base,
      bins: toBins(histogram.edges, counts),
      zeros: apart,
      below,
      above,
      hidden: 0,
      approximate: false,
    };
  });
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value != null && Number.isFinite(value) ? value : null;
}

function toBins(edges: readonly number[], counts: readonly number[]): PanelBin[] {
  return counts.map((count, i) => ({ x0: edges[i] ?? 0, x1: edges[i + 1] ?? 0, count }));
}

/** A layer's mean-field expected counts as a histogram on its edges; undefined without usable theory. */
function expectedHistogram(stats: LayerStats): Histogram | undefined {
  const theory = stats.theory;
  const counts = theory?.counts;
  if (!theory || !counts || counts.length !== stats.histogram.counts.length) return undefined;
  if (!counts.every(Number.isFinite)) return undefined;
  return {
    edges: stats.histogram.edges,
    counts,
    below: theory.below ?? 0,
    above: theory.above ?? 0,
  };
}

function theoryTotal(histogram: Histogram): number {
  return histogram.counts.reduce((sum, count) => sum + count, histogram.below + histogram.above);
}

/** The gradient panels of a completed run, one per layer that carries gradients: δˡ on its own symmetric bins. */
export function gradientPanels(run: RunResult): Panel[] {
  return run.layers.flatMap((stats) => {
    const gradients = stats.gradients;
    if (!gradients) return [];
    const { histogram, nonFinite } = gradients;
    const total = histogram.counts.reduce(
      (sum, count) => sum + count,
      histogram.below + histogram.above + nonFinite,
    );
    return [
      {
        init: run.init,
        layer: stats.layer,
        bins: toBins(histogram.edges, histogram.counts),
        total,
        zeros: 0,
        below: histogram.below,
        above: histogram.above,
        nonFinite,
        hidden: 0,
        approximate: false,
        std: gradients.variance == null ? null : finiteOrNull(Math.sqrt(gradients.variance)),
      },
    ];
  });
}
