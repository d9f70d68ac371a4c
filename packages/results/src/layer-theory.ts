import type { Static } from 'typebox';
import Type from 'typebox';
import { nullable } from './nullable.js';

/** A finite number ≥ 0, or null where the prediction leaves f64's range. */
const predicted = (description: string) => nullable(Type.Number({ minimum: 0, description }));

/** Schema of {@link LayerTheory}. */
export const layerTheorySchema = Type.Object(
  {
    q: predicted('Predicted pre-activation variance qˡ.'),
    mean: nullable(Type.Number({ description: 'Predicted post-activation mean E[φ(√q·z)].' })),
    std: predicted('Predicted post-activation standard deviation.'),
    chi: predicted(
      'χˡ = σ_w²·E[φ′(√qˡ·z)²]: the factor by which gradient variance grows going down through the layer.',
    ),
    gradientVariance: predicted(
      'Predicted Var(δˡ) of the backward pass (e ~ N(0, 1) at the top), as width → ∞.',
    ),
    counts: nullable(
      Type.Array(Type.Number({ minimum: 0 }), {
        description:
          'Expected count in each bin of this layer’s histogram edges (fractional); null when q is not finite.',
      }),
    ),
    below: predicted('Expected count below the first edge; null when q is not finite.'),
    above: predicted('Expected count above the last edge; null when q is not finite.'),
  },
  {
    description:
      'Mean-field predictions for one layer (`--theory`; Poole et al. 2016, Schoenholz et al. 2017). A value that leaves f64’s range (an exploding stack) is null.',
  },
);

/** Mean-field predictions for one layer (`--theory`). */
export interface LayerTheory extends Static<typeof layerTheorySchema> {}
