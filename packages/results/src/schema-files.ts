import { phaseDiagramSchema } from './phase-diagram.js';
import { resultsSchema } from './results.js';
import { trainingSchema } from './training.js';

/** The committed JSON Schema files (`schema/<name>`) and the schema each one holds. */
export const schemaFiles = {
  'results.schema.json': resultsSchema,
  'phase.schema.json': phaseDiagramSchema,
  'train.schema.json': trainingSchema,
} as const;

/** A schema as its file holds it: `$schema`, title and description first, 2-space JSON, a final newline. */
export function schemaText(schema: object): string {
  const { $schema, title, description, ...rest } = schema as Record<string, unknown>;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}
