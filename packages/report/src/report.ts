import type { Results, RunResult } from '@initscope/results';
import { activationName, activationProfile } from './activation-profile.js';
import { formatCount, formatNumber, formatRange } from './format.js';
import { type GradientCharts, gradientCharts } from './gradient-charts.js';
import { gradientTrend } from './gradients.js';
import { allGridLayersUpTo, gridLayers } from './grid-layers.js';
import { histogramPanels } from './histogram-panels.js';
import { anchors, escapeHtml } from './html.js';
import type { Messages } from './i18n/messages.js';
import { messagesFor } from './i18n/tables.js';
import { defaultLang, type Lang } from './lang.js';
import { layerTotal } from './layer-total.js';
import { chartBlock, type PageChart, renderPage } from './page.js';
import { bookYLimited, bookYMax } from './rebin.js';
import { saturationFraction, saturationZone } from './saturation.js';
import { distributionSpec, quantileBins } from './specs/distribution.js';
import { histogramGridSpec } from './specs/histogram-grid.js';
import { type LayerPoint, perLayerSpec } from './specs/per-layer.js';
import { envelopeSpec, envelopeText, stdBandSpec } from './specs/seed-bands.js';
import { chartConfig, type SpecContext } from './specs/theme.js';
import { type Verdict, verdict, verdictKinds } from './verdict.js';
import { verdictCell } from './verdict-cell.js';
import { vegaVersions } from './versions.js';
import { weightsSection, weightsTitle } from './weights-table.js';

/** How the report is drawn. */
export interface ReportOptions {
  /** Language of every title, axis, verdict and explanation. @default 'en' */
  lang?: Lang;
  /** The book's exact plot: 30 bins over (0, 1) in every panel, with a note of the values it hides. @default false */
  book?: boolean;
  /** Counts on a log (symlog) axis, so small bins stay visible. @default false */
  logCounts?: boolean;
  /** Page title. @default the language's report title */
  title?: string;
}

/** {@link ReportOptions} after defaults. */
export type ResolvedReportOptions = Required<ReportOptions>;

/** Fill in the defaults of {@link ReportOptions}. */
export function resolveReportOptions(options: ReportOptions = {}): ResolvedReportOptions {
  const lang = options.lang ?? defaultLang;
  return {
    lang,
    book: options.book ?? false,
    logCounts: options.logCounts ?? false,
    title: options.title ?? messagesFor(lang).reportTitle,
  };
}

/** The runs of one activation, in the order they came. */
interface ActivationGroup {
  activation: string;
  id: string;
  runs: { run: RunResult; verdict: Verdict; id: string }[];
}

function groupByActivation(results: Results): ActivationGroup[] {
  const anchor = anchors();
  for (const reserved of [
    'settings',
    'how-to-read',
    'mean-field',
    'verdict-rules',
    'attention',
    'weights',
  ])
    anchor(reserved);
  const groups = new Map<string, ActivationGroup>();
  for (const run of results.runs) {
    let group = groups.get(run.activation);
    if (!group) {
      group = { activation: run.activation, id: anchor(run.activation), runs: [] };
      groups.set(run.activation, group);
    }
    group.runs.push({ run, verdict: verdict(run), id: '' });
  }
  for (const group of groups.values()) {
    for (const entry of group.runs) entry.id = anchor(`${group.activation} ${entry.run.init}`);
  }
  return [...groups.values()];
}

