/**
 * Results the report tests draw: the book's 12-run sweep from a tiny seeded simulation
 * (test/book-experiment.ts), and crafted runs for verdicts, overflow and errors.
 */
import type { Histogram, LayerStats, PhaseDiagram, Results, RunResult } from '@initscope/sim';
import {
  bookActivations,
  bookConfig,
  bookInits,
  bookResults,
  layerStats,
  weightScale,
} from './book-experiment.js';
import { phaseDiagram } from './mean-field.js';

let book: Results | undefined;
let bookRange01: Results | undefined;
let insight: Results | undefined;
let zoo: Results | undefined;
const diagrams = new Map<string, PhaseDiagram>();

/** The default report's input: sigmoid, relu, tanh × std:1, std:0.01, xavier, he; 5 layers of 100; 1000 samples. */
export function defaultResults(): Results {
  if (!book) book = bookResults();
  return book;
}

/** The same sweep binned as `--book` does: range [0, 1], 30 bins. */
export function bookRangeResults(): Results {
  if (!bookRange01) bookRange01 = bookResults({ ...bookConfig, range: [0, 1] });
  return bookRange01;
}

/** The book's 12 runs with the backward pass and mean-field predictions (`--gradients --theory`). */
export function insightResults(): Results {
  insight ??= bookResults(bookConfig, bookActivations, bookInits, {
    gradients: true,
    theory: true,
  });
  return insight;
}

/**
 * Zoo activations (with a parameter, bounded and unbounded) on uneven widths 64 → 128 → 64 → 32,
 * with gradients, plus an errored run.
 */
export function zooResults(): Results {
  if (!zoo) {
    const config = {
      layers: 3,
      width: 64,
      samples: 200,
      bins: 30,
      seed: 7,
      widths: [64, 128, 64, 32],
    };
    const base = bookResults(
      config,
      ['leaky-relu:0.2', 'softsign', 'gelu', 'selu'],
      ['lecun', 'he', 'std:1'],
      {
        gradients: true,
      },
    );
    zoo = {
      ...base,
      runs: [...base.runs, erroredRun('gelu', 'orthogonal:auto', 'QR failed: matrix is singular')],
    };
  }
  return zoo;
}

/** σ_w² of the book's initializers at width 100, placed on a phase diagram at σ_b² = 0. */
export function bookPoints(): { init: string; sigmaW2: number; sigmaB2: number }[] {
  return bookInits.map((init) => ({
    init,
    sigmaW2: 100 * weightScale(init, 100) ** 2,
    sigmaB2: 0,
  }));
}

/** A phase diagram over σ_w² 0.25…4 and σ_b² 0…0.5 with the book's initializers placed on it. */
export function phaseFixture(activation: 'tanh' | 'relu' | 'sigmoid' = 'tanh'): PhaseDiagram {
  let diagram = diagrams.get(activation);
  if (!diagram) {
    const sigmaW2 = Array.from({ length: 16 }, (_, i) => 0.25 * (i + 1));
    const sigmaB2 = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
    diagram = phaseDiagram(activation, sigmaW2, sigmaB2, bookPoints());
    diagrams.set(activation, diagram);
  }
  return diagram;
}

/** Normal(mean, std) values from a fixed-seed LCG, cheap enough for crafted layers. */
export function normalValues(n: number, mean: number, std: number, seed = 1): Float64Array {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    out[i] = mean + std * r * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}

/** A layer's statistics from explicit values, binned over `range` with 30 bins. */
export function statsOf(layer: number, values: Float64Array, range: [number, number]): LayerStats {
  return layerStats(layer, values, 30, range);
}

/** A completed run whose layers are given value arrays. */
export function craftedRun(
  activation: string,
  init: string,
  layers: Float64Array[],
  range: (values: Float64Array) => [number, number],
): RunResult {
  return {
    activation,
    init,
    state: 'completed',
    weightStd: layers.map(() => 1),
    layers: layers.map((values, i) => statsOf(i + 1, values, range(values))),
  };
}

/** An errored run, as sim reports a failure. */
export function erroredRun(activation: string, init: string, message: string): RunResult {
  return { activation, init, state: 'errored', message, weightStd: [], layers: [] };
}

/** A ReLU run whose values overflow to Infinity from layer 3 on. */
export function overflowRun(): RunResult {
  const n = 2000;
  const layers = [1, 2, 3, 4].map((layer) => {
    const values = normalValues(n, 0, 10 ** (layer * 10), layer).map((v) => Math.max(0, v));
    if (layer >= 3)
      for (let i = 0; i < n; i += layer === 3 ? 4 : 1) values[i] = Number.POSITIVE_INFINITY;
    return values;
  });
  return craftedRun('relu', 'std:1e10', layers, (values) => {
    let max = 0;
    for (const v of values) if (Number.isFinite(v) && v > max) max = v;
    return [0, max || 1];
  });
}

/** The default sweep plus one errored and one overflowing run. */
export function troubledResults(): Results {
  const base = defaultResults();
  return {
    ...base,
    runs: [
      ...base.runs,
      erroredRun('tanh', 'std:1e9', 'Weights too large: out of memory'),
      overflowRun(),
    ],
  };
}

/** Uniform bins over `[lo, hi]` as a histogram, with explicit counts (default 100 per bin). */
export function histogramOf(
  [lo, hi]: [number, number],
  counts: number[] = new Array(30).fill(100),
  tails: { below?: number; above?: number } = {},
): Histogram {
  const bins = counts.length;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  return { edges, counts, below: tails.below ?? 0, above: tails.above ?? 0 };
}

/** Crafted statistics of one layer: std 1 over [−1, 1] with 100 values per bin unless overridden. */
export function layerWith(layer: number, overrides: Partial<LayerStats> = {}): LayerStats {
  return {
    layer,
    mean: 0,
    std: 1,
    min: -1,
    max: 1,
    zeroFraction: 0,
    nonFinite: 0,
    histogram: histogramOf([-1, 1]),
    ...overrides,
  };
}

/** A completed run made of crafted layers. */
export function runWith(activation: string, layers: LayerStats[], init = 'test'): RunResult {
  return { activation, init, state: 'completed', weightStd: layers.map(() => 1), layers };
}

/** Counts for 30 bins over a sigmoid's [0, 1]: `edge` values in each outer bin (inside the 0.05 zones), `middle` at 0.5. */
export function sigmoidCounts(edge: number, middle: number): number[] {
  const counts = new Array<number>(30).fill(0);
  counts[0] = edge;
  counts[29] = edge;
  counts[15] = middle;
  return counts;
}
