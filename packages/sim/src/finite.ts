/** x when it is a finite number, else null (JSON has no Infinity or NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
