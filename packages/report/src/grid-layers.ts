/** Stacks up to this deep show every layer in the histogram grid. */
export const allGridLayersUpTo = 8;

/**
 * The layers a histogram grid shows for a stack of `layers`: every layer up to
 * {@link allGridLayersUpTo}; deeper, the first, the 1-2-5 steps 2, 5, 10, 20, 50, 100, … below the
 * last, and the last (20 layers: 1, 2, 5, 10, 20; 50: 1, 2, 5, 10, 20, 50; 30: 1, 2, 5, 10, 20, 30).
 */
export function gridLayers(layers: number): number[] {
  if (layers <= allGridLayersUpTo) return Array.from({ length: layers }, (_, i) => i + 1);
  const shown = [1];
  for (let decade = 1; decade < layers; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const layer = step * decade;
      if (layer > 1 && layer < layers) shown.push(layer);
    }
  }
  shown.push(layers);
  return shown;
}

/** At most about this many labels on a layer axis. */
const maxLayerLabels = 6;

/**
 * The labelled layers of a layer axis: every layer up to 10; deeper, 1, the multiples of the
 * smallest 1-2-5 step that keeps about {@link maxLayerLabels} labels, and the last layer
 * (20 layers: 1, 5, 10, 15, 20; 50: 1, 10, 20, 30, 40, 50).
 */
export function layerTicks(layers: number): number[] {
  if (layers <= 10) return Array.from({ length: layers }, (_, i) => i + 1);
  const raw = layers / maxLayerLabels;
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * decade).find((k) => k >= raw) ?? 10 * decade;
  const ticks = [1];
  for (let layer = step; layer < layers; layer += step) ticks.push(layer);
  // the last layer replaces a step label too close to it
  if (layers - (ticks.at(-1) as number) < step / 2 && ticks.length > 1) ticks.pop();
  ticks.push(layers);
  return ticks;
}
