/**
 * A copy of `schema` in which every object with `properties` allows no other field
 * (`additionalProperties: false`): the contract as it stands, with no room for fields added later.
 */
export function closed<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(closed) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` maps field names to schemas: close the schemas, keep the names.
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)]))
        : closed(value);
  }
  if ('properties' in out) out.additionalProperties = false;
  return out as T;
}
