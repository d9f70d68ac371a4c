import type { ErrorObject } from 'ajv';

/** How many characters of an offending value an error message quotes. */
export const quotedLength = 40;

/** `/runs/0/layers/2/mean` → `$.runs[0].layers[2].mean`. */
export function pathOf(instancePath: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  return parts
    .map((part) =>
      /^\d+$/.test(part)
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `.${part}`
          : `[${JSON.stringify(part)}]`,
    )
    .reduce((path, part) => path + part, '$');
}

/** A value as an error message quotes it: JSON, cut to {@link quotedLength} characters. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > quotedLength ? `${text.slice(0, quotedLength - 1)}…` : text;
}

function items(n: unknown): string {
  return `${n} item${n === 1 ? '' : 's'}`;
}

function orList(values: readonly unknown[]): string {
  const quoted = values.map(quote);
  return quoted.length <= 2
    ? quoted.join(' or ')
    : `one of ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** What a failed keyword asks for, in words. */
function expectation(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      return `must be ${types.join(' or ')}`;
    }
    case 'const':
      return `must be ${quote(params.allowedValue)}`;
    case 'enum':
      return `must be ${orList(params.allowedValues as unknown[])}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const sign = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' }[String(params.comparison)];
      return `must be ${sign ?? params.comparison} ${params.limit}`;
    }
    case 'minItems':
      return `must hold at least ${items(params.limit)}`;
    case 'maxItems':
      return params.limit === 0 ? 'must be empty' : `must hold at most ${items(params.limit)}`;
    case 'additionalItems':
      return `must hold at most ${items(params.limit)}`;
    default:
      return error.message ?? `fails "${error.keyword}"`;
  }
}

/** The tags a discriminated `oneOf` accepts (each branch's `const`). */
function tagsOf(error: ErrorObject): unknown[] {
  const tag = (error.params as { tag: string }).tag;
  const branches = (error.parentSchema as { oneOf?: { properties?: Record<string, unknown> }[] })
    ?.oneOf;
  return (branches ?? []).map((branch) => (branch.properties?.[tag] as { const?: unknown })?.const);
}

/**
 * One readable line for a validation error (ajv with `verbose: true`), e.g.
 * `$.runs[0].layers[2].std: must be number or null, got "wide"`.
 */
export function errorMessage(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  if (error.keyword === 'required') {
    return `${path}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string }).additionalProperty;
    return `${path}: unknown field "${field}"`;
  }
  if (error.keyword === 'discriminator') {
    const { tag, error: kind } = error.params as { tag: string; error: string };
    const value = (error.data as Record<string, unknown> | null)?.[tag];
    if (kind === 'tag' && value === undefined) return `${path}: missing "${tag}"`;
    return `${path}.${tag}: must be ${orList(tagsOf(error))}, got ${quote(value)}`;
  }
  const got = error.keyword.endsWith('Items')
    ? items((error.data as unknown[]).length)
    : quote(error.data);
  return `${path}: ${expectation(error)}, got ${got}`;
}
