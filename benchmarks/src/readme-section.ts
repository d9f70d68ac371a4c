import { baselineEngine, type EngineName } from './engine.js';
import { formatMs } from './format.js';
import { describeNumpy } from './numpy-facts.js';
import {
  formatInterval,
  formatSpeedup,
  headlineRatio,
  intervalNote,
  type Ratio,
} from './ratios.js';
import type { BenchCase, BenchResult, ResultsDocument } from './results.js';

// The root README's Performance section, written from one results document, so that the text
// never says more than the run measured. `npm run bench:readme` puts it between the markers.

/** The line that opens the generated section in README.md. */
export const performanceStart =
  '<!-- performance:start — generated from benchmarks/results/latest.json by `npm run bench:readme -w @initscope/benchmarks`; edit the generator (benchmarks/src/readme-section.ts), not this text -->';

/** The line that closes it. */
export const performanceEnd = '<!-- performance:end -->';

/** The peers the table shows, fastest kinds first (tfjs-cpu stays in the JSON and on the page). */
const tablePeers: readonly EngineName[] = [
  'numpy-f32',
  'numpy',
  'tfjs-wasm',
  'tfjs-wasm-customgrad',
  'naive-js',
];

function resultOf(document: ResultsDocument, work: BenchCase, engine: EngineName, threads = 1) {
  return document.results.find(
    (r) =>
      r.suite === work.suite &&
      r.case === work.case &&
      r.engine === engine &&
      (r.threads ?? 1) === threads,
  );
}

function ratioOf(document: ResultsDocument, result: BenchResult): Ratio | undefined {
  return document.ratios.find(
    (q) =>
      q.suite === result.suite &&
      q.case === result.case &&
      q.engine === result.engine &&
      (q.threads ?? 1) === (result.threads ?? 1),
  );
}

/** "1.3× (1.2–1.4)", or "1.3×" without an interval. */
function ratioText(ratio: Ratio): string {
  const interval = ratio.interval ? ` (${formatInterval(ratio.interval)})` : '';
  return `${formatSpeedup(ratio.speedup)}×${interval}`;
}

function cell(document: ResultsDocument, work: BenchCase, engine: EngineName): string {
  const result = resultOf(document, work, engine);
  if (!result) {
    const skip = document.skipped.find(
      (s) => s.suite === work.suite && s.case === work.case && s.engine === engine,
    );
    return skip ? 'skipped' : '—';
  }
  if (result.median_ms === null) return 'error';
  const ratio = ratioOf(document, result);
  const figure = result.gflops !== undefined ? `, ${result.gflops.toPrecision(3)} GFLOP/s` : '';
  return `${formatMs(result.median_ms)}${figure}${ratio ? ` (${formatSpeedup(ratio.speedup)}×)` : ''}`;
}

