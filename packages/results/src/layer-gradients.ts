import type { Static } from 'typebox';
import Type from 'typebox';
import { histogramSchema } from './histogram.js';
import { nullable } from './nullable.js';

/** Schema of {@link LayerGradients}. */
export const layerGradientsSchema = Type.Object(
  {
    variance: nullable(
      Type.Number({
        minimum: 0,
        description: 'Var(δˡ) (population) over the finite values; null when none is finite.',
      }),
    ),
    mean: nullable(Type.Number({ description: 'Mean of δˡ; null when no value is finite.' })),
    nonFinite: Type.Integer({ minimum: 0, description: 'NaN and ±Inf values of δˡ.' }),
    zeroFraction: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Exact zeros of δˡ / all its values (dead ReLU units pass no gradient).',
    }),
    histogram: histogramSchema,
    weightGradNorm: nullable(
      Type.Number({
        minimum: 0,
        description:
          'Frobenius norm of the weight gradient (Zˡ⁻¹)ᵀ·δˡ (Z⁰ = X); null when not finite.',
      }),
    ),
  },
  {
    description:
      'The backward pass at initialization (`--gradients`): e ~ N(0, 1) at the top layer’s output, δᴸ = φ′(Aᴸ) ⊙ e, δˡ = φ′(Aˡ) ⊙ (δˡ⁺¹·(Wˡ⁺¹)ᵀ); statistics of δˡ, the gradient at layer l’s pre-activations; its histogram is on [−m, m], m = the largest finite |δˡ| (or [−1, 1] when all are 0).',
  },
);

/** The backward pass at one layer (`--gradients`): statistics of δˡ and the weight-gradient norm. */
export interface LayerGradients extends Static<typeof layerGradientsSchema> {}
