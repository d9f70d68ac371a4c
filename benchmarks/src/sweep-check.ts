import type { LayerStats, RunResult } from '@initscope/sim';
import { type BookSweep, bookSweep } from './book.js';
import type { SweepRuns } from './sweep-runs.js';
import { ValidationError } from './validation-error.js';

// Engines draw different random numbers, so sweeps are compared statistically, loosely: enough to
// catch a wrong scale, activation or histogram, not to flag sampling noise (5 compounded layers;
// over seven seeds and three peers the largest deviation used under two thirds of its tolerance).

/** A layer's std may differ from the reference's by at most this factor either way. */
export const sweepStdFactor = 2;

/** |mean − mean_ref| may be at most this fraction of (|mean_ref| + std_ref). */
export const sweepMeanTolerance = 0.5;

/** Total-variation distance allowed between fixed-range histograms (sigmoid, tanh). */
export const sweepHistogramDistance = 0.5;

/**
 * Histograms are compared across engines only when the reference spreads over at least this many
 * bin widths (one std): a narrow layer (std:0.01) sits on one or two bins and its split between
 * them follows its sampled mean, which the mean check already covers.
 */
export const sweepHistogramMinSpread = 3;

/** A histogram's mean (from bin centres) may miss the layer's mean by this many bin widths (binning error ≤ ½). */
export const histogramMeanBins = 0.55;

/** Activations whose histogram range does not depend on the data, so histograms compare directly. */
const fixedRange = new Set(['sigmoid', 'tanh']);

function where(run: RunResult, layer: LayerStats): string {
  return `${run.activation}/${run.init} layer ${layer.layer}`;
}

/**
 * Checks one engine's sweep on its own: every run completed, stats finite, every finite value in
 * the histogram, and the histogram's mean within {@link histogramMeanBins} bins of the layer's.
 */
export function checkSweepShape(
  engine: string,
  got: SweepRuns,
  sweep: BookSweep = bookSweep,
): void {
  const fail = (what: string) => new ValidationError(`${engine} sweep: ${what}`);
  const expected = sweep.activations.length * sweep.inits.length;
  if (got.runs.length !== expected) throw fail(`${got.runs.length} runs, expected ${expected}`);
  for (const run of got.runs) {
    if (run.state !== 'completed') {
      throw fail(`${run.activation}/${run.init} ${run.state}: ${run.message}`);
    }
    if (run.layers.length !== sweep.layers) {
      throw fail(
        `${run.activation}/${run.init} has ${run.layers.length} layers, expected ${sweep.layers}`,
      );
    }
    for (const layer of run.layers) {
      const { histogram } = layer;
      if (layer.std === null || layer.mean === null || !Number.isFinite(layer.std)) {
        throw fail(`${where(run, layer)} has no finite statistics`);
      }
      if (histogram.counts.length !== sweep.bins) {
        throw fail(
          `${where(run, layer)} histogram has ${histogram.counts.length} bins, expected ${sweep.bins}`,
        );
      }
      const counted =
        histogram.counts.reduce((s, c) => s + c, 0) + histogram.below + histogram.above;
      const finite = sweep.samples * sweep.width - layer.nonFinite;
      if (counted !== finite) {
        throw fail(`${where(run, layer)} histogram holds ${counted} values, expected ${finite}`);
      }
      const offset = histogramMeanOffset(layer);
      if (offset !== undefined && Math.abs(offset) > histogramMeanBins) {
        throw fail(
          `${where(run, layer)} histogram's mean is ${offset.toFixed(2)} bin widths from the layer's mean`,
        );
      }
    }
  }
}

/**
 * How far the histogram's mean (bin centres weighted by counts) lies from the layer's mean, in
 * bin widths; undefined when some values fall outside the histogram's range.
 */
export function histogramMeanOffset(layer: LayerStats): number | undefined {
  const { edges, counts, below, above } = layer.histogram;
  if (below + above > 0 || layer.mean === null) return undefined;
  const lo = edges[0] as number;
  const width = ((edges[edges.length - 1] as number) - lo) / counts.length;
  let total = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    total += c;
    sum += c * (lo + (i + 0.5) * width);
  });
  return total > 0 ? (sum / total - layer.mean) / width : undefined;
}

/** Total-variation distance between two histograms' in-range proportions. */
export function histogramDistance(a: readonly number[], b: readonly number[]): number {
  const ta = a.reduce((s, c) => s + c, 0) || 1;
  const tb = b.reduce((s, c) => s + c, 0) || 1;
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance += Math.abs((a[i] ?? 0) / ta - (b[i] ?? 0) / tb);
  return distance / 2;
}

/**
 * Checks an engine's sweep against a reference sweep (initscope's), run by run and layer by layer:
 * std within {@link sweepStdFactor}, mean within {@link sweepMeanTolerance}, and fixed-range
 * histograms within {@link sweepHistogramDistance}. Throws ValidationError on the first miss.
 */
export function checkSweep(
  engine: string,
  got: SweepRuns,
  reference: SweepRuns,
  sweep: BookSweep = bookSweep,
): void {
  checkSweepShape(engine, got, sweep);
  const fail = (what: string) => new ValidationError(`${engine} sweep: ${what}`);
  for (const ref of reference.runs) {
    const run = got.runs.find((r) => r.activation === ref.activation && r.init === ref.init);
    if (!run) throw fail(`${ref.activation}/${ref.init} is missing`);
    ref.layers.forEach((want, i) => {
      const have = run.layers[i] as LayerStats;
      const [std, refStd] = [have.std as number, want.std as number];
      const [mean, refMean] = [have.mean as number, want.mean as number];
      const label = `${where(run, have)}: `;
      if (!(std <= refStd * sweepStdFactor && std * sweepStdFactor >= refStd)) {
        throw fail(
          `${label}std ${std.toPrecision(3)} vs reference ${refStd.toPrecision(3)} (outside ×${sweepStdFactor})`,
        );
      }
      if (Math.abs(mean - refMean) > sweepMeanTolerance * (Math.abs(refMean) + refStd)) {
        throw fail(`${label}mean ${mean.toPrecision(3)} vs reference ${refMean.toPrecision(3)}`);
      }
      const edges = want.histogram.edges;
      const binWidth =
        ((edges[edges.length - 1] as number) - (edges[0] as number)) / want.histogram.counts.length;
      if (fixedRange.has(run.activation) && refStd >= sweepHistogramMinSpread * binWidth) {
        const distance = histogramDistance(have.histogram.counts, want.histogram.counts);
        if (distance > sweepHistogramDistance) {
          throw fail(
            `${label}histogram differs from the reference's by ${distance.toFixed(2)} (TV distance)`,
          );
        }
      }
    });
  }
}
