import type { Static } from 'typebox';
import Type from 'typebox';
import { schemaDialect } from './dialect.js';
import { histogramSchema } from './histogram.js';
import { nullable } from './nullable.js';
import { phaseSchema } from './phase.js';
import { seedSummarySchema } from './seed-band.js';
import {
  activationVerdictSchema,
  gradientVerdictSchema,
  verdictThresholdsSchema,
} from './verdict.js';

const fraction = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

const valueStats = (what: string) =>
  Type.Object(
    {
      mean: nullable(Type.Number({ description: `Mean of the finite ${what}; null when none.` })),
      std: nullable(
        Type.Number({ minimum: 0, description: `Population std of the finite ${what}.` }),
      ),
      zeroFraction: fraction(`Exact zeros (±0) among the ${what}.`),
      nonFinite: Type.Integer({ minimum: 0, description: `NaN and ±Inf ${what}.` }),
      saturation: nullable(
        Type.Number({
          minimum: 0,
          maximum: 1,
          description: `Share of all ${what} within 0.05 of a bound of a bounded activation (sigmoid, tanh, softsign), counted exactly; null otherwise (gradients, logits, unbounded activations).`,
        }),
      ),
      histogram: histogramSchema,
    },
    { description: `Statistics of the layer's ${what} on the checkpoint's batch.` },
  );

const curveBand = (what: string) =>
  Type.Object(
    {
      median: Type.Array(nullable(Type.Number()), {
        description: `Per iteration, the median of ${what} over the seeds that have a finite value there (null: none has).`,
      }),
      p10: Type.Array(nullable(Type.Number()), {
        description: `Per iteration, the 10th percentile of ${what} over those seeds (linear interpolation, as NumPy).`,
      }),
      p90: Type.Array(nullable(Type.Number()), {
        description: `Per iteration, the 90th percentile of ${what} over those seeds (linear interpolation, as NumPy).`,
      }),
    },
    {
      description: `${what} over the seeds, one entry per iteration of the longest seed (a diverged seed stops contributing where its curve ends).`,
    },
  );

/** What became of a training run, by the document's `outcomeThresholds` (final evaluation). */
export const trainOutcomes = ['learned', 'learned slowly', 'did not learn', 'diverged'] as const;

/** One of {@link trainOutcomes}. */
export type TrainOutcome = (typeof trainOutcomes)[number];

/** Schema of a run's `outcome` ({@link TrainOutcome}). */
export const trainOutcomeSchema = Type.Union(
  [
    Type.Literal('learned'),
    Type.Literal('learned slowly'),
    Type.Literal('did not learn'),
    Type.Literal('diverged'),
  ],
  {
    description:
      'diverged: state is diverged; else by the final evaluation’s test accuracy and the document’s outcomeThresholds: learned at or above `learned`, did not learn below `notLearned`, learned slowly in between.',
  },
);

/** Schema of the document's `outcomeThresholds`. */
export const outcomeThresholdsSchema = Type.Object(
  {
    learned: fraction('Final test accuracy at or above which a run learned.'),
    notLearned: fraction(
      'Final test accuracy below which a run did not learn (chance is 1 / classes).',
    ),
  },
  {
    description:
      'The thresholds every run’s `outcome` (and every band’s `outcomes`) was judged with.',
  },
);

const counts = (description: string) =>
  Type.Record(Type.String(), Type.Integer({ minimum: 1 }), { description });

/** Schema of a training run's band over seeds (`initscope train --seeds K`). */
export const trainBandSchema = Type.Object(
  {
    seeds: Type.Integer({ minimum: 2, description: 'K: the seeds `seed … seed + K − 1`.' }),
    loss: curveBand('the book’s loss curve (`loss`)'),
    smoothLoss: curveBand('each seed’s smoothed loss (the book’s smooth_curve of `loss`)'),
    evals: Type.Array(
      Type.Object({
        iteration: Type.Integer({ minimum: 0 }),
        seeds: Type.Integer({ minimum: 1, description: 'Seeds evaluated at this iteration.' }),
        testAccuracy: seedSummarySchema,
        testLoss: seedSummarySchema,
        trainAccuracy: seedSummarySchema,
      }),
      { description: 'Per evaluation iteration, each measure summarized over the seeds.' },
    ),
    outcomes: counts(
      'How many of the K seeds had each outcome (learned, learned slowly, did not learn, diverged; the document’s outcomeThresholds); outcomes that did not occur are absent.',
    ),
    diagnoses: Type.Object(
      {
        activations: counts(
          'How many of the K seeds gave each activations verdict at initialization; absent codes did not occur.',
        ),
        gradients: counts(
          'How many of the K seeds gave each gradients verdict at initialization; absent codes did not occur (empty with no hidden layer).',
        ),
      },
      { description: 'The diagnosis at initialization of every seed, counted by code.' },
    ),
  },
  {
    description:
      'The run over seeds `seed … seed + K − 1` (`--seeds K`; each seed draws its own weights and mini-batches, every initializer of a seed the same batches). The run’s other fields are the first seed’s.',
  },
);

