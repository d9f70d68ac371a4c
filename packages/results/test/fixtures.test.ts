/** The fixtures the real CLI wrote (`npm run fixtures`): valid, consistent, and covering the contract. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Results,
  type Training,
  validatePhaseDiagram,
  validateResults,
  validateTraining,
} from '../src/index.js';

const folder = new URL('../fixtures/', import.meta.url);
const names = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));
const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`${name}.json`, folder), 'utf8'));
const isPhase = (name: string) => name.startsWith('phase-');
const isTrain = (name: string) => name.startsWith('train-');

/** Every fixture's errors (empty when valid), closed: a field the schema does not describe is one. */
function errorsOf(name: string): string[] {
  const json = read(name);
  const closed = { closed: true };
  const outcome = isPhase(name)
    ? validatePhaseDiagram(json, closed)
    : isTrain(name)
      ? validateTraining(json, closed)
      : validateResults(json, closed);
  return outcome.valid ? [] : outcome.errors;
}

const results = names
  .filter((name) => !isPhase(name) && !isTrain(name))
  .map((name) => read(name) as Results);

/** Every value found at each `a.b[].c` path of the results fixtures. */
function valuesByPath(): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>();
  const visit = (value: unknown, path: string) => {
    seen.set(path, [...(seen.get(path) ?? []), value]);
    if (Array.isArray(value)) for (const item of value) visit(item, `${path}[]`);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    }
  };
  for (const doc of results) visit(doc, '$');
  return seen;
}

describe('the fixtures', () => {
  it('are the ones the script writes, all small', () => {
    expect(names.sort()).toEqual([
      'book',
      'book-plot',
      'deep',
      'errored',
      'gradients-theory',
      'overflow',
      'phase-relu',
      'phase-tanh',
      'train-seeds',
      'zoo',
    ]);
    const bytes = names.reduce(
      (sum, name) => sum + readFileSync(new URL(`${name}.json`, folder)).length,
      0,
    );
    // 638 kB after quantiles per layer and the log-spaced 81 × 51 phase grid; the packed results
    // tarball stays under 200 kB (the consumer check prints its size)
    expect(bytes).toBeLessThan(700_000);
  });

  for (const name of names) {
    it(`${name}.json validates against the schema, every field described`, () => {
      expect(errorsOf(name)).toEqual([]);
    });
  }

  it('train-seeds: every run has a band over config.seeds seeds that counts each seed once', () => {
    const doc = read('train-seeds') as Training;
    const seeds = doc.config.seeds as number;
    expect(seeds).toBe(2);
    for (const run of doc.runs) {
      const band = run.band;
      expect(band?.seeds).toBe(seeds);
      expect(band?.loss.median).toHaveLength(run.loss.length);
      expect(band?.smoothLoss.p90).toHaveLength(run.loss.length);
      expect(band?.evals.map((e) => e.iteration)).toEqual(run.evals.map((e) => e.iteration));
      const sum = (counts: Record<string, number>) =>
        Object.values(counts).reduce((a, b) => a + b, 0);
      expect(sum(band?.outcomes ?? {})).toBe(seeds);
      expect(sum(band?.diagnoses.activations ?? {})).toBe(seeds);
      const last = band?.evals.at(-1)?.testAccuracy;
      const first = run.evals.at(-1)?.testAccuracy as number;
      expect(first).toBeGreaterThanOrEqual(last?.min as number);
      expect(first).toBeLessThanOrEqual(last?.max as number);
      // the first seed's outcome, by the document's own thresholds, is among the band's outcomes
      const { learned, notLearned } = doc.outcomeThresholds;
      const judged =
        run.state === 'diverged'
          ? 'diverged'
          : first >= learned
            ? 'learned'
            : first >= notLearned
              ? 'learned slowly'
              : 'did not learn';
      expect(run.outcome).toBe(judged);
      expect(band?.outcomes[run.outcome]).toBeGreaterThanOrEqual(1);
    }
  });

  it('count every value of every layer: Σcounts + below + above + nonFinite = samples × width', () => {
    for (const doc of results) {
      const { samples, layers, bins } = doc.config;
      const widths = doc.config.widths ?? new Array(layers + 1).fill(doc.config.width);
      for (const run of doc.runs) {
        if (run.state === 'errored') continue;
        expect(run.layers.map((stats) => stats.layer)).toEqual(
          Array.from({ length: layers }, (_, i) => i + 1),
        );
        expect(run.weightStd).toHaveLength(layers);
        for (const stats of run.layers) {
          const total = samples * (widths[stats.layer] as number);
          for (const histogram of [stats.histogram, stats.gradients?.histogram]) {
            if (!histogram) continue;
            expect(histogram.edges).toHaveLength(bins + 1);
            expect(histogram.counts).toHaveLength(bins);
          }
          const { counts, below, above } = stats.histogram;
          expect(counts.reduce((a, b) => a + b, below + above + stats.nonFinite)).toBe(total);
        }
      }
    }
  });

  it('cover the contract: every optional field present, every nullable field both null and not', () => {
    const seen = valuesByPath();
    const present = (path: string) => (seen.get(path) ?? []).length > 0;
    const hasNull = (path: string) => (seen.get(path) ?? []).includes(null);
    const hasValue = (path: string) => (seen.get(path) ?? []).some((v) => v !== null);
    const layer = '$.runs[].layers[]';
    for (const path of [
      '$.config.range',
      '$.config.widths',
      '$.config.biasStd',
      '$.config.gradients',
      '$.config.theory',
      '$.runs[].message',
      '$.runs[].theory',
      `${layer}.gradients`,
      `${layer}.theory`,
    ]) {
      expect(present(path), path).toBe(true);
    }
    for (const path of [
      `${layer}.mean`,
      `${layer}.std`,
      `${layer}.min`,
      `${layer}.max`,
      `${layer}.gradients.variance`,
      `${layer}.gradients.mean`,
      `${layer}.gradients.weightGradNorm`,
      `${layer}.theory.q`,
      `${layer}.theory.std`,
      `${layer}.theory.counts`,
    ]) {
      expect([hasValue(path), hasNull(path)], path).toEqual([true, true]);
    }
    expect(new Set(seen.get('$.runs[].state'))).toEqual(new Set(['completed', 'errored']));
  });
});