function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - 60 * m)} s`;
}

/** The section's Markdown, from the heading's next line to the end marker. */
export function performanceSection(document: ResultsDocument): string {
  const { machine, peers, versions } = document;
  const lines: string[] = [performanceStart, ''];
  const load = document.load
    ? ` Load average (1 min) ${document.load.start.toFixed(1)} at the start and ${document.load.end.toFixed(1)} at the end: other work shared the CPU, so read ratios, not milliseconds.`
    : '';
  lines.push(
    `One ${document.mode} \`npm run bench\` run, finished ${document.date.slice(0, 16).replace('T', ' ')} UTC` +
      `${document.duration_s ? ` (${minutes(document.duration_s)})` : ''}: ${machine.cpu}, ` +
      `${machine.cores} cores, Node ${machine.node}, one thread for every engine in the first table` +
      `${document.scaling?.length ? '; the second puts initscope on every core' : ''}.${load}`,
    '',
    `Peers: ${
      [
        versions.tfjs
          ? `TensorFlow.js ${versions.tfjs} (\`tfjs-wasm\`: XNNPACK, SIMD, no threads)`
          : '',
        peers.numpy ? describeNumpy(peers.numpy) : '',
      ]
        .filter(Boolean)
        .join('; ') || 'none ran'
    }. \`numpy\` is the book's own code ` +
      `where the book has one (the sweep: float64, \`np.histogram\`) and float32 with \`out=\` ` +
      `ufuncs in \`components\`; \`numpy-f32\` is NumPy ` +
      `written for speed (float32, buffers allocated once, \`out=\` ufuncs, ` +
      `\`np.matmul(..., out=)\`, a \`bincount\` histogram with initscope's bin rule). NumPy times ` +
      `itself in its own process, like every engine after one validated run.`,
    '',
    `Medians. "vs fastest peer" is the fastest peer's median over initscope's (above 1: ` +
      `initscope is faster); in brackets, its 95% interval. ${intervalNote.replace(/^Intervals are /, 'Intervals: ')} ` +
      `Peer columns give each peer's median and the same ratio.`,
    '',
  );
  const header = ['suite / case', baselineEngine, 'fastest peer', 'vs fastest peer', ...tablePeers];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const work of document.cases) {
    const base = resultOf(document, work, baselineEngine);
    const headline = headlineRatio(document.ratios, work.suite, work.case);
    const fastest = headline ? resultOf(document, work, headline.engine) : undefined;
    const row = [
      `\`${work.suite}\` / \`${work.case}\``,
      base?.median_ms != null
        ? `${formatMs(base.median_ms)}${base.gflops !== undefined ? `, ${base.gflops.toPrecision(3)} GFLOP/s` : ''}`
        : 'error',
      headline && fastest?.median_ms != null
        ? `${headline.engine} ${formatMs(fastest.median_ms)}`
        : '—',
      headline ? `**${ratioText(headline)}**` : '—',
      ...tablePeers.map((engine) => cell(document, work, engine)),
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  lines.push('');
  lines.push(...threadsTable(document));
  // One line per (engine, what it computes), naming every case where it computes that.
  const computes = new Map<string, { engine: string; what: string; cases: string[] }>();
  for (const work of document.cases) {
    for (const [engine, what] of Object.entries(work.engines ?? {})) {
      const key = `${engine}\n${what}`;
      const entry = computes.get(key) ?? { engine, what, cases: [] };
      entry.cases.push(`\`${work.suite}/${work.case}\``);
      computes.set(key, entry);
    }
  }
  if (computes.size) {
    lines.push('What one run computes, where engines differ:', '');
    for (const { engine, what, cases } of computes.values()) {
      lines.push(`- \`${engine}\` in ${cases.join(' and ')}: ${what}.`);
    }
    lines.push('');
  }
  const bare = document.results.filter(
    (r) => r.bare_median_ms !== undefined && r.median_ms !== null,
  );
  if (bare.length) {
    const parts = bare.map(
      (r) =>
        `${r.case} ${formatMs(r.median_ms as number)} vs ${formatMs(r.bare_median_ms as number)} ` +
        `(${((r.median_ms as number) / (r.bare_median_ms as number)).toFixed(2)}×)`,
    );
    lines.push(
      `NumPy's component functions against the bare NumPy call, timed in the same rounds: ${parts.join('; ')}.`,
      '',
    );
  }
  const skipped = document.skipped.length;
  if (skipped) {
    lines.push(
      `${skipped} (case, engine) pairs were skipped (see each reason in the JSON and on the ` +
        `page, which also hold \`tfjs-cpu\`).`,
      '',
    );
  }
  lines.push(performanceEnd);
  return lines.join('\n');
}

/**
 * initscope on every core against itself on 1 thread (the document's `scaling`), and against the
 * fastest peer run with as many threads; empty when the run had no threaded rows.
 */
function threadsTable(document: ResultsDocument): string[] {
  const scaling = document.scaling ?? [];
  if (!scaling.length) return [];
  const lines = [
    `On ${scaling[0]?.threads} threads: initscope through its worker pool (\`--threads\`: runs, seeds and ` +
      'training runs spread over workers) or its threaded products (row strips on every core), the same ' +
      'bits as on 1 thread (each row is validated against the 1-thread output); NumPy with as many BLAS threads. ' +
      "initscope's two rows are timed in alternating blocks (1 thread, all cores; all cores, 1 thread; …), so a " +
      'slow spell of the shared machine falls on both. ' +
      '"vs 1 thread" is initscope\'s 1-thread median over its threaded one, in brackets its 95% interval. ' +
      '"Machine probe" is what the machine gave in the same blocks: a product that stays in one core\'s ' +
      "caches (128³, initscope's 1-thread kernel, each thread its own data), run on 1 worker thread and " +
      'spread over as many as the row, the same products on both; its ratio is the most any threaded code ' +
      'could gain while the case was timed.',
    '',
    '| suite / case | initscope, 1 thread | initscope, threads | vs 1 thread | machine probe | fastest peer, same threads | vs that peer |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const scale of scaling) {
    const work = document.cases.find((c) => c.suite === scale.suite && c.case === scale.case);
    if (!work) continue;
    const one = resultOf(document, work, baselineEngine);
    const many = resultOf(document, work, baselineEngine, scale.threads);
    const peer = document.ratios.find(
      (q) =>
        q.suite === scale.suite &&
        q.case === scale.case &&
        q.fastest_peer &&
        (q.threads ?? 1) === scale.threads,
    );
    const peerResult = peer ? resultOf(document, work, peer.engine, scale.threads) : undefined;
    const ms = (r: BenchResult | undefined) =>
      r?.median_ms != null ? formatMs(r.median_ms) : 'error';
    const row = [
      `\`${work.suite}\` / \`${work.case}\``,
      ms(one),
      `${ms(many)} (${scale.threads} threads)`,
      `**${formatSpeedup(scale.speedup)}×${scale.interval ? ` (${formatInterval(scale.interval)})` : ''}**`,
      scale.machine !== undefined
        ? `${formatSpeedup(scale.machine)}×${scale.machine_interval ? ` (${formatInterval(scale.machine_interval)})` : ''}`
        : '—',
      peer && peerResult ? `${peer.engine} ${ms(peerResult)}` : '—',
      peer ? ratioText(peer) : '—',
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  lines.push('');
  return lines;
}

/**
 * `readme` with the text between {@link performanceStart} and {@link performanceEnd} replaced by
 * a new section; throws when the markers are missing or out of order.
 */
export function replacePerformanceSection(readme: string, section: string): string {
  const start = readme.indexOf(performanceStart);
  const end = readme.indexOf(performanceEnd);
  if (start < 0 || end < start) {
    throw new Error(
      `README.md has no "<!-- performance:start" … "${performanceEnd}" block to replace`,
    );
  }
  return readme.slice(0, start) + section + readme.slice(end + performanceEnd.length);
}
