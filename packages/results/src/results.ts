import type { Static } from 'typebox';
import Type from 'typebox';
import { schemaDialect } from './dialect.js';
import { resultsConfigSchema } from './results-config.js';
import { runResultSchema } from './run-result.js';
import { verdictThresholdsSchema } from './verdict.js';

/** JSON Schema of the whole `initscope run --json` document ({@link Results}). */
export const resultsSchema = Type.Object(
  {
    tool: Type.Literal('initscope'),
    version: Type.String({ description: 'The initscope version that wrote the document.' }),
    config: resultsConfigSchema,
    runs: Type.Array(runResultSchema, {
      description: 'Every (activation, initializer) pair, activations outermost.',
    }),
    verdictThresholds: Type.Optional(verdictThresholdsSchema),
  },
  {
    $schema: schemaDialect,
    title: 'initscope results',
    description:
      'What `initscope run --json` writes and `@initscope/report` draws. Fields may be added; none may change meaning. See docs/results.md.',
  },
);

/** The whole results document: what `initscope run --json` writes. */
export interface Results extends Static<typeof resultsSchema> {}
