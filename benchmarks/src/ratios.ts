import {
  bootstrapMedians,
  defaultReplicates,
  intervalConfidence,
  intervalOfReplicates,
  seedOf,
} from './bootstrap.js';
import { baselineEngine, type EngineName } from './engine.js';
import { uint32Source } from './random.js';
import type { BenchResult, Ratio, Scaling, SuiteName } from './results.js';
import { probeSamplesOf, samplesOf } from './timing-samples.js';

export type { Ratio } from './results.js';

/** Fewest timing samples per engine for an interval: below it the samples say little about the noise. */
export const minIntervalSamples = 5;

/** Formats a speedup with two significant digits: 0.42, 1.8, 12. */
export function formatSpeedup(speedup: number): string {
  if (speedup >= 10) return speedup.toFixed(0);
  if (speedup >= 1) return speedup.toFixed(1);
  return speedup.toPrecision(2);
}

/** "1.7–1.9": an interval at the precision of its speedup, wider when its ends would print alike. */
export function formatInterval([low, high]: readonly [number, number]): string {
  let lowText = formatSpeedup(low);
  let highText = formatSpeedup(high);
  for (let digits = 3; lowText === highText && low !== high && digits <= 4; digits++) {
    lowText = low.toPrecision(digits);
    highText = high.toPrecision(digits);
  }
  return `${lowText}–${highText}`;
}

/** "initscope 1.8× tfjs-wasm", with " (1.7–1.9)" when the interval is known. */
export function ratioLabel(
  speedup: number,
  peer: EngineName,
  interval?: readonly [number, number],
): string {
  const base = `${baselineEngine} ${formatSpeedup(speedup)}× ${peer}`;
  return interval ? `${base} (${formatInterval(interval)})` : base;
}

/**
 * Every (case, peer) ratio where both initscope and the peer have a median, each with its
 * bootstrap interval; the peer with the lowest median on a case is marked `fastest_peer`.
 * Each result's bootstrap medians are drawn once, seeded by its (suite, case, engine).
 */
export function ratios(results: readonly BenchResult[]): Ratio[] {
  const replicates = new Map<BenchResult, Float64Array | undefined>();
  const medians = (result: BenchResult): Float64Array | undefined => {
    if (!replicates.has(result)) {
      const samples = samplesOf(result);
      const key = `${result.suite}/${result.case}/${result.engine}${result.threads > 1 ? `/${result.threads}` : ''}`;
      replicates.set(
        result,
        samples && samples.length >= minIntervalSamples
          ? bootstrapMedians(samples, defaultReplicates, uint32Source(seedOf(key)))
          : undefined,
      );
    }
    return replicates.get(result);
  };
  const out: Ratio[] = [];
  for (const base of results) {
    if (base.engine !== baselineEngine || base.median_ms === null || base.median_ms <= 0) continue;
    const peers = results.filter(
      (peer) =>
        peer.suite === base.suite &&
        peer.case === base.case &&
        peer.engine !== baselineEngine &&
        peer.threads === base.threads &&
        peer.median_ms !== null,
    );
    const fastest = Math.min(...peers.map((peer) => peer.median_ms as number));
    for (const peer of peers) {
      const speedup = (peer.median_ms as number) / base.median_ms;
      const top = medians(peer);
      const bottom = medians(base);
      const interval = top && bottom ? intervalOfReplicates(top, bottom) : undefined;
      const ratio: Ratio = {
        suite: base.suite,
        case: base.case,
        engine: peer.engine,
        threads: base.threads,
        speedup,
        fastest_peer: peer.median_ms === fastest,
        label: ratioLabel(speedup, peer.engine, interval),
      };
      if (interval) ratio.interval = interval;
      out.push(ratio);
    }
  }
  return out;
}

/** The headline ratio of a case: initscope against the fastest peer. */
export function headlineRatio(
  all: readonly Ratio[],
  suite: SuiteName,
  name: string,
): Ratio | undefined {
  return all.find(
    (r) => r.suite === suite && r.case === name && r.fastest_peer && (r.threads ?? 1) === 1,
  );
}

/** What the intervals mean, in one sentence for pages. */
export const intervalNote =
  `Intervals are ${intervalConfidence * 100}% percentile-bootstrap intervals of the ratio of ` +
  `medians over both engines' timing samples in this run (noise within the run, not between runs).`;

/**
 * The bootstrap interval of median(one) / median(many), seeded by `key`; undefined below
 * {@link minIntervalSamples} samples on either side.
 */
function speedupInterval(
  one: readonly number[] | undefined,
  many: readonly number[] | undefined,
  key: string,
  threads: number,
): [number, number] | undefined {
  if (!one || !many || one.length < minIntervalSamples || many.length < minIntervalSamples) {
    return undefined;
  }
  return intervalOfReplicates(
    bootstrapMedians(one, defaultReplicates, uint32Source(seedOf(`${key}/1`))),
    bootstrapMedians(many, defaultReplicates, uint32Source(seedOf(`${key}/${threads}`))),
  );
}

/**
 * initscope on more threads against itself on one, per case: its 1-thread median over its
 * N-thread median (above 1: the threads help), with the bootstrap interval when both rows have
 * enough samples; and, when the threaded row was probed, the machine probe's speedup in the same
 * blocks.
 */
export function scaling(results: readonly BenchResult[]): Scaling[] {
  const out: Scaling[] = [];
  for (const many of results) {
    if (many.engine !== baselineEngine || many.threads <= 1 || many.median_ms === null) continue;
    const one = results.find(
      (r) =>
        r.engine === baselineEngine &&
        r.suite === many.suite &&
        r.case === many.case &&
        r.threads === 1 &&
        r.median_ms !== null,
    );
    if (!one || many.median_ms <= 0) continue;
    const speedup = (one.median_ms as number) / many.median_ms;
    const key = `${many.suite}/${many.case}/${baselineEngine}`;
    const interval = speedupInterval(samplesOf(one), samplesOf(many), key, many.threads);
    const label =
      `${baselineEngine} ${many.threads} threads ${formatSpeedup(speedup)}× 1 thread` +
      (interval ? ` (${formatInterval(interval)})` : '');
    const row: Scaling = {
      suite: many.suite,
      case: many.case,
      engine: baselineEngine,
      threads: many.threads,
      speedup,
      ...(interval ? { interval } : {}),
      label,
    };
    const probe = many.machine_probe;
    if (probe && probe.all_ms > 0) {
      row.machine = probe.one_ms / probe.all_ms;
      row.label += `; machine probe ${formatSpeedup(row.machine)}×`;
      const [oneProbe, allProbe] = probeSamplesOf(many) ?? [];
      const machineInterval = speedupInterval(oneProbe, allProbe, `${key}/probe`, many.threads);
      if (machineInterval) row.machine_interval = machineInterval;
    }
    out.push(row);
  }
  return out;
}
