/** A value as it should appear in a one-line error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}

/** The one "unknown X" message: `Unknown activation "foo". Valid values: linear, sigmoid, tanh, relu.` */
export function unknownValue(what: string, value: unknown, valid: readonly string[]): Error {
  return new Error(`Unknown ${what} ${show(value)}. Valid values: ${valid.join(', ')}.`);
}
