import { Ajv, type ValidateFunction } from 'ajv';
import { closed } from './closed.js';
import { errorMessage } from './error-message.js';
import { type PhaseDiagram, phaseDiagramSchema } from './phase-diagram.js';
import { type Results, resultsSchema } from './results.js';
import { type Training, trainingSchema } from './training.js';

/** How many error lines a failed validation lists before it sums up the rest. */
export const maxErrors = 20;

/** A validated document, or why it is not one: one readable line per problem. */
export type Validation<T> = { valid: true; value: T } | { valid: false; errors: string[] };

/** Options of {@link validateResults} and {@link validatePhaseDiagram}. */
export interface ValidateOptions {
  /**
   * Reject fields the schema does not describe. Off by default, because fields may be added to the
   * contract; on, it checks that a writer documents everything it writes.
   * @default false
   */
  closed?: boolean;
}

let ajv: Ajv | undefined;

/** A validator compiled on first use (ajv: every error, the offending value, `state`-tagged runs). */
function compiled<T>(schema: object): () => ValidateFunction<T> {
  let validate: ValidateFunction<T> | undefined;
  return () => {
    ajv ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, discriminator: true });
    validate ??= ajv.compile<T>(schema);
    return validate;
  };
}

function validation<T>(validate: ValidateFunction<T>, json: unknown): Validation<T> {
  if (validate(json)) return { valid: true, value: json };
  const errors = (validate.errors ?? []).map(errorMessage);
  if (errors.length <= maxErrors) return { valid: false, errors };
  const more = errors.length - maxErrors;
  return { valid: false, errors: [...errors.slice(0, maxErrors), `… and ${more} more`] };
}

const results = {
  open: compiled<Results>(resultsSchema),
  closed: compiled<Results>(closed(resultsSchema)),
};
const phaseDiagram = {
  open: compiled<PhaseDiagram>(phaseDiagramSchema),
  closed: compiled<PhaseDiagram>(closed(phaseDiagramSchema)),
};

const training = {
  open: compiled<Training>(trainingSchema),
  closed: compiled<Training>(closed(trainingSchema)),
};

/** Checks a parsed `initscope train --json` document against the contract's JSON Schema. */
export function validateTraining(
  json: unknown,
  options: ValidateOptions = {},
): Validation<Training> {
  return validation(options.closed ? training.closed() : training.open(), json);
}

/** Checks a parsed `initscope run --json` document against the contract's JSON Schema. */
export function validateResults(json: unknown, options: ValidateOptions = {}): Validation<Results> {
  return validation(options.closed ? results.closed() : results.open(), json);
}

/** Checks a parsed `initscope phase --json` document against the contract's JSON Schema. */
export function validatePhaseDiagram(
  json: unknown,
  options: ValidateOptions = {},
): Validation<PhaseDiagram> {
  return validation(options.closed ? phaseDiagram.closed() : phaseDiagram.open(), json);
}
