/** Edit distance with adjacent transpositions (optimal string alignment): "tahn" is one edit from "tanh". */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The closest valid choice to `value`, if it is close enough to be a likely typo. */
export function closest(value: string, valid: readonly string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const choice of valid) {
    const d = distance(needle, choice.toLowerCase());
    if (d < bestDistance) {
      best = choice;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(needle.length / 3)) ? best : undefined;
}

/**
 * The one message for a value outside a closed set:
 * `Unknown activation "sigmoi". Did you mean "sigmoid"? Valid values: sigmoid, relu, tanh, …`
 */
export function unknownChoiceMessage(
  what: string,
  value: string,
  valid: readonly string[],
): string {
  const suggestion = closest(value, valid);
  const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
  return `Unknown ${what} "${value}".${hint} Valid values: ${valid.join(', ')}.`;
}