/** The charts of one activation: its histogram grid (when any run completed) and per-layer summaries. */
function activationCharts(
  group: ActivationGroup,
  results: Results,
  context: SpecContext,
  options: ResolvedReportOptions,
): {
  figure?: PageChart;
  /** Deep runs: the quantile bands of every layer of every run. */
  distribution?: PageChart;
  summaries: PageChart[];
  /** `--seeds K`: the histogram envelopes, a grid as wide as the histogram grid, below the summaries. */
  envelope?: PageChart;
  gradients?: GradientCharts;
  approximate: boolean;
} {
  const m = context.messages;
  const { activation, id } = group;
  const completed = group.runs.map((entry) => entry.run).filter((run) => run.state === 'completed');
  const withConfig = (spec: object) => ({ ...spec, config: chartConfig(m) });
  if (completed.length === 0) return { summaries: [], approximate: false };
  const layers = Math.max(results.config.layers, ...completed.map((run) => run.layers.length));
  const panels = completed.flatMap((run) => histogramPanels(run, { book: options.book }));
  // Unbounded activations: one x domain per row, so the rows show growth and collapse over depth.
  const sharedX = !options.book && !activationProfile(activation).bounds;
  // The book's script fixes ReLU's and tanh's count axis to 0–7000 (linear counts only).
  const yMax =
    options.book && !options.logCounts && bookYLimited.includes(activationName(activation))
      ? bookYMax
      : undefined;
  // Deep runs: the grid shows some layers, the distribution chart all of them.
  const distributionChart =
    layers > allGridLayersUpTo ? distributionSpec(completed, layers, context) : undefined;
  const distribution: PageChart | undefined = distributionChart
    ? {
        id: `${id}-distribution`,
        title: m.distributionTitle(activation),
        description: m.distributionText(
          formatCount(quantileBins),
          `${Number((100 / quantileBins).toPrecision(2))} %`,
        ),
        spec: withConfig(distributionChart),
      }
    : undefined;
  const notes = [
    ...(sharedX ? [m.sharedDomainNote] : []),
    ...(yMax !== undefined ? [m.bookYLimitNote(formatCount(yMax))] : []),
    ...(layers > allGridLayersUpTo
      ? [m.gridLayersNote(gridLayers(layers), layers, distribution ? 'distribution' : 'lines')]
      : []),
  ];
  const figure: PageChart = {
    id: `${id}-histograms`,
    title: options.book ? m.bookFigureTitle(activation) : m.figureTitle(activation),
    ...(notes.length > 0 ? { description: notes.join(' ') } : {}),
    spec: withConfig(
      histogramGridSpec(panels, context, {
        logCounts: options.logCounts,
        book: options.book,
        layers,
        sharedX,
        ...(yMax !== undefined ? { yMax } : {}),
      }),
    ),
  };
  const points = (value: (run: RunResult, index: number) => number | null): LayerPoint[] =>
    completed.flatMap((run) =>
      run.layers.flatMap((stats, index) => {
        const v = value(run, index);
        return v === null || !Number.isFinite(v)
          ? []
          : [{ init: run.init, layer: stats.layer, value: v }];
      }),
    );
  const predictedStd = points((run, i) => run.layers[i]?.theory?.std ?? null);
  const summaries: PageChart[] = [
    {
      id: `${id}-std`,
      title: m.stdTitle(activation),
      description: predictedStd.length > 0 ? `${m.stdText} ${m.stdTheoryText}` : m.stdText,
      spec: withConfig(
        perLayerSpec(
          points((run, i) => run.layers[i]?.std ?? null),
          layers,
          { title: m.stdAxis, kind: 'log' },
          context,
          predictedStd.length > 0
            ? { points: predictedStd, simulated: m.simulatedLegend, predicted: m.theoryLegend }
            : undefined,
        ),
      ),
    },
  ];
  const profile = activationProfile(activation);
  if (profile.bounds) {
    summaries.push({
      id: `${id}-saturation`,
      title: m.saturationTitle(activation),
      description: m.saturationText(saturationZone),
      spec: withConfig(
        perLayerSpec(
          points((run, i) => {
            const stats = run.layers[i];
            if (!stats) return null;
            // the exact share the kernel counted; documents without it: estimated from the bins
            return stats.saturation !== undefined
              ? stats.saturation
              : saturationFraction(activation, stats.histogram, layerTotal(stats));
          }),
          layers,
          { title: m.saturationAxis, kind: 'fraction' },
          context,
        ),
      ),
    });
  }
  if (profile.exactZeros) {
    summaries.push({
      id: `${id}-dead`,
      title: m.deadTitle(activation),
      description: m.deadText,
      spec: withConfig(
        perLayerSpec(
          points((run, i) => run.layers[i]?.zeroFraction ?? null),
          layers,
          { title: m.deadAxis, kind: 'fraction' },
          context,
        ),
      ),
    });
  }
  const seeds = results.config.seeds;
  let envelope: PageChart | undefined;
  if (seeds !== undefined) {
    summaries.push({
      id: `${id}-seed-std`,
      title: m.seedStdTitle(activation, seeds),
      description: m.seedStdText,
      spec: withConfig(stdBandSpec(completed, layers, m.stdAxis, context)),
    });
    const envelopeChart = envelopeSpec(completed, layers, context);
    if (envelopeChart) {
      envelope = {
        id: `${id}-seed-histograms`,
        title: m.seedEnvelopeTitle(activation, seeds),
        description: envelopeText(layers, m),
        spec: withConfig(envelopeChart),
      };
    }
  }
  const gradients = gradientCharts(activation, id, completed, layers, context);
  return {
    figure,
    ...(distribution ? { distribution } : {}),
    summaries,
    ...(envelope ? { envelope } : {}),
    ...(gradients ? { gradients } : {}),
    approximate: panels.some((panel) => panel.approximate),
  };
}

