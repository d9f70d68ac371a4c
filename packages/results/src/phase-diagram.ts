import type { Static } from 'typebox';
import Type from 'typebox';
import { schemaDialect } from './dialect.js';
import { nullable } from './nullable.js';
import { phaseSchema } from './phase.js';

const axis = (description: string) =>
  Type.Array(Type.Number({ minimum: 0 }), { minItems: 1, description });

/** JSON Schema of the `initscope phase --json` document ({@link PhaseDiagram}). */
export const phaseDiagramSchema = Type.Object(
  {
    tool: Type.Literal('initscope'),
    version: Type.String({ description: 'The initscope version that wrote the document.' }),
    activation: Type.String({ description: 'Activation id, e.g. `tanh` or `leaky-relu:0.2`.' }),
    sigmaW2: axis('Grid axis σ_w² (columns).'),
    sigmaB2: axis('Grid axis σ_b² (rows).'),
    chi1: Type.Array(Type.Array(nullable(Type.Number({ minimum: 0 }))), {
      description: 'chi1[i][j] at (sigmaB2[i], sigmaW2[j]); null where the fixed point diverges.',
    }),
    edge: Type.Array(
      Type.Object({
        sigmaB2: Type.Number({ minimum: 0 }),
        sigmaW2: nullable(Type.Number({ minimum: 0 })),
      }),
      {
        description:
          'The χ₁ = 1 edge of chaos: for each σ_b², the σ_w² where χ₁ crosses 1 (null when it does not in range).',
      },
    ),
    points: Type.Array(
      Type.Object({
        init: Type.String({ description: 'Initializer id.' }),
        sigmaW2: Type.Number({ minimum: 0, description: 'fan_in·E[w²] at the given width.' }),
        sigmaB2: Type.Number({ minimum: 0, description: 'σ_b² of `--bias-std`.' }),
        chi1: nullable(Type.Number({ minimum: 0 })),
        phase: nullable(phaseSchema),
      }),
      { description: 'The user’s configurations placed on the diagram.' },
    ),
  },
  {
    $schema: schemaDialect,
    title: 'initscope phase diagram',
    description:
      'What `initscope phase --json` writes: χ₁ over (σ_w², σ_b²) for one activation. Fields may be added; none may change meaning.',
  },
);

/** The `initscope phase` document: χ₁ over (σ_w², σ_b²) for one activation. */
export interface PhaseDiagram extends Static<typeof phaseDiagramSchema> {}
