import { baselineEngine } from './engine.js';
import { formatMs, formatSi } from './format.js';
import type { BenchResult, ResultsDocument } from './results.js';

/** The figure of merit of a result: GFLOP/s for matmul, items/s for components, runs/s otherwise. */
export function figureOf(result: BenchResult): string {
  if (result.gflops !== undefined) return `${result.gflops.toPrecision(3)} GFLOP/s`;
  if (result.throughput !== undefined)
    return `${formatSi(result.throughput)}${result.unit ?? '/s'}`;
  if (result.median_ms) return `${(1000 / result.median_ms).toPrecision(3)} runs/s`;
  return '';
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
}

/** "0.364 ms, the timed function at 1.03× of it" for a NumPy component's bare call. */
export function bareCallText(result: BenchResult): string | undefined {
  if (result.bare_median_ms === undefined || result.median_ms === null) return undefined;
  const factor = result.median_ms / result.bare_median_ms;
  return `bare NumPy call ${formatMs(result.bare_median_ms)} in the same rounds (timed function at ${factor.toFixed(2)}× of it)`;
}

/**
 * The console table: per case, its napkin math, then one line per engine with median, mean, range,
 * sample count, figure of merit and the ratio against initscope (with its interval; "◀" marks the
 * fastest peer, the headline); then what each engine computes where they differ, NumPy's bare
 * calls, skips and errors.
 */
export function formatTable(document: ResultsDocument): string {
  const lines: string[] = [];
  const header = ['engine', 'median', 'mean', 'min–max', 'n', 'figure', `vs ${baselineEngine}`];
  for (const work of document.cases) {
    lines.push('', `${work.suite} ${work.case} — ${work.napkin}`);
    const results = document.results.filter((r) => r.suite === work.suite && r.case === work.case);
    const rows = results.map((r) => {
      const name = r.threads > 1 ? `${r.engine} ×${r.threads}` : r.engine;
      if (r.error !== undefined) return [name, `ERROR ${r.error}`];
      const ratio = document.ratios.find(
        (q) =>
          q.suite === r.suite &&
          q.case === r.case &&
          q.engine === r.engine &&
          (q.threads ?? 1) === r.threads,
      );
      const scaled = document.scaling?.find(
        (q) => q.suite === r.suite && q.case === r.case && q.threads === r.threads,
      );
      return [
        name,
        formatMs(r.median_ms as number),
        formatMs(r.mean_ms as number),
        `${formatMs(r.min_ms as number)}–${formatMs(r.max_ms as number)}`,
        String(r.samples),
        figureOf(r),
        r.engine === baselineEngine
          ? r.threads > 1
            ? (scaled?.label ?? '—')
            : '—'
          : `${ratio?.label ?? 'n/a'}${ratio?.fastest_peer ? ' ◀' : ''}`,
      ];
    });
    const widths = header.map((h, i) =>
      Math.max(
        h.length,
        ...rows.filter((cells) => cells.length > 2).map((cells) => cells[i]?.length ?? 0),
      ),
    );
    lines.push(row(header, widths));
    for (const cells of rows)
      lines.push(cells.length > 2 ? row(cells, widths) : `  ${cells.join('  ')}`);
    for (const skip of document.skipped) {
      if (skip.suite === work.suite && skip.case === work.case) {
        lines.push(`  ${skip.engine.padEnd(widths[0] ?? 0)}  skipped: ${skip.reason}`);
      }
    }
    for (const r of results) {
      const bare = bareCallText(r);
      if (bare) lines.push(`  ${r.engine.padEnd(widths[0] ?? 0)}  ${bare}`);
    }
    for (const [engine, what] of Object.entries(work.engines ?? {})) {
      lines.push(`  ${engine.padEnd(widths[0] ?? 0)}  computes ${what}`);
    }
  }
  return lines.join('\n').slice(1);
}
