import { criticalTolerance, verdictThresholds } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import {
  bookTrainConfig,
  outcomeOf,
  outcomeThresholds,
  resolveTrainConfig,
  type TrainRun,
  trainDocument,
} from '../src/index.ts';

describe('resolveTrainConfig()', () => {
  const mnist = { pixels: 784, classes: 10 };

  it('defaults to the book’s fig. 6-15 and the optimizer’s book learning rate', () => {
    expect(resolveTrainConfig({}, mnist)).toEqual(bookTrainConfig);
    expect(resolveTrainConfig({ optimizer: 'adam' }, mnist).lr).toBe(0.001);
    expect(resolveTrainConfig({ iterations: '100' }, mnist).checkpoints).toEqual([0, 10, 100]);
  });

  it('names the bad value and the valid choices', () => {
    expect(() => resolveTrainConfig({ optimizer: 'sgdd' }, mnist)).toThrow(
      /^Unknown optimizer "sgdd"/,
    );
    expect(() => resolveTrainConfig({ activation: 'rleu' }, mnist)).toThrow(
      /^Unknown activation "rleu"/,
    );
    expect(() => resolveTrainConfig({ lr: '-1' }, mnist)).toThrow(
      'Invalid --lr "-1": expected a finite number > 0.',
    );
    expect(() => resolveTrainConfig({ widths: '784,100,9' }, mnist)).toThrow(
      'Invalid --widths "784,100,9": the data needs 784 inputs first and 10 classes last.',
    );
    expect(() => resolveTrainConfig({ iterations: '50', checkpoints: '0,60' }, mnist)).toThrow(
      'Invalid --checkpoints "60": expected an integer from 0 to 50.',
    );
    expect(() => resolveTrainConfig({ inits: 'he,bogus' }, mnist)).toThrow(/bogus/);
  });
});

function run(init: string, accuracy: number, state: TrainRun['state'] = 'completed'): TrainRun {
  return {
    init,
    activation: 'relu',
    optimizer: 'sgd',
    state,
    ...(state === 'diverged' ? { divergedAt: 1 } : {}),
    diagnosis: {
      activations: { code: 'saturated', measure: 'saturation', layer: 2, value: 0.75 },
      gradients: { code: 'vanishing', source: 'measured', value: 0.000197 },
      sigmaW2: 1,
      chi1: 0.0557,
      phase: 'ordered',
    },
    loss: [2.3, 2.2],
    lossBefore: [2.31, 2.21],
    evals: [{ iteration: 2, testAccuracy: accuracy, testLoss: 1, trainAccuracy: accuracy }],
    checkpoints: [],
  };
}

describe('outcomeOf()', () => {
  it('judges the final test accuracy by outcomeThresholds (at the bounds too)', () => {
    expect(outcomeThresholds).toEqual({ learned: 0.85, notLearned: 0.2 });
    expect(outcomeOf(run('a', 0.9))).toBe('learned');
    expect(outcomeOf(run('a', 0.85))).toBe('learned');
    expect(outcomeOf(run('a', 0.8499))).toBe('learned slowly');
    expect(outcomeOf(run('a', 0.5))).toBe('learned slowly');
    expect(outcomeOf(run('a', 0.2))).toBe('learned slowly');
    expect(outcomeOf(run('a', 0.11))).toBe('did not learn');
    expect(outcomeOf(run('a', 0.9, 'diverged'))).toBe('diverged');
  });
});

describe('trainDocument()', () => {
  it('carries the thresholds the diagnoses and outcomes were judged with, and each run’s outcome', () => {
    const runs = [run('std:0.01', 0.1135), run('he', 0.95), run('std:1e30', 0.1, 'diverged')];
    const doc = trainDocument(bookTrainConfig, runs);
    expect(doc.kind).toBe('initscope-train');
    expect(doc.config).toBe(bookTrainConfig);
    expect(doc.verdictThresholds).toEqual(verdictThresholds);
    expect(doc.criticalTolerance).toBe(criticalTolerance);
    expect(doc.outcomeThresholds).toEqual(outcomeThresholds);
    expect(doc.runs.map((r) => r.outcome)).toEqual(['did not learn', 'learned', 'diverged']);
    // outcome right after state (and divergedAt); every other field as the run has it
    expect(Object.keys(doc.runs[2] as object).slice(0, 6)).toEqual([
      'init',
      'activation',
      'optimizer',
      'state',
      'divergedAt',
      'outcome',
    ]);
    const { outcome: _, ...rest } = doc.runs[0] as (typeof doc.runs)[number];
    expect(rest).toEqual(runs[0]);
    expect(Object.keys(doc)).toEqual([
      'kind',
      'config',
      'verdictThresholds',
      'criticalTolerance',
      'outcomeThresholds',
      'runs',
    ]);
  });
});
