import type { CompletedRun, Results } from '@initscope/results';
import { initForms, initPresets, parseActivation, parseInit, sweep } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/format.js';
import { escapeHtml } from '../src/html.js';
import { weightsMessagesFor } from '../src/i18n/weights.js';
import { renderReport } from '../src/index.js';
import {
  layerWeights,
  truncatedNormalStd,
  weightDefinitionKey,
  weightDefinitions,
  weightsSection,
} from '../src/weights-table.js';
import { resultsFixture, runOf } from './fixtures.js';
import { ownPartOf } from './page-parts.js';

/** Relative tolerance for numbers recovered from √E[w²] (a square root and a product away). */
const EPS_RECOVERED = 1e-12;

function expectRelative(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeDefined();
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs((actual as number) - expected) / scale, what).toBeLessThanOrEqual(EPS_RECOVERED);
}

/** Example ids of every form sim accepts: presets as they are, a parameter for the others. */
function exampleIds(): string[] {
  return initForms.flatMap((form) => {
    if (!form.includes('<')) return [form];
    const prefix = form.slice(0, form.indexOf(':'));
    return prefix === 'orthogonal' ? ['orthogonal:2', 'orthogonal:auto'] : [`${prefix}:0.5`];
  });
}

/** The cells `<td class="used">` of the weights table, by initializer. */
function usedCells(html: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const match of html.matchAll(
    /<tr><td><code>([^<]+)<\/code><\/td><td>[\s\S]*?<\/td><td class="used">([\s\S]*?)<\/td>/g,
  )) {
    cells.set(match[1] ?? '', match[2] ?? '');
  }
  return cells;
}

describe('weightDefinitions', () => {
  it('has a row for every initializer form of sim, drawing the same kind of distribution', () => {
    const ids = exampleIds();
    // every preset and every parameterised form is covered
    for (const preset of initPresets) expect(ids).toContain(preset);
    expect(ids).toEqual(expect.arrayContaining(['std:0.5', 'uniform:0.5', 'const:0.5']));
    for (const id of ids) {
      const key = weightDefinitionKey(id);
      expect(key, id).toBeDefined();
      const definition = weightDefinitions[key as string];
      const draw = parseInit(id).draw(100, 50, { activation: 'tanh' });
      expect(definition?.kind, id).toBe(draw.kind);
    }
    // and nothing else: every definition is reached by some id
    const reached = new Set(ids.map(weightDefinitionKey));
    expect(Object.keys(weightDefinitions).filter((key) => !reached.has(key))).toEqual([]);
    expect(weightDefinitionKey('nope')).toBeUndefined();
    expect(weightDefinitionKey('bogus:1')).toBeUndefined();
  });

  it('uses Keras’ truncation factor, the std of N(0, 1) cut at ±2', () => {
    // Var of N(0,1) on [−2, 2] = 1 − 2·2·φ(2)/(2Φ(2) − 1)
    const phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    const mass = 0.9544997361036416; // 2Φ(2) − 1 = erf(√2)
    expectRelative(truncatedNormalStd, Math.sqrt(1 - (4 * phi2) / mass), 'truncated std');
  });
});

describe('layerWeights()', () => {
  it('recovers the σ, bounds, gain or value sim drew every layer with, from weightStd alone', async () => {
    const ids = exampleIds()
      .filter((id) => id !== 'zeros')
      .concat(['const:-0.25', 'std:0.03']);
    const results = await sweep({
      activations: 'tanh,leaky-relu:0.2',
      inits: ids.join(','),
      widths: '12,20,8,5',
      samples: 8,
      seed: 3,
    });
    expect(results.runs).toHaveLength(2 * ids.length);
    for (const run of results.runs) {
      if (run.state !== 'completed') throw new Error(`${run.activation} ${run.init} errored`);
      const layers = layerWeights(results, run) ?? [];
      expect(layers).toHaveLength(3);
      const { name, alpha } = parseActivation(run.activation);
      const context = alpha === undefined ? { activation: name } : { activation: name, alpha };
      for (const layer of layers) {
        const what = `${run.activation} ${run.init} layer ${layer.layer}`;
        // the table's std is the JSON's weightStd, exactly
        expect(layer.std, what).toBe(run.weightStd[layer.layer - 1]);
        expect([layer.fanIn, layer.fanOut], what).toEqual(
          [
            [12, 20],
            [20, 8],
            [8, 5],
          ][layer.layer - 1],
        );
        const draw = parseInit(run.init).draw(layer.fanIn, layer.fanOut, context);
        expect(layer.kind, what).toBe(draw.kind);
        if (draw.kind === 'normal' || draw.kind === 'truncated-normal')
          expectRelative(layer.sigma, draw.std, what);
        else if (draw.kind === 'uniform') {
          expectRelative(layer.bound, draw.hi, what);
          expectRelative(-(layer.bound as number), draw.lo, what);
        } else if (draw.kind === 'orthogonal') expectRelative(layer.gain, draw.gain, what);
        else expectRelative(layer.value, draw.value, what);
      }
    }
  });
});

