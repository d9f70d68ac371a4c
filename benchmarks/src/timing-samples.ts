// A result's timing samples stay in memory for the bootstrap intervals of its ratios; latest.json
// keeps only their summary (median, mean, min, max, count), so they live beside the row, not in it.

const kept = new WeakMap<object, readonly number[]>();

/** Remembers the timing samples (ms) behind `result`. */
export function keepSamples(result: object, samplesMs: readonly number[]): void {
  kept.set(result, samplesMs);
}

/** The timing samples (ms) behind `result`, if they were kept. */
export function samplesOf(result: object): readonly number[] | undefined {
  return kept.get(result);
}

const probes = new WeakMap<object, readonly [readonly number[], readonly number[]]>();

/** Remembers the machine probe's timing samples (ms, 1 thread and all cores) beside `result`. */
export function keepProbeSamples(
  result: object,
  one: readonly number[],
  all: readonly number[],
): void {
  probes.set(result, [one, all]);
}

/** The machine probe's timing samples (ms, 1 thread and all cores) beside `result`, if kept. */
export function probeSamplesOf(
  result: object,
): readonly [readonly number[], readonly number[]] | undefined {
  return probes.get(result);
}
