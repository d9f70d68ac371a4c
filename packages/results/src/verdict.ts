import type { Static } from 'typebox';
import Type from 'typebox';
import { nullable } from './nullable.js';

/** What a run's activations say about its initialization (see `verdictThresholds`). */
export const activationVerdicts = [
  'healthy',
  'saturated',
  'collapsed',
  'drifting',
  'exploding',
  'dead',
  'overflow',
] as const;

/** One of {@link activationVerdicts}. */
export type ActivationVerdictCode = (typeof activationVerdicts)[number];

/** What a run's gradients say: Var(δ) of the bottom layer over the top layer's. */
export const gradientVerdicts = ['vanishing', 'stable', 'exploding'] as const;

/** One of {@link gradientVerdicts}. */
export type GradientVerdictCode = (typeof gradientVerdicts)[number];

/** Where a gradient verdict's number comes from. */
export const gradientSources = ['measured', 'theory'] as const;

/** Schema of {@link ActivationVerdict}. */
export const activationVerdictSchema = Type.Object(
  {
    code: Type.Union(
      [
        Type.Literal('healthy'),
        Type.Literal('saturated'),
        Type.Literal('collapsed'),
        Type.Literal('drifting'),
        Type.Literal('exploding'),
        Type.Literal('dead'),
        Type.Literal('overflow'),
      ],
      {
        description:
          'The first that applies, in the order overflow, dead, exploding, saturated, collapsed, drifting; else healthy.',
      },
    ),
    measure: nullable(
      Type.String({
        enum: ['nonFinite', 'zeroFraction', 'growth', 'saturation', 'spread', 'drift'],
        description:
          'The statistic it rests on: nonFinite or zeroFraction (share of the layer’s values), growth (per-layer std factor), saturation (exact share near a bound), spread (std over the bounded range), drift (std of layer L over layer 1); null for healthy.',
      }),
    ),
    layer: nullable(
      Type.Integer({ minimum: 1, description: 'The layer of the evidence; null for healthy.' }),
    ),
    value: nullable(
      Type.Number({
        description: 'The measured value compared with its threshold; null for healthy.',
      }),
    ),
  },
  { description: 'The activations verdict of a completed run, from its own measurements.' },
);

/** The activations verdict of a completed run. */
export interface ActivationVerdict extends Static<typeof activationVerdictSchema> {}

/** Schema of {@link GradientVerdict}. */
export const gradientVerdictSchema = Type.Object(
  {
    code: Type.Union(
      [Type.Literal('vanishing'), Type.Literal('stable'), Type.Literal('exploding')],
      {
        description:
          'vanishing: value below verdictThresholds.vanishingRatio; exploding: above explodingRatio (or non-finite); else stable.',
      },
    ),
    source: Type.Union([Type.Literal('measured'), Type.Literal('theory')], {
      description:
        'measured (`--gradients`: layers[].gradients.variance) or theory (`--theory` alone: layers[].theory.gradientVariance).',
    }),
    value: nullable(
      Type.Number({
        minimum: 0,
        description:
          'Var(δ¹) / Var(δᴸ): the bottom layer’s gradient variance over the top layer’s; null when not finite.',
      }),
    ),
  },
  { description: 'The gradients verdict, whenever gradients are measured or predicted.' },
);

/** The gradients verdict of a completed run. */
export interface GradientVerdict extends Static<typeof gradientVerdictSchema> {}

/** Schema of {@link RunVerdict}. */
export const runVerdictSchema = Type.Object(
  {
    activations: activationVerdictSchema,
    gradients: Type.Optional(gradientVerdictSchema),
  },
  {
    description:
      'Verdicts of a completed run; the thresholds are the document’s verdictThresholds.',
  },
);

/** Verdicts of a completed run. */
export interface RunVerdict extends Static<typeof runVerdictSchema> {}

/** Schema of {@link VerdictThresholds}. */
export const verdictThresholdsSchema = Type.Object(
  {
    deadZeroFraction: Type.Number({
      description: 'dead: some layer has at least this share of exact zeros.',
    }),
    explodingGrowth: Type.Number({
      description:
        'exploding: std grows by more than this factor per layer (geometric mean, layer 1 to L).',
    }),
    saturation: Type.Number({
      description:
        'saturated: some layer’s exact saturation (share within 0.05 of a bound) is at least this.',
    }),
    collapseGrowth: Type.Number({
      description: 'collapsed: std shrinks faster than this factor per layer.',
    }),
    collapseSpread: Type.Number({
      description: 'collapsed: layer L’s std is below this share of a bounded activation’s range.',
    }),
    driftFactor: Type.Number({
      description:
        'drifting: std of layer L over layer 1 is above this factor or below its inverse.',
    }),
    vanishingRatio: Type.Number({
      description: 'gradients vanishing: Var(δ¹)/Var(δᴸ) below this.',
    }),
    explodingRatio: Type.Number({
      description: 'gradients exploding: Var(δ¹)/Var(δᴸ) above this.',
    }),
  },
  { description: 'The thresholds every verdict of the document was judged with.' },
);

/** The thresholds every verdict of a document was judged with. */
export interface VerdictThresholds extends Static<typeof verdictThresholdsSchema> {}
