/**
 * A tiny plain-TS rerun of the book's §6.2 experiment (f64, seeded), so report tests draw
 * realistic results without depending on `@initscope/sim`.
 * Shapes: x is (samples, width); w is (width, width); each layer's a is (samples, width).
 */
import type { LayerStats, Results, RunResult } from '@initscope/sim';

/** The book's activations. */
export const bookActivations = ['sigmoid', 'relu', 'tanh'] as const;
/** The book's initializers, in the order of its figures. */
export const bookInits = ['std:1', 'std:0.01', 'xavier', 'he'] as const;

export interface ExperimentConfig {
  layers: number;
  width: number;
  samples: number;
  bins: number;
  seed: number;
  range?: [number, number];
}

/** The book's setting: 1000 samples through 5 layers of width 100, 30 bins. */
export const bookConfig: ExperimentConfig = {
  layers: 5,
  width: 100,
  samples: 1000,
  bins: 30,
  seed: 42,
};

// xoshiro128**: https://prng.di.unimi.it/ seeded through splitmix32.
function generator(seed: number): () => number {
  let z = seed >>> 0 || 0x9e3779b9;
  const next32 = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b) >>> 0;
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35) >>> 0;
    return (t ^ (t >>> 16)) >>> 0;
  };
  const s = [next32(), next32(), next32(), next32()] as [number, number, number, number];
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result / 2 ** 32;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Standard normal draws by Box–Muller. */
function normals(uniform: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

const activationFns: Record<string, (x: number) => number> = {
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => Math.max(0, x),
  tanh: Math.tanh,
};

function weightScale(init: string, fanIn: number): number {
  if (init === 'xavier') return Math.sqrt(1 / fanIn);
  if (init === 'he') return Math.sqrt(2 / fanIn);
  return Number(init.slice('std:'.length));
}

function defaultRange(activation: string, values: Float64Array): [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return [0, max > 0 ? max : 1];
}

/** Statistics of one layer as the results contract defines them. */
export function layerStats(
  layer: number,
  values: Float64Array,
  bins: number,
  [lo, hi]: [number, number],
): LayerStats {
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  let zeros = 0;
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v === 0) zeros++;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < lo) below++;
    else if (v > hi) above++;
    else {
      const bin = Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
  }
  const mean = n > 0 ? sum / n : null;
  let squares = 0;
  if (mean !== null) for (const v of values) if (Number.isFinite(v)) squares += (v - mean) ** 2;
  return {
    layer,
    mean,
    std: n > 0 ? Math.sqrt(squares / n) : null,
    min: n > 0 ? min : null,
    max: n > 0 ? max : null,
    zeroFraction: zeros / values.length,
    nonFinite,
    histogram: { edges, counts, below, above },
  };
}

/** One (activation, init) run of the book's experiment. */
export function runBook(activation: string, init: string, config: ExperimentConfig): RunResult {
  const { layers, width, samples, bins, seed } = config;
  const f = activationFns[activation];
  if (!f) throw new Error(`Unknown activation "${activation}".`);
  const uniform = generator(seed);
  let x = normals(uniform, samples * width);
  const stats: LayerStats[] = [];
  const weightStd: number[] = [];
  for (let layer = 1; layer <= layers; layer++) {
    const scale = weightScale(init, width);
    weightStd.push(scale);
    const w = normals(uniform, width * width).map((v) => v * scale);
    const a = new Float64Array(samples * width);
    // a = f(x · w): x is (samples, width), w is (width, width)
    for (let s = 0; s < samples; s++) {
      const row = s * width;
      for (let k = 0; k < width; k++) {
        const xk = x[row + k] ?? 0;
        const wk = k * width;
        for (let j = 0; j < width; j++) a[row + j] = (a[row + j] ?? 0) + xk * (w[wk + j] ?? 0);
      }
      for (let j = 0; j < width; j++) a[row + j] = f(a[row + j] ?? 0);
    }
    stats.push(layerStats(layer, a, bins, config.range ?? defaultRange(activation, a)));
    x = a;
  }
  return { activation, init, state: 'completed', weightStd, layers: stats };
}

/** The whole sweep: every book activation × every book initializer (12 runs by default). */
export function bookResults(
  config: ExperimentConfig = bookConfig,
  activations: readonly string[] = bookActivations,
  inits: readonly string[] = bookInits,
): Results {
  const runs = activations.flatMap((activation) =>
    inits.map((init) => runBook(activation, init, config)),
  );
  return { tool: 'initscope', version: '0.1.0', config: { ...config }, runs };
}
