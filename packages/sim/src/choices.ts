/** Levenshtein distance between two short strings (for "did you mean" suggestions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
 * `Unknown activation "sigmoi". Did you mean "sigmoid"? Valid values: sigmoid, tanh, relu.`
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
