import type { Static, TSchema, TUnsafe } from 'typebox';
import Type from 'typebox';

/**
 * `schema` or `null` as one JSON Schema (`"type": ["number", "null"]`, `null` added to an `enum`),
 * so a validator reports one error for a wrong value, not one per alternative.
 */
export function nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type, enum: values, ...rest } = schema as { type?: unknown; enum?: unknown[] };
  if (typeof type !== 'string' && !values) {
    throw new TypeError('nullable() needs a schema with one "type" or an "enum".');
  }
  const out: Record<string, unknown> = {};
  if (typeof type === 'string') out.type = [type, 'null'];
  if (values) out.enum = [...values, null];
  return Type.Unsafe<Static<T> | null>({ ...out, ...rest } as TSchema);
}