describe('the weights table in the report', () => {
  it('shows the book’s σ per initializer, equal to the JSON’s weightStd', () => {
    const results = resultsFixture('book');
    const html = renderReport(results);
    const cells = usedCells(ownPartOf(html));
    expect([...cells.keys()]).toEqual(['std:1', 'std:0.01', 'xavier', 'he']);
    for (const init of cells.keys()) {
      const run = runOf(results, 'sigmoid', init);
      // five layers of 100: one σ for all of them
      expect(new Set(run.weightStd).size).toBe(1);
      expect(cells.get(init)).toBe(`σ = ${formatNumber(run.weightStd[0] as number)}`);
    }
    expect(cells.get('xavier')).toBe('σ = 0.1');
    expect(cells.get('he')).toBe('σ = 0.141');
    expect(html).toContain('<li><a href="#weights">The weights each initializer used</a></li>');
    expect(ownPartOf(html)).toContain(
      '<code>nn.init.kaiming_normal_(w, nonlinearity=&#39;relu&#39;)</code>',
    );
  });

  it('lists the numbers layer by layer when the widths differ, per activation where they differ', () => {
    const results = resultsFixture('zoo');
    const cells = usedCells(weightsSection(results, 'en'));
    const lecun = runOf(results, 'gelu', 'lecun');
    // --widths 64,128,64,32: fan_in 64, 128, 64
    const sigmas = lecun.weightStd.map((std) => formatNumber(std / truncatedNormalStd));
    expect(sigmas[0]).toBe(sigmas[2]);
    expect(cells.get('lecun')).toBe(
      escapeHtml(
        [1, 2, 3]
          .map(
            (layer) =>
              `layer ${layer}: σ = ${sigmas[layer - 1]} before the cut (std ${formatNumber(lecun.weightStd[layer - 1] as number)} after it)`,
          )
          .join(' · '),
      ),
    );
    // std:1e40 failed in every run of the zoo: it has no row
    expect(cells.has('std:1e40')).toBe(false);
    // orthogonal:auto through the zoo's widths: E[w²] = gain²/max(fan_in, fan_out) with PyTorch's
    // gain, 5/3 for tanh and √2 for ReLU
    const fans = [
      [64, 128],
      [128, 64],
      [64, 32],
    ] as const;
    const autoRun = (activation: string, gain: number): CompletedRun => ({
      ...lecun,
      activation,
      init: 'orthogonal:auto',
      weightStd: fans.map(([fanIn, fanOut]) => gain / Math.sqrt(Math.max(fanIn, fanOut))),
    });
    const auto: Results = {
      ...results,
      runs: [autoRun('tanh', 5 / 3), autoRun('relu', Math.SQRT2)],
    };
    expect(usedCells(weightsSection(auto, 'en')).get('orthogonal:auto')).toBe(
      'tanh: gain 1.67<br>relu: gain 1.41',
    );
  });

  it('is written in Japanese with the same numbers', () => {
    const results = resultsFixture('book');
    const ja = weightsSection(results, 'ja');
    const w = weightsMessagesFor('ja');
    for (const text of [w.title, w.intro, w.used, w.notes.bookXavier, w.matches.same])
      expect(ja).toContain(escapeHtml(text));
    const en = weightsMessagesFor('en');
    for (const text of [en.title, en.intro, en.matches.same]) expect(ja).not.toContain(text);
    expect(usedCells(ja).get('he')).toBe('σ = 0.141');
  });

  it('says when an initializer has no definition, and is absent when no run completed', () => {
    const results = resultsFixture('book');
    const run = runOf(results, 'relu', 'he');
    const strange: Results = { ...results, runs: [{ ...run, init: 'mystery' }] };
    expect(weightsSection(strange, 'en')).toContain(
      `<td colspan="4" class="muted">${weightsMessagesFor('en').unknown}</td>`,
    );
    const failed = resultsFixture('errored');
    const none: Results = {
      ...failed,
      runs: failed.runs.filter((r) => r.state === 'errored'),
    };
    expect(weightsSection(none, 'en')).toBe('');
    expect(renderReport(none)).not.toContain('href="#weights"');
  });
});
