/**
 * Results the report tests draw: documents the real CLI wrote (`@initscope/results` fixtures,
 * rewritten by `npm run fixtures -w @initscope/results`), validated on load, and small hand-made
 * objects for edge cases no run produces on purpose.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type CompletedRun,
  type ErroredRun,
  type Histogram,
  type LayerStats,
  type PhaseDiagram,
  type Results,
  type Training,
  validatePhaseDiagram,
  validateResults,
  validateTraining,
} from '@initscope/results';

const require = createRequire(import.meta.url);
const loaded = new Map<string, Results | PhaseDiagram | Training>();

/** A fixture of `@initscope/results`, parsed and checked against the schema once. */
function fixture<T extends Results | PhaseDiagram | Training>(
  name: string,
  validate: (json: unknown) => { valid: true; value: T } | { valid: false; errors: string[] },
): T {
  let value = loaded.get(name);
  if (!value) {
    const file = require.resolve(`@initscope/results/fixtures/${name}.json`);
    const outcome = validate(JSON.parse(readFileSync(file, 'utf8')));
    if (!outcome.valid) throw new Error(`fixtures/${name}.json: ${outcome.errors.join('; ')}`);
    value = outcome.value;
    loaded.set(name, value);
  }
  return value as T;
}

/**
 * The results documents of `@initscope/results/fixtures/` (command lines in its `scripts/fixtures.mjs`):
 * - `book`: the book's sweep, sigmoid, relu, tanh × std:1, std:0.01, xavier, he; 5 layers of 100; 200 samples; seed 42
 * - `book-plot`: the same as `--book` bins it (range [0, 1], 30 bins)
 * - `gradients-theory`: the same with the backward pass and mean-field predictions
 * - `zoo`: leaky-relu:0.2, softsign, gelu, selu × lecun, he, std:1, std:1e40 (errored) on widths
 *   64 → 128 → 64 → 32, with biases and gradients
 * - `deep`: tanh, relu × xavier, he through 20 layers of 32, 10 bins
 * - `errored`: tanh, relu × he, std:1e40 (errored)
 * - `overflow`: relu × std:1 (NaN/Inf from layer 29), std:1e30 (from layer 2) through 32 layers of
 *   1000, with gradients and theory
 */
export type ResultsFixture =
  | 'book'
  | 'book-plot'
  | 'gradients-theory'
  | 'zoo'
  | 'deep'
  | 'errored'
  | 'overflow';

/** A results fixture (see {@link ResultsFixture}), parsed and validated once. */
export function resultsFixture(name: ResultsFixture): Results {
  return fixture(name, validateResults);
}

/** The χ₁ phase diagram `initscope phase --activation <activation>` writes (default grid and inits). */
export function phaseFixture(activation: 'tanh' | 'relu' = 'tanh'): PhaseDiagram {
  return fixture(`phase-${activation}`, validatePhaseDiagram);
}

/**
 * The training document `initscope train --widths 784,16,10 --inits std:0.01,he --iterations 20
 * --eval-every 10 --checkpoints 0,20 --seeds 2` writes (every run has a band over 2 seeds).
 */
export function trainingFixture(): Training {
  return fixture('train-seeds', validateTraining);
}

/** The completed run of (activation, init) in `results`; throws when there is none. */
export function runOf(results: Results, activation: string, init: string): CompletedRun {
  const run = results.runs.find((r) => r.activation === activation && r.init === init);
  if (run?.state !== 'completed') throw new Error(`no completed ${activation} ${init} run`);
  return run;
}

/** relu std:1 through 32 layers of 1000: its values overflow f32 from layer 29 on. */
export function overflowRun(): CompletedRun {
  return runOf(resultsFixture('overflow'), 'relu', 'std:1');
}

/**
 * The book's sweep plus the errored runs of the errored fixture (tanh and relu std:1e40) and the
 * relu std:1e30 run of the overflow fixture (32 layers, NaN/Inf from layer 2 on).
 */
export function troubledResults(): Results {
  const base = resultsFixture('book');
  const errored = resultsFixture('errored').runs.filter((run) => run.state === 'errored');
  const overflow = runOf(resultsFixture('overflow'), 'relu', 'std:1e30');
  return { ...base, runs: [...base.runs, ...errored, overflow] };
}

/** An errored run with a given message, for messages no run writes (markup, quotes). */
export function erroredRun(activation: string, init: string, message: string): ErroredRun {
  return { activation, init, state: 'errored', message, weightStd: [], layers: [] };
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
export function runWith(activation: string, layers: LayerStats[], init = 'test'): CompletedRun {
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
