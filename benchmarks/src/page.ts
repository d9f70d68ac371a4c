import path from 'node:path';
import { checkOutput, writeOutputs } from '@initscope/cli/output';
import { type PageChart, renderChartsPage } from '@initscope/report';
import { baselineEngine, type EngineName, engineNames } from './engine.js';
import { formatMs } from './format.js';
import { describeNumpy } from './numpy-facts.js';
import { headlineRatio, intervalNote } from './ratios.js';
import {
  type BenchCase,
  defaultResultsDir,
  type MatmulSuite,
  matmulSuites,
  type ResultsDocument,
} from './results.js';
import { bareCallText, figureOf } from './table.js';

/** The vega-lite schema the specs are written for (report pins the runtime). */
export const vegaLiteSchema = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One colour per engine, the same on every chart; initscope's is the one that stands out. */
export const engineColors: Readonly<Record<EngineName, string>> = {
  initscope: '#e45756',
  'naive-js': '#9d755d',
  'tfjs-cpu': '#f58518',
  'tfjs-wasm': '#4c78a8',
  'tfjs-wasm-customgrad': '#72b7b2',
  numpy: '#54a24b',
  'numpy-f32': '#88d27a',
};

/** The vega-lite colour encoding of engines, with or without a legend. */
function engineColor(legend: boolean): object {
  return {
    field: 'engine',
    type: 'nominal',
    scale: { domain: [...engineNames], range: engineNames.map((e) => engineColors[e]) },
    ...(legend ? {} : { legend: null }),
  };
}

/** One bar's data: an engine's median with its range and its label. */
interface Bar {
  engine: string;
  /** The bar's label on the y axis: the engine, with its threads when more than 1. */
  row: string;
  median_ms: number;
  mean_ms: number;
  min_ms: number;
  max_ms: number;
  label: string;
}

