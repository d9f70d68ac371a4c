import type { LayerStats, RunResult, SeedBand, SeedSummary } from '@initscope/results';

/** The q-quantile of sorted values by linear interpolation (NumPy's default `linear` method). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (position - lo);
}

/** Mean, sample sd (ddof 1; 0 for one value), min and max of the non-null values. */
export function seedSummary(values: readonly (number | null | undefined)[]): SeedSummary {
  const xs = values.filter((x): x is number => typeof x === 'number');
  if (xs.length === 0) return { mean: null, sd: null, min: null, max: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  const sd = xs.length > 1 ? Math.sqrt(squares / (xs.length - 1)) : 0;
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

function sameEdges(layers: readonly LayerStats[]): boolean {
  const first = (layers[0] as LayerStats).histogram.edges;
  return layers.every(
    (layer) =>
      layer.histogram.edges.length === first.length &&
      layer.histogram.edges.every((edge, i) => edge === first[i]),
  );
}

/** The band of one layer over the seeds that measured it (each seed's LayerStats of that layer). */
export function layerBand(layers: readonly LayerStats[]): SeedBand {
  const field = (pick: (layer: LayerStats) => number | null | undefined) =>
    seedSummary(layers.map(pick));
  const band: SeedBand = {
    seeds: layers.length,
    std: field((layer) => layer.std),
    mean: field((layer) => layer.mean),
    zeroFraction: field((layer) => layer.zeroFraction),
  };
  // Saturation is a layer field only where the core counts it; band it when every seed has it.
  const saturation = layers.map((layer) => (layer as { saturation?: unknown }).saturation);
  if (saturation.every((x) => typeof x === 'number' || x === null)) {
    band.saturation = seedSummary(saturation as (number | null)[]);
  }
  if (layers.every((layer) => layer.gradients !== undefined)) {
    band.gradientVariance = field((layer) => layer.gradients?.variance);
  }
  if (sameEdges(layers)) {
    const bins = (layers[0] as LayerStats).histogram.counts.length;
    const median: number[] = [];
    const p10: number[] = [];
    const p90: number[] = [];
    for (let b = 0; b < bins; b++) {
      const counts = layers
        .map((layer) => layer.histogram.counts[b] as number)
        .sort((x, y) => x - y);
      median.push(quantileSorted(counts, 0.5));
      p10.push(quantileSorted(counts, 0.1));
      p90.push(quantileSorted(counts, 0.9));
    }
    band.histogram = { median, p10, p90 };
  }
  return band;
}

/**
 * The runs of the first seed with a `band` on every layer, from each seed's runs of the sweep
 * (`perSeed[s][r]`: seed `seed + s`, run r in sweep order). A run that errored in some seeds is
 * banded over the seeds where it completed; a run that errored in the first seed stays errored.
 */
export function withSeedBands(perSeed: readonly (readonly RunResult[])[]): RunResult[] {
  const first = perSeed[0] ?? [];
  return first.map((run, r) => {
    if (run.state !== 'completed') return run;
    const layers = run.layers.map((layer, l) => {
      const measured: LayerStats[] = [];
      for (const runs of perSeed) {
        const other = runs[r];
        if (other?.state === 'completed' && other.layers[l]) measured.push(other.layers[l]);
      }
      return { ...layer, band: layerBand(measured) };
    });
    return { ...run, layers };
  });
}
