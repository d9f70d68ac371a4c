import type { Static } from 'typebox';
import Type from 'typebox';

/** A count of values: an integer ≥ 0. */
export const countSchema = Type.Integer({ minimum: 0 });

/** Schema of {@link Histogram}. */
export const histogramSchema = Type.Object(
  {
    edges: Type.Array(Type.Number(), {
      minItems: 2,
      description:
        '`bins + 1` increasing edges; bin i is [edges[i], edges[i+1]), the last bin also holds edges[bins].',
    }),
    counts: Type.Array(countSchema, {
      minItems: 1,
      description: 'Finite values inside [edges[0], edges[bins]], per bin.',
    }),
    below: Type.Integer({ minimum: 0, description: 'Finite values below edges[0].' }),
    above: Type.Integer({ minimum: 0, description: 'Finite values above edges[bins].' }),
  },
  { description: 'A histogram of the finite values of a layer (30 bins by default).' },
);

/** A histogram of the finite values of a layer (30 bins by default). */
export interface Histogram extends Static<typeof histogramSchema> {}
