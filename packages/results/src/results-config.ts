import type { Static } from 'typebox';
import Type from 'typebox';

const positive = (description: string) => Type.Integer({ minimum: 1, description });

/** Schema of {@link ResultsConfig}. */
export const resultsConfigSchema = Type.Object(
  {
    layers: positive('Hidden layers.'),
    width: positive('Nodes per layer and input features (the first layer’s with `widths`).'),
    samples: positive('Input rows drawn from N(0, 1).'),
    bins: positive('Histogram bins.'),
    seed: Type.Integer({
      minimum: 0,
      maximum: 4294967295,
      description: 'Random seed, 0 … 2³² − 1.',
    }),
    seeds: Type.Optional(
      Type.Integer({
        minimum: 2,
        description:
          'Seeds per configuration (`--seeds K`): `seed … seed + seeds − 1`; every layer then has a `band`. Absent for one seed.',
      }),
    ),
    range: Type.Optional(
      Type.Tuple([Type.Number(), Type.Number()], {
        description:
          'Histogram range override [lo, hi] (`--range`, `--book`); absent when each activation uses its default range.',
      }),
    ),
    widths: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        minItems: 2,
        description:
          'Input features then each layer’s width, when they differ (`--widths 784,100,100,10`).',
      }),
    ),
    biasStd: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        description:
          'Standard deviation of the biases b ~ N(0, σ_b²); absent when 0 (no bias, as in the book).',
      }),
    ),
    gradients: Type.Optional(
      Type.Boolean({ description: 'True when the backward pass was run (`--gradients`).' }),
    ),
    theory: Type.Optional(
      Type.Boolean({ description: 'True when mean-field predictions were computed (`--theory`).' }),
    ),
  },
  { description: 'The configuration shared by every run of a sweep.' },
);

/** The configuration shared by every run of a sweep. */
export interface ResultsConfig extends Static<typeof resultsConfigSchema> {}