/** True when some layer of the run carries mean-field predictions. */
function hasLayerTheory(run: RunResult): boolean {
  return run.layers.some((stats) => stats.theory);
}

/** The phase cell of a run: `ordered (χ₁ = 0.42)` and what it means, or a dash without theory. */
function phaseCell(m: Messages, run: RunResult): string {
  if (!run.theory) return '–';
  const phase = run.theory.phase ?? 'diverging';
  return `<span class="phase phase-${phase}">${escapeHtml(m.phaseCell(run.theory))}</span>: ${escapeHtml(m.phaseEvidence(run.theory))}`;
}

/** The gradient part of an activation's section: protocol, one sentence per run, grid and charts. */
function gradientSection(
  m: Messages,
  group: ActivationGroup,
  gradients: GradientCharts,
  headingId: string,
  thresholds: Results['verdictThresholds'],
): string {
  const trends = group.runs
    .filter(({ run }) => run.state === 'completed' && run.layers.some((stats) => stats.gradients))
    .map(({ run }) => {
      const trend = gradientTrend(run, thresholds);
      const text = trend ? m.gradientTrendText(run.init, trend) : m.gradientTrendMissing(run.init);
      return `<li class="trend trend-${trend?.direction ?? 'none'}">${escapeHtml(text)}</li>`;
    })
    .join('');
  const summaries = gradients.summaries.map((chart) => chartBlock(chart)).join('\n');
  const zeros = activationProfile(group.activation).exactZeros
    ? `<p>${escapeHtml(m.gradientZerosText)}</p>`
    : '';
  return `<div class="gradients" id="${headingId}">
<h3>${escapeHtml(m.gradientsTitle(group.activation))}</h3>
<p>${escapeHtml(m.gradientProtocol)}</p>
<ul class="trends">${trends}</ul>
<div class="figure-row">${chartBlock(gradients.figure)}<aside><p>${escapeHtml(m.gradientFigureText)}</p>${zeros}</aside></div>
<div class="charts-row">${summaries}</div>
</div>`;
}

/** The gradients verdict of a run, with its evidence, or a dash when it has none. */
function gradientCell(m: Messages, run: RunResult, v: Verdict): string {
  const g = v.gradients;
  if (!g) return '–';
  return `<span class="verdict gradient-${g.code}">${escapeHtml(m.gradientVerdictLabels[g.code])}</span>: ${escapeHtml(m.gradientVerdictEvidence(g, run.layers.length))}`;
}