function caseChart(document: ResultsDocument, work: BenchCase): PageChart | undefined {
  const results = document.results.filter((r) => r.suite === work.suite && r.case === work.case);
  const bars: Bar[] = [];
  const notes: string[] = [work.napkin];
  const headline = headlineRatio(document.ratios, work.suite, work.case);
  if (headline) notes.push(`headline, against the fastest peer: ${headline.label}`);
  for (const [engine, what] of Object.entries(work.engines ?? {})) notes.push(`${engine}: ${what}`);
  for (const r of results) {
    const bare = bareCallText(r);
    if (bare) notes.push(`${r.engine}: ${bare}`);
  }
  for (const s of document.scaling ?? []) {
    if (s.suite === work.suite && s.case === work.case)
      notes.push(`all cores vs 1 thread: ${s.label}`);
  }
  for (const r of results) {
    const name = r.threads > 1 ? `${r.engine} (${r.threads} threads)` : r.engine;
    if (r.median_ms === null) {
      notes.push(`${name}: error: ${r.error}`);
      continue;
    }
    const ratio = document.ratios.find(
      (q) =>
        q.suite === r.suite &&
        q.case === r.case &&
        q.engine === r.engine &&
        (q.threads ?? 1) === r.threads,
    );
    const label = [
      formatMs(r.median_ms),
      figureOf(r),
      r.engine === baselineEngine ? '' : ratio?.label,
    ]
      .filter(Boolean)
      .join(' · ');
    bars.push({
      engine: r.engine,
      row: name,
      median_ms: r.median_ms,
      mean_ms: r.mean_ms as number,
      min_ms: r.min_ms as number,
      max_ms: r.max_ms as number,
      label,
    });
  }
  for (const skip of document.skipped) {
    if (skip.suite === work.suite && skip.case === work.case)
      notes.push(`${skip.engine}: skipped, ${skip.reason}`);
  }
  if (bars.length === 0) return undefined;
  const y = { field: 'row', type: 'nominal', sort: null, title: null };
  return {
    id: `${work.suite}-${work.case}`.replace(/[^a-zA-Z0-9-]/g, '-'),
    title: `${work.suite} · ${work.case}`,
    description: notes.join(' — '),
    spec: {
      $schema: vegaLiteSchema,
      data: { values: bars },
      width: 520,
      height: { step: 30 },
      encoding: { y },
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'median_ms', type: 'quantitative', title: 'median ms (shorter is faster)' },
            color: engineColor(false),
            tooltip: [
              { field: 'engine' },
              { field: 'median_ms', format: '.4g', title: 'median ms' },
              { field: 'mean_ms', format: '.4g', title: 'mean ms' },
              { field: 'min_ms', format: '.4g', title: 'min ms' },
              { field: 'max_ms', format: '.4g', title: 'max ms' },
              { field: 'label' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { x: { field: 'min_ms', type: 'quantitative' }, x2: { field: 'max_ms' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 },
          encoding: { x: { field: 'max_ms', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

/** What each GFLOP/s overview times, in its description. */
const overviewTimes: Readonly<Record<MatmulSuite, string>> = {
  matmul: 'the product alone, left in the engine’s memory',
  'matmul-readback':
    'the product and its values in a JavaScript Float32Array (initscope copies into the ' +
    'caller’s array, tfjs returns a new one from dataSync)',
};

/** GFLOP/s of every engine on every shape of one matmul suite, grouped by shape. */
function matmulOverview(document: ResultsDocument, suite: MatmulSuite): PageChart | undefined {
  const values = document.results
    .filter((r) => r.suite === suite && r.gflops !== undefined)
    .map((r) => ({ case: r.case, engine: r.engine, gflops: r.gflops }));
  if (values.length === 0) return undefined;
  return {
    id: `${suite}-gflops`,
    title: `${suite} · GFLOP/s by shape`,
    description: `2·M·K·N / median time, f32; one run is ${overviewTimes[suite]}. Longer is faster.`,
    spec: {
      $schema: vegaLiteSchema,
      data: { values },
      width: 520,
      height: { step: 14 },
      encoding: {
        y: { field: 'case', type: 'nominal', sort: null, title: 'M×K×N' },
        yOffset: { field: 'engine', type: 'nominal' },
        x: { field: 'gflops', type: 'quantitative', title: 'GFLOP/s' },
        color: engineColor(true),
        tooltip: [{ field: 'case' }, { field: 'engine' }, { field: 'gflops', format: '.3g' }],
      },
      mark: 'bar',
    },
  };
}

/** The benchmark page: overviews of matmul GFLOP/s, then one bar chart per suite and case. */
export function renderBenchPage(document: ResultsDocument): string {
  const { machine, peers, versions } = document;
  const peerFacts = [
    versions.tfjs ? `TensorFlow.js ${versions.tfjs} (wasm: XNNPACK, SIMD, one thread)` : '',
    peers.numpy ? describeNumpy(peers.numpy) : '',
  ].filter(Boolean);
  const charts = [
    ...matmulSuites.map((suite) => matmulOverview(document, suite)),
    ...document.cases.map((work) => caseChart(document, work)),
  ].filter((chart): chart is PageChart => chart !== undefined);
  return renderChartsPage({
    title: 'initscope benchmarks',
    intro:
      `${document.mode} run of ${document.date} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}. ` +
      `Peers: ${peerFacts.join('; ') || 'none ran'}. ` +
      `Each engine's output was validated once, before it was timed; only the work is timed. ` +
      `Bars are medians, lines min–max; “initscope 1.8× tfjs-wasm (1.7–1.9)” means initscope ` +
      `took 1/1.8 of tfjs-wasm's time. ${intervalNote} Each case's headline ratio is against its ` +
      `fastest peer.`,
    charts,
  });
}

/** Writes the page to `<dir>/latest.html` with the cli's output writer, returning the file's path. */
export async function writeBenchPage(
  document: ResultsDocument,
  dir: string = defaultResultsDir,
): Promise<string> {
  const file = path.join(dir, 'latest.html');
  await writeOutputs([[checkOutput('benchmark page', file), renderBenchPage(document)]]);
  return file;
}
