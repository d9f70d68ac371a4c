import { describe, expect, it } from 'vitest';
import { maxErrors, validatePhaseDiagram, validateResults } from '../src/index.js';
import { completedRun, layer, phaseDocument, resultsDocument } from './documents.js';

/** The error lines of a document that must fail. */
function errorsOf(json: unknown): string[] {
  const outcome = validateResults(json);
  if (outcome.valid) throw new Error('expected the document to fail validation');
  return outcome.errors;
}

describe('validateResults()', () => {
  it('accepts a valid document and hands it back typed', () => {
    const doc = resultsDocument();
    expect(validateResults(doc)).toEqual({ valid: true, value: doc });
  });

  it('accepts the optional fields and fields it does not know (fields may be added)', () => {
    const doc = resultsDocument();
    doc.config = { ...doc.config, range: [0, 1], widths: [2, 2, 2], biasStd: 0.1, theory: true };
    (doc as unknown as { extra: number }).extra = 1;
    expect(validateResults(doc).valid).toBe(true);
  });

  it('with closed, rejects the fields the schema does not describe', () => {
    const doc = resultsDocument();
    doc.runs[0] = { ...completedRun(), layers: [{ ...layer(1), note: 'x' } as never] };
    (doc as unknown as { extra: number }).extra = 1;
    expect(validateResults(doc).valid).toBe(true);
    const outcome = validateResults(doc, { closed: true });
    expect(outcome.valid ? [] : outcome.errors).toEqual([
      '$: unknown field "extra"',
      '$.runs[0].layers[0]: unknown field "note"',
    ]);
    expect(validateResults(resultsDocument(), { closed: true }).valid).toBe(true);
  });

  it('names the field, what it must be and what it got', () => {
    const doc = resultsDocument();
    (doc.runs[0] as { layers: unknown[] }).layers[1] = { ...layer(2), std: 'wide' };
    expect(errorsOf(doc)).toEqual(['$.runs[0].layers[1].std: must be number or null, got "wide"']);
  });

  it('reports a missing field', () => {
    const { histogram: _, ...rest } = layer(1);
    const doc = resultsDocument();
    doc.runs[0] = { ...completedRun(), layers: [rest as never] };
    expect(errorsOf(doc)).toEqual(['$.runs[0].layers[0]: missing "histogram"']);
  });

  it('tells the kinds of run apart by state and checks each by its own rules', () => {
    const doc = resultsDocument();
    const runs = doc.runs as unknown as Record<string, unknown>[];
    runs.push({ ...completedRun(), state: 'done' });
    runs.push({ activation: 'tanh', init: 'he' });
    runs.push({ ...completedRun(), state: 'errored', message: 'x' });
    expect(errorsOf(doc)).toEqual([
      '$.runs[2].state: must be "completed" or "errored", got "done"',
      '$.runs[3]: missing "state"',
      '$.runs[4].weightStd: must be empty, got 2 items',
      '$.runs[4].layers: must be empty, got 2 items',
    ]);
  });

  it('needs an errored run’s message', () => {
    const doc = resultsDocument();
    delete (doc.runs[1] as { message?: string }).message;
    expect(errorsOf(doc)).toEqual(['$.runs[1]: missing "message"']);
  });

  it('checks counts, fractions, ranges and constants', () => {
    const doc = resultsDocument() as unknown as Record<string, unknown>;
    doc.tool = 'other';
    const bad = layer(0);
    bad.zeroFraction = 1.5;
    bad.nonFinite = 0.5;
    bad.histogram.counts = [-1, 2];
    bad.histogram.edges = [0];
    (doc.runs as Record<string, unknown>[])[0] = { ...completedRun(), layers: [bad] };
    doc.config = { layers: 2, width: 2, samples: 2, bins: 2, seed: -1, range: [0, 1, 2] };
    expect(errorsOf(doc)).toEqual([
      '$.tool: must be "initscope", got "other"',
      '$.config.seed: must be ≥ 0, got -1',
      '$.config.range: must hold at most 2 items, got 3 items',
      '$.runs[0].layers[0].layer: must be ≥ 1, got 0',
      '$.runs[0].layers[0].zeroFraction: must be ≤ 1, got 1.5',
      '$.runs[0].layers[0].nonFinite: must be integer, got 0.5',
      '$.runs[0].layers[0].histogram.edges: must hold at least 2 items, got 1 item',
      '$.runs[0].layers[0].histogram.counts[0]: must be ≥ 0, got -1',
    ]);
  });

  it('checks a run’s phase against the list of phases', () => {
    const doc = resultsDocument();
    doc.runs[0] = {
      ...completedRun(),
      theory: {
        sigmaW2: 1,
        sigmaB2: 0,
        qStar: 1,
        chi1: 1,
        phase: 'edge' as never,
        depthScale: null,
      },
    };
    expect(errorsOf(doc)).toEqual([
      '$.runs[0].theory.phase: must be one of "ordered", "critical", "chaotic" or null, got "edge"',
    ]);
  });

  it('rejects NaN and Infinity, which JSON cannot hold', () => {
    const doc = resultsDocument();
    doc.runs[0] = { ...completedRun(), layers: [{ ...layer(1), mean: Number.NaN }] };
    expect(errorsOf(doc)).toEqual(['$.runs[0].layers[0].mean: must be number or null, got NaN']);
  });

  it('says what the whole document must be', () => {
    expect(errorsOf('{"tool": "initscope"}')).toEqual([
      '$: must be object, got "{\\"tool\\": \\"initscope\\"}"',
    ]);
    expect(errorsOf(null)).toEqual(['$: must be object, got null']);
  });

  it(`lists at most ${maxErrors} problems and counts the rest`, () => {
    const doc = resultsDocument();
    const bad = { ...layer(1), histogram: { ...layer(1).histogram, counts: [] as number[] } };
    bad.histogram.counts = Array.from({ length: 30 }, () => -1);
    doc.runs[0] = { ...completedRun(), layers: [bad] };
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(maxErrors + 1);
    expect(errors.at(-1)).toBe(`… and ${30 - maxErrors} more`);
  });
});

describe('validatePhaseDiagram()', () => {
  it('accepts a valid diagram', () => {
    const doc = phaseDocument();
    expect(validatePhaseDiagram(doc)).toEqual({ valid: true, value: doc });
  });

  it('names the cell, point or field that is wrong', () => {
    const doc = phaseDocument() as unknown as Record<string, unknown>;
    (doc.chi1 as unknown[][])[1] = [0.4, 'inf'];
    (doc.points as Record<string, unknown>[])[0] = { init: 'he', sigmaW2: 2, sigmaB2: 0 };
    delete doc.edge;
    const outcome = validatePhaseDiagram(doc);
    expect(outcome.valid ? [] : outcome.errors).toEqual([
      '$: missing "edge"',
      '$.chi1[1][1]: must be number or null, got "inf"',
      '$.points[0]: missing "chi1"',
      '$.points[0]: missing "phase"',
    ]);
  });

  it('tells a results document from a phase diagram', () => {
    expect(validatePhaseDiagram(resultsDocument()).valid).toBe(false);
    expect(validateResults(phaseDocument()).valid).toBe(false);
  });
});
