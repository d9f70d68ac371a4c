/**
 * A tiny plain-TS rerun of the book's §6.2 experiment (f64, seeded), so report tests draw
 * realistic results without depending on `@initscope/sim`.
 * Shapes: x is (samples, width); w is (width, width); each layer's a is (samples, width).
 */
import type { LayerGradients, LayerStats, Results, ResultsConfig, RunResult } from '@initscope/sim';
import { activationFn } from './activation-fns.js';
import { layerTheories, runTheory } from './mean-field.js';

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
  /** Input features then each layer's width, when they differ. */
  widths?: number[];
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

/** σ of N(0, σ²) weights for an initializer id and a layer's fans. */
export function weightScale(init: string, fanIn: number, fanOut = fanIn): number {
  if (init === 'xavier' || init === 'lecun') return Math.sqrt(1 / fanIn);
  if (init === 'he') return Math.sqrt(2 / fanIn);
  if (init === 'glorot-normal') return Math.sqrt(2 / (fanIn + fanOut));
  return Number(init.slice('std:'.length));
}

function defaultRange(activation: string, values: Float64Array): [number, number] {
  const name = activation.split(':')[0];
  if (name === 'sigmoid') return [0, 1];
  if (name === 'tanh' || name === 'softsign') return [-1, 1];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (name === 'relu') return [0, max > 0 ? max : 1];
  if (!(max > min)) return [Number.isFinite(min) ? min : 0, (Number.isFinite(min) ? min : 0) + 1];
  return [min, max];
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

/** What a run computes beyond the forward statistics. */
export interface RunExtras {
  /** The backward pass at initialization (sim's `--gradients` protocol). */
  gradients?: boolean;
  /** Mean-field predictions (book activations only). */
  theory?: boolean;
}

/** Statistics of a gradient δ (samples, width) as the results contract defines them. */
function gradientStats(delta: Float64Array, bins: number, weightGradNorm: number): LayerGradients {
  let m = 0;
  for (const v of delta) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  const stats = layerStats(0, delta, bins, m > 0 ? [-m, m] : [-1, 1]);
  return {
    variance: stats.std === null ? null : stats.std ** 2,
    mean: stats.mean,
    nonFinite: stats.nonFinite,
    histogram: stats.histogram,
    weightGradNorm: Number.isFinite(weightGradNorm) ? weightGradNorm : null,
  };
}

/** out = a · bᵀ: a is (rows, k), b is (n, k); out is (rows, n). */
function timesTransposed(a: Float64Array, b: Float64Array, rows: number, k: number, n: number) {
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < k; i++) sum += (a[r * k + i] ?? 0) * (b[j * k + i] ?? 0);
      out[r * n + j] = sum;
    }
  }
  return out;
}

/** ‖zᵀ·δ‖_F: z is (samples, fanIn), δ is (samples, fanOut). */
function weightGradientNorm(z: Float64Array, delta: Float64Array, samples: number, fanIn: number) {
  const fanOut = delta.length / samples;
  const g = new Float64Array(fanIn * fanOut);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < fanIn; i++) {
      const zi = z[s * fanIn + i] ?? 0;
      if (zi === 0) continue;
      for (let j = 0; j < fanOut; j++)
        g[i * fanOut + j] = (g[i * fanOut + j] ?? 0) + zi * (delta[s * fanOut + j] ?? 0);
    }
  }
  let sum = 0;
  for (const v of g) sum += v * v;
  return Math.sqrt(sum);
}

/** One (activation, init) run of the book's experiment; `config.widths` gives uneven layers. */
export function runBook(
  activation: string,
  init: string,
  config: ExperimentConfig,
  extras: RunExtras = {},
): RunResult {
  const { layers, width, samples, bins, seed } = config;
  const widths = config.widths ?? Array.from({ length: layers + 1 }, () => width);
  const { phi, dphi } = activationFn(activation);
  const uniform = generator(seed);
  const input = normals(uniform, samples * (widths[0] ?? width));
  let x = input;
  const stats: LayerStats[] = [];
  const weightStd: number[] = [];
  const weights: Float64Array[] = [];
  const pre: Float64Array[] = [];
  const post: Float64Array[] = [input];
  for (let layer = 1; layer <= layers; layer++) {
    const fanIn = widths[layer - 1] ?? width;
    const fanOut = widths[layer] ?? width;
    const scale = weightScale(init, fanIn, fanOut);
    weightStd.push(scale);
    const w = normals(uniform, fanIn * fanOut).map((v) => v * scale);
    const h = new Float64Array(samples * fanOut);
    // h = x · w: x is (samples, fanIn), w is (fanIn, fanOut)
    for (let s = 0; s < samples; s++) {
      const row = s * fanIn;
      const out = s * fanOut;
      for (let k = 0; k < fanIn; k++) {
        const xk = x[row + k] ?? 0;
        const wk = k * fanOut;
        for (let j = 0; j < fanOut; j++) h[out + j] = (h[out + j] ?? 0) + xk * (w[wk + j] ?? 0);
      }
    }
    const a = h.map(phi);
    stats.push(layerStats(layer, a, bins, config.range ?? defaultRange(activation, a)));
    weights.push(w);
    pre.push(h);
    post.push(a);
    x = a;
  }
  if (extras.gradients) {
    // e ~ N(0, 1) at the top output; δ^L = φ'(h^L) ⊙ e; δ^l = φ'(h^l) ⊙ (δ^{l+1} · (W^{l+1})ᵀ)
    let upstream = normals(uniform, samples * (widths[layers] ?? width));
    for (let layer = layers; layer >= 1; layer--) {
      const h = pre[layer - 1] ?? new Float64Array();
      const delta = h.map((v, i) => dphi(v) * (upstream[i] ?? 0));
      const fanIn = widths[layer - 1] ?? width;
      const fanOut = widths[layer] ?? width;
      const norm = weightGradientNorm(post[layer - 1] ?? input, delta, samples, fanIn);
      const layerStats = stats[layer - 1];
      if (layerStats) layerStats.gradients = gradientStats(delta, bins, norm);
      // W^l is (fanIn, fanOut) stored row-major, so δ·Wᵀ is δ (samples, fanOut) times rows of W
      upstream = timesTransposed(
        delta,
        weights[layer - 1] ?? new Float64Array(),
        samples,
        fanOut,
        fanIn,
      );
    }
  }
  const run: RunResult = { activation, init, state: 'completed', weightStd, layers: stats };
  if (extras.theory) {
    const sigmaW2 = weightStd.map((std, i) => (widths[i] ?? width) * std * std);
    const totals = widths.slice(1).map((n) => n * samples);
    const theories = layerTheories(
      activation,
      sigmaW2,
      stats.map((layer) => layer.histogram),
      totals,
    );
    stats.forEach((layer, i) => {
      layer.theory = theories[i];
    });
    run.theory = runTheory(activation, sigmaW2[0] ?? 0);
  }
  return run;
}

/** The whole sweep: every book activation × every book initializer (12 runs by default). */
export function bookResults(
  config: ExperimentConfig = bookConfig,
  activations: readonly string[] = bookActivations,
  inits: readonly string[] = bookInits,
  extras: RunExtras = {},
): Results {
  const runs = activations.flatMap((activation) =>
    inits.map((init) => runBook(activation, init, config, extras)),
  );
  const resultsConfig: ResultsConfig = { ...config };
  if (extras.gradients) resultsConfig.gradients = true;
  if (extras.theory) resultsConfig.theory = true;
  return { tool: 'initscope', version: '0.1.0', config: resultsConfig, runs };
}