function verdictTable(m: Messages, group: ActivationGroup, seeds?: number): string {
  const theory = group.runs.some(({ run }) => run.theory);
  const gradients = group.runs.some(({ verdict: v }) => v.gradients);
  const rows = group.runs
    .map(
      ({ run, verdict: v, id }) =>
        `<tr id="${id}"><td><code>${escapeHtml(run.init)}</code></td><td>${verdictCell(m, v, run, seeds)}</td><td>${escapeHtml(m.verdictEvidence(v))}</td>${gradients ? `<td>${gradientCell(m, run, v)}</td>` : ''}${theory ? `<td>${phaseCell(m, run)}</td>` : ''}</tr>`,
    )
    .join('\n');
  const gradientHead = gradients ? `<th>${escapeHtml(m.gradientVerdict)}</th>` : '';
  const theoryHead = theory ? `<th>${escapeHtml(m.theoryColumn)}</th>` : '';
  return `<table class="verdicts"><thead><tr><th>${escapeHtml(m.initializer)}</th><th>${escapeHtml(m.verdict)}</th><th>${escapeHtml(m.evidence)}</th>${gradientHead}${theoryHead}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/**
 * The page's one-line takeaway, from the verdicts: which runs are healthy (with stable gradients
 * when gradients were judged) and how many have which problem.
 */
function takeaway(m: Messages, groups: readonly ActivationGroup[]): string {
  const entries = groups.flatMap((group) => group.runs);
  const healthy = entries
    .filter(
      ({ verdict: v }) => v.kind === 'healthy' && (!v.gradients || v.gradients.code === 'stable'),
    )
    .map(({ run }) => `${run.activation} + ${run.init}`);
  const problems = new Map<string, number>();
  for (const { verdict: v } of entries) {
    if (v.kind !== 'healthy' && v.kind !== 'unjudged') {
      const label = m.verdictLabels[v.kind];
      problems.set(label, (problems.get(label) ?? 0) + 1);
    }
    if (v.gradients && v.gradients.code !== 'stable') {
      const label = m.gradientVerdictLabels[v.gradients.code];
      problems.set(label, (problems.get(label) ?? 0) + 1);
    }
  }
  return m.takeaway(healthy, [...problems], entries.length);
}

/** The activation × initializer matrix of both verdicts, each cell coloured and linked to its row. */
function verdictMatrix(
  m: Messages,
  groups: readonly ActivationGroup[],
  inits: readonly string[],
): string {
  const head = inits.map((init) => `<th><code>${escapeHtml(init)}</code></th>`).join('');
  const rows = groups
    .map((group) => {
      const cells = inits
        .map((init) => {
          const entry = group.runs.find(({ run }) => run.init === init);
          if (!entry) return '<td>–</td>';
          const v = entry.verdict;
          const g = v.gradients;
          const gradient = g
            ? `<br><span class="gradient-${g.code}">${escapeHtml(m.gradientVerdictLabels[g.code])}</span>`
            : '';
          return `<td class="cell-${v.kind}${g ? ` cell-g-${g.code}` : ''}"><a href="#${entry.id}">${escapeHtml(m.verdictLabels[v.kind])}${gradient}</a></td>`;
        })
        .join('');
      return `<tr><th><a href="#${group.id}">${escapeHtml(group.activation)}</a></th>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="matrix"><thead><tr><th>${escapeHtml(m.matrixCorner)}</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function settingsTable(m: Messages, results: Results): string {
  const { config } = results;
  const rows: [string, string][] = [
    [m.tool, `${results.tool} ${results.version}`],
    [m.layers, String(config.layers)],
    config.widths && config.widths.length > 0
      ? [m.widths, config.widths.join(' → ')]
      : [m.width, String(config.width)],
    [m.samples, String(config.samples)],
    [m.bins, String(config.bins)],
    [m.seed, String(config.seed)],
    [m.range, config.range ? formatRange(config.range) : m.defaultRange],
  ];
  if (config.biasStd !== undefined) rows.push([m.biasStd, formatNumber(config.biasStd)]);
  if (config.gradients) rows.push([m.gradientsSetting, m.on]);
  if (config.theory) rows.push([m.theorySetting, m.on]);
  const body = rows
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<table class="settings">${body}</table>`;
}

/** The rules the document's verdicts were judged with, with its own thresholds (none to state without them). */
function rulesList(m: Messages, results: Results): string {
  const stated = results.verdictThresholds;
  if (!stated) return `<p>${escapeHtml(m.verdictRuleTexts0)}</p>`;
  const t = { ...stated, saturationZone };
  const rules = m.verdictRuleTexts(t);
  const items = verdictKinds
    .filter((kind) => kind !== 'unjudged')
    .map((kind) => `<li>${verdictCell(m, { kind })}: ${escapeHtml(rules[kind])}</li>`)
    .join('\n');
  return `<p>${escapeHtml(m.verdictRulesIntro)}</p><ol>\n${items}\n</ol><p>${escapeHtml(m.gradientRuleText(t))}</p>`;
}

/**
 * The full report: a self-contained HTML document (vega inlined, works from `file://` with no
 * network) with, per activation, the book's histogram grid, a verdict per initializer and per-layer
 * summary charts (std; saturation or exact zeros).
 */
export function renderReport(results: Results, options: ReportOptions = {}): string {
  const resolved = resolveReportOptions(options);
  const m = messagesFor(resolved.lang);
  const inits = [...new Set(results.runs.map((run) => run.init))];
  const context: SpecContext = { messages: m, inits };
  const groups = groupByActivation(results);
  const charts: PageChart[] = [];
  const sections: string[] = [];
  const toc: string[] = [];
  let approximate = false;

  for (const group of groups) {
    const built = activationCharts(group, results, context, resolved);
    approximate ||= built.approximate;
    const link = (id: string, text: string) => `<a href="#${id}">${escapeHtml(text)}</a>`;
    const entries: string[] = [];
    const errors = group.runs
      .flatMap(({ run }) => (run.state === 'errored' ? [run] : []))
      .map((run) => `<p class="error">${escapeHtml(m.erroredRun(run.init, run.message))}</p>`)
      .join('\n');
    let figureRow = '';
    if (built.figure) {
      charts.push(built.figure);
      entries.push(`<li>${link(built.figure.id, built.figure.title)}</li>`);
      const text = m.activationText[activationName(group.activation)] ?? m.otherActivationText;
      const theoryText = group.runs.some(({ run }) => hasLayerTheory(run))
        ? `<p>${escapeHtml(m.figureTheoryText)}</p>`
        : '';
      figureRow = `<div class="figure-row">${chartBlock(built.figure)}<aside><p>${escapeHtml(text)}</p>${theoryText}</aside></div>`;
      if (built.distribution) {
        charts.push(built.distribution);
        entries.push(`<li>${link(built.distribution.id, built.distribution.title)}</li>`);
        figureRow += `\n${chartBlock(built.distribution)}`;
      }
    } else {
      figureRow = `<p class="muted">${escapeHtml(m.noCompletedRuns)}</p>`;
    }
    const verdictsId = `${group.id}-verdicts`;
    const runLinks = group.runs
      .map(
        ({ run, verdict: v, id }) =>
          `<li>${link(id, run.init)} — <span class="verdict-${v.kind}">${escapeHtml(m.verdictLabels[v.kind])}</span></li>`,
      )
      .join('');
    entries.push(
      `<li>${link(verdictsId, m.verdictsTitle(group.activation))}<ul>${runLinks}</ul></li>`,
    );
    for (const chart of built.envelope ? [...built.summaries, built.envelope] : built.summaries) {
      charts.push(chart);
      entries.push(`<li>${link(chart.id, chart.title)}</li>`);
    }
    let gradients = '';
    if (built.gradients) {
      const headingId = `${group.id}-gradients`;
      const parts = [built.gradients.figure, ...built.gradients.summaries];
      charts.push(...parts);
      const chartLinks = parts.map((chart) => `<li>${link(chart.id, chart.title)}</li>`).join('');
      entries.push(
        `<li>${link(headingId, m.gradientsTitle(group.activation))}<ul>${chartLinks}</ul></li>`,
      );
      gradients = gradientSection(m, group, built.gradients, headingId, results.verdictThresholds);
    }
    toc.push(`<li>${link(group.id, group.activation)}<ul>${entries.join('')}</ul></li>`);
    const summaries = built.summaries.map((chart) => chartBlock(chart)).join('\n');
    // the envelope grid takes the page's width, as the histogram grid does, not a half column
    const envelope = built.envelope ? `\n${chartBlock(built.envelope)}` : '';
    sections.push(`<section class="activation" id="${group.id}">
<h2>${escapeHtml(group.activation)}</h2>
${figureRow}
${errors}
<h3 id="${verdictsId}">${escapeHtml(m.verdictsTitle(group.activation))}</h3>
${verdictTable(m, group, results.config.seeds)}
<div class="charts-row">${summaries}</div>${envelope}${gradients ? `\n${gradients}` : ''}
</section>`);
  }

  const flagged = groups.flatMap((group) =>
    group.runs
      .filter(({ verdict: v }) => v.kind === 'errored' || v.kind === 'overflow')
      .map(
        ({ run, verdict: v, id }) =>
          `<li><a href="#${id}">${escapeHtml(`${run.activation} ${run.init}`)}</a>: ${verdictCell(m, v)} — ${escapeHtml(m.verdictEvidence(v))}</li>`,
      ),
  );
  const attention =
    flagged.length > 0
      ? `<div class="callout" id="attention"><strong>${escapeHtml(m.attention)}</strong><ul>${flagged.join('')}</ul></div>`
      : '';
  const layerTheory = results.runs.some(hasLayerTheory);
  const runTheory = results.runs.some((run) => run.theory);
  const anyGradients = results.runs.some((run) => run.layers.some((stats) => stats.gradients));
  const reading = [
    ...(resolved.book ? [m.readBook] : m.readFigure(results.config.layers)),
    ...(resolved.book && approximate ? [m.bookApproximate] : []),
    ...(resolved.logCounts ? [m.readLogCounts] : []),
    ...(layerTheory ? [m.readTheory] : []),
    ...(anyGradients ? [m.readGradients] : []),
  ];
  const meanField =
    layerTheory || runTheory
      ? `<section id="mean-field"><h2>${escapeHtml(m.theoryTitle)}</h2>${m.theoryIntro.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>`
      : '';
  const weights = weightsSection(results, resolved.lang);
  const body = `<header>
<h1>${escapeHtml(resolved.title)}</h1>
<p class="muted">${escapeHtml(`${results.tool} ${results.version}`)} · ${escapeHtml(m.generated(vegaVersions))}</p>
</header>
<p class="takeaway" id="takeaway">${escapeHtml(takeaway(m, groups))}</p>
${verdictMatrix(m, groups, inits)}
${attention}
<div class="folds">
<details class="toc"><summary>${escapeHtml(m.contents)}</summary>
<nav aria-label="${escapeHtml(m.contents)}">
<ul>
<li><a href="#settings">${escapeHtml(m.settings)}</a></li>
<li><a href="#how-to-read">${escapeHtml(m.howToRead)}</a></li>
${meanField ? `<li><a href="#mean-field">${escapeHtml(m.theoryTitle)}</a></li>\n` : ''}${toc.join('\n')}
${weights ? `<li><a href="#weights">${escapeHtml(weightsTitle(resolved.lang))}</a></li>\n` : ''}<li><a href="#verdict-rules">${escapeHtml(m.verdictRules)}</a></li>
</ul>
</nav>
</details>
<details class="settings"><summary>${escapeHtml(m.settingsSummary)}</summary>
<section id="settings"><h2>${escapeHtml(m.settings)}</h2>${settingsTable(m, results)}</section>
<section id="how-to-read"><h2>${escapeHtml(m.howToRead)}</h2><ul>${reading.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>
${meanField ? `${meanField}\n` : ''}</details>
</div>
${sections.join('\n')}
${weights ? `${weights}\n` : ''}<section id="verdict-rules"><h2>${escapeHtml(m.verdictRules)}</h2>${rulesList(m, results)}</section>`;
  return renderPage({ lang: resolved.lang, title: resolved.title, body, charts });
}