/** JSON Schema of the `initscope train --json` document ({@link Training}). */
export const trainingSchema = Type.Object(
  {
    kind: Type.Literal('initscope-train'),
    config: Type.Object(
      {
        widths: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2 }),
        activation: Type.String(),
        inits: Type.Array(Type.String(), { minItems: 1 }),
        optimizer: Type.Union([
          Type.Literal('sgd'),
          Type.Literal('momentum'),
          Type.Literal('adagrad'),
          Type.Literal('adam'),
        ]),
        lr: Type.Number({ exclusiveMinimum: 0 }),
        batch: Type.Integer({ minimum: 1 }),
        iterations: Type.Integer({ minimum: 1 }),
        seed: Type.Integer({ minimum: 0 }),
        seeds: Type.Optional(
          Type.Integer({
            minimum: 2,
            description:
              'Seeds per initializer (`--seeds K`): `seed … seed + seeds − 1`; every run then has a `band`. Absent for one seed.',
          }),
        ),
        evalEvery: Type.Integer({ minimum: 1 }),
        checkpoints: Type.Array(Type.Integer({ minimum: 0 })),
      },
      {
        description:
          'The training configuration after defaults (the book’s fig. 6-15 unless changed).',
      },
    ),
    verdictThresholds: verdictThresholdsSchema,
    criticalTolerance: Type.Number({
      minimum: 0,
      description:
        'A run’s diagnosis.phase is critical when |χ₁ − 1| is at most this (sim’s criticalTolerance); ordered below, chaotic above.',
    }),
    outcomeThresholds: outcomeThresholdsSchema,
    runs: Type.Array(
      Type.Object({
        init: Type.String({ description: 'Initializer id.' }),
        activation: Type.String(),
        optimizer: Type.String(),
        state: Type.Union([Type.Literal('completed'), Type.Literal('diverged')]),
        divergedAt: Type.Optional(
          Type.Integer({ minimum: 0, description: 'Iteration whose loss was first NaN or ±Inf.' }),
        ),
        outcome: trainOutcomeSchema,
        diagnosis: Type.Object(
          {
            activations: activationVerdictSchema,
            gradients: Type.Optional(gradientVerdictSchema),
            sigmaW2: nullable(
              Type.Number({
                minimum: 0,
                description:
                  'σ_w² = fan_in·E[w²] of the hidden-to-hidden weights (layer 2, fan-in widths[1]); null with one hidden layer.',
              }),
            ),
            chi1: nullable(
              Type.Number({
                minimum: 0,
                description:
                  'χ₁ = σ_w²·E[φ′(√q*·z)²] of sim’s mean-field theory at the fixed point q* (σ_b² = 0).',
              }),
            ),
            phase: nullable(phaseSchema),
          },
          {
            description:
              'The diagnosis at initialization: sim’s verdicts (thresholds: the document’s verdictThresholds, sim’s) measured on the hidden layers (gradients absent without one) of the network at iteration 0 on the first mini-batch (outputs φ(a), gradients ∂L/∂a of the softmax cross-entropy; source "measured"), and the mean-field χ₁ and phase.',
          },
        ),
        loss: Type.Array(nullable(Type.Number()), {
          description:
            'The book’s curve: loss on each iteration’s batch after that iteration’s update (null: NaN/Inf, last of a diverged run).',
        }),
        lossBefore: Type.Array(nullable(Type.Number()), {
          description: 'Loss on the same batch before the update.',
        }),
        evals: Type.Array(
          Type.Object({
            iteration: Type.Integer({ minimum: 0 }),
            testAccuracy: fraction('Accuracy on the whole test set.'),
            testLoss: nullable(Type.Number({ description: 'Mean cross-entropy on the test set.' })),
            trainAccuracy: fraction('Accuracy on the first 10,000 training images.'),
          }),
        ),
        checkpoints: Type.Array(
          Type.Object({
            iteration: Type.Integer({ minimum: 0 }),
            layers: Type.Array(
              Type.Object({
                layer: Type.Integer({ minimum: 1 }),
                activations: valueStats('outputs (φ(a); the logits for the last layer)'),
                gradients: valueStats('gradients ∂L/∂a'),
                weightStd: Type.Number({ minimum: 0 }),
                updateRatio: nullable(
                  Type.Number({ minimum: 0, description: '‖ΔW‖/‖W‖ of this iteration’s update.' }),
                ),
              }),
            ),
          }),
        ),
        band: Type.Optional(trainBandSchema),
      }),
    ),
  },
  {
    $schema: schemaDialect,
    title: 'initscope training',
    description:
      'What `initscope train --json` writes: one run per initializer on the same mini-batches. Fields may be added; none may change meaning.',
  },
);

/** The `initscope train` document. */
export type Training = Static<typeof trainingSchema>;

/** A training run's band over seeds (`initscope train --seeds K`). */
export type TrainBand = Static<typeof trainBandSchema>;
