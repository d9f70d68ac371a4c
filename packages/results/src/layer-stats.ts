import type { Static } from 'typebox';
import Type from 'typebox';
import { histogramSchema } from './histogram.js';
import { layerGradientsSchema } from './layer-gradients.js';
import { layerQuantilesSchema } from './layer-quantiles.js';
import { layerTheorySchema } from './layer-theory.js';
import { nullable } from './nullable.js';
import { seedBandSchema } from './seed-band.js';

/** Schema of {@link LayerStats}. */
export const layerStatsSchema = Type.Object(
  {
    layer: Type.Integer({
      minimum: 1,
      description: '1-based layer index, as the book’s "1-layer".',
    }),
    mean: nullable(Type.Number({ description: 'Mean of the finite values; null when none.' })),
    std: nullable(
      Type.Number({
        minimum: 0,
        description:
          'Population standard deviation (ddof 0, as NumPy’s `std`) of the finite values; null when none.',
      }),
    ),
    min: nullable(Type.Number({ description: 'Smallest finite value; null when none.' })),
    max: nullable(Type.Number({ description: 'Largest finite value; null when none.' })),
    zeroFraction: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Exact zeros (±0) / all values: dead ReLU outputs.',
    }),
    nonFinite: Type.Integer({
      minimum: 0,
      description: 'NaN and ±Inf values, never silently dropped.',
    }),
    saturation: Type.Optional(
      nullable(
        Type.Number({
          minimum: 0,
          maximum: 1,
          description:
            'Share of ALL values within 0.05 of a bound of a bounded activation (sigmoid 0 or 1; tanh, softsign −1 or 1), counted exactly over every value (independent of the histogram range and bins); null for an unbounded activation.',
        }),
      ),
    ),
    histogram: histogramSchema,
    quantiles: Type.Optional(layerQuantilesSchema),
    gradients: Type.Optional(layerGradientsSchema),
    theory: Type.Optional(layerTheorySchema),
    band: Type.Optional(seedBandSchema),
  },
  {
    description:
      'Statistics of one hidden layer’s samples × width post-activation values, accumulated in f64: Σcounts + below + above + nonFinite = samples × width.',
  },
);

/** Statistics of one hidden layer's `samples × width` post-activation values, accumulated in f64. */
export interface LayerStats extends Static<typeof layerStatsSchema> {}
