import type { Static } from 'typebox';
import Type from 'typebox';
import { nullable } from './nullable.js';
import { phaseSchema } from './phase.js';

/** Schema of {@link RunTheory}. */
export const runTheorySchema = Type.Object(
  {
    sigmaW2: Type.Number({
      minimum: 0,
      description:
        'σ_w² = fan_in·E[w²] of the first layer (mean-field convention W ~ N(0, σ_w²/N)).',
    }),
    sigmaB2: Type.Number({ minimum: 0, description: 'σ_b² = Var(b).' }),
    qStar: nullable(
      Type.Number({
        minimum: 0,
        description: 'The fixed point q* of the variance map; null when it diverges.',
      }),
    ),
    chi1: nullable(
      Type.Number({
        minimum: 0,
        description: 'χ₁ at q*: < 1 ordered (gradients vanish), > 1 chaotic (they explode).',
      }),
    ),
    phase: nullable(phaseSchema),
    depthScale: nullable(
      Type.Number({
        minimum: 0,
        description:
          'Correlation depth scale ξ_c in layers; null when infinite (at criticality) or when q* diverges.',
      }),
    ),
  },
  { description: 'Mean-field summary of one run (its fixed point), present with `--theory`.' },
);

/** Mean-field summary of one run (its fixed point), present with `--theory`. */
export interface RunTheory extends Static<typeof runTheorySchema> {}
