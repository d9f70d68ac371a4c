import type { Static } from 'typebox';
import Type from 'typebox';
import { nullable } from './nullable.js';

/** Schema of {@link SeedSummary}. */
export const seedSummarySchema = Type.Object(
  {
    mean: nullable(
      Type.Number({ description: 'Mean over the seeds; null when no seed has a value.' }),
    ),
    sd: nullable(
      Type.Number({
        minimum: 0,
        description:
          'Sample standard deviation over the seeds (ddof 1; 0 for one seed); null when no seed has a value.',
      }),
    ),
    min: nullable(Type.Number({ description: 'Smallest value over the seeds.' })),
    max: nullable(Type.Number({ description: 'Largest value over the seeds.' })),
  },
  {
    description: 'One statistic summarized over the seeds that have a value for it (null skipped).',
  },
);

/** One statistic summarized over seeds. */
export interface SeedSummary extends Static<typeof seedSummarySchema> {}

/** Schema of {@link SeedBand}. */
export const seedBandSchema = Type.Object(
  {
    seeds: Type.Integer({
      minimum: 1,
      description: 'Seeds in which this run completed and measured this layer.',
    }),
    std: seedSummarySchema,
    mean: seedSummarySchema,
    saturation: Type.Optional(seedSummarySchema),
    zeroFraction: seedSummarySchema,
    gradientVariance: Type.Optional(seedSummarySchema),
    histogram: Type.Optional(
      Type.Object(
        {
          median: Type.Array(Type.Number({ minimum: 0 }), {
            description: 'Per bin, the median count over the seeds.',
          }),
          p10: Type.Array(Type.Number({ minimum: 0 }), {
            description:
              'Per bin, the 10th percentile of the counts (linear interpolation, as NumPy).',
          }),
          p90: Type.Array(Type.Number({ minimum: 0 }), {
            description:
              'Per bin, the 90th percentile of the counts (linear interpolation, as NumPy).',
          }),
        },
        {
          description:
            'Envelope of the histogram counts over the seeds, on this layer’s `histogram.edges`; absent when the seeds’ edges differ (a range taken from each seed’s data, e.g. ReLU’s 0,max: give `--range` for an envelope).',
        },
      ),
    ),
  },
  {
    description:
      'The layer over seeds `seed … seed + seeds − 1` (`--seeds K`): each statistic’s mean, sd, min and max, and the histogram envelope. The layer’s other fields are the first seed’s.',
  },
);

/** A layer's statistics over seeds (`--seeds K`). */
export interface SeedBand extends Static<typeof seedBandSchema> {}
