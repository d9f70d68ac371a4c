// The training page: loss curves (raw and the book's smooth_curve), accuracy, update ratio per layer,
// per-layer activation std over the checkpoints, histograms over training and "diagnosis at init →
// outcome". Its charts are vega-lite specs (specs/training.ts) in the run report's page skeleton
// (vega inlined, offline, same CSP). It reads the training document (`initscope train --json`) and
// nothing else: the outcomes and every threshold it states are the document's.
import type { TrainBand, Training, TrainOutcome } from '@initscope/results';
import { messagesFor } from './i18n/tables.js';
import { trainingTexts as text } from './i18n/training.js';
import { defaultLang, type Lang } from './lang.js';
import { chartBlock, type PageChart, renderPage } from './page.js';
import { chartConfig, type SpecContext } from './specs/theme.js';
import { accuracySpec, lossSpec, ridgelineSpec, updateRatioSpec } from './specs/training.js';

type TrainRun = Training['runs'][number];

/** Options of {@link renderTrainingPage}. */
export interface TrainingPageOptions {
  /** The page's language (default en). */
  lang?: Lang;
}

/** Three significant digits. */
function num(v: number): string {
  return v.toPrecision(3);
}

function html(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

/** "learned in 3/3 seeds" style counts of a band's outcomes, most frequent first. */
function outcomeCounts(band: TrainBand, t: (typeof text)[Lang]): string {
  return Object.entries(band.outcomes)
    .sort((a, b) => (b[1] as number) - (a[1] as number))
    .map(([o, n]) => `${t.outcomes[o as TrainOutcome]}${t.inSeeds(n as number, band.seeds)}`)
    .join('; ');
}

/**
 * The training page of an `initscope train` document in `lang`; runs with a `band` (`--seeds K`) get
 * loss and accuracy bands and seed counts in the diagnosis → outcome table.
 */
export function renderTrainingPage(doc: Training, options: TrainingPageOptions = {}): string {
  const lang = options.lang ?? defaultLang;
  const t = text[lang];
  const { runs } = doc;
  const recipeConfig = doc.config;
  const seeds = runs.find((r) => r.band)?.band?.seeds;
  const messages = messagesFor(lang);
  const context: SpecContext = { messages, inits: runs.map((r) => r.init) };
  const config = chartConfig(messages);
  const charts: PageChart[] = [];
  /** A chart of the page: its spec with the page's config, and its block in the body. */
  const place = (id: string, title: string, spec: object, level = 2): string => {
    const chart = {
      id,
      title,
      spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', config, ...spec },
    };
    charts.push(chart);
    return chartBlock(chart, level);
  };
  const rows = runs
    .map((r) => {
      const d = r.diagnosis;
      const band = r.band;
      const agree = (counts: Record<string, number> | undefined, code: string) =>
        band && counts ? t.inSeeds(counts[code] ?? 0, band.seeds) : '';
      const a = d.activations;
      const acts = `${t.verdicts[a.code]}${a.value === null ? '' : ` (${t.layer} ${a.layer}: ${num(a.value)})`}${agree(band?.diagnoses.activations, a.code)}`;
      const g = d.gradients;
      const grads =
        g === undefined
          ? '—'
          : `${t.gradients[g.code]}${g.value === null ? '' : ` (${num(g.value)})`}${agree(band?.diagnoses.gradients, g.code)}`;
      const last = r.evals.at(-1);
      const summary = (
        pick: (e: TrainBand['evals'][number]) => TrainBand['evals'][number]['testAccuracy'],
      ) => {
        const s = band?.evals.at(-1);
        if (!band || !s) return '';
        const v = pick(s);
        if (v.mean === null) return '';
        const f = (x: number | null) => (x === null ? '—' : x.toFixed(4));
        return `<br><small>${t.seedSummary(f(v.mean), f(v.sd), f(v.min), f(v.max), s.seeds)}</small>`;
      };
      const outcome = band
        ? outcomeCounts(band, t)
        : `${t.outcomes[r.outcome]}${r.state === 'diverged' ? ` (${t.iteration} ${r.divergedAt})` : ''}`;
      return `<tr><td>${html(r.init)}</td><td>${acts}</td><td>${grads}</td><td>${d.chi1 === null ? '—' : num(d.chi1)}</td><td>${d.phase === null ? '—' : t.phases[d.phase]}</td><td>${last ? last.testAccuracy.toFixed(4) : '—'}${summary((e) => e.testAccuracy)}</td><td>${last && last.testLoss !== null ? last.testLoss.toFixed(4) : '—'}${summary((e) => e.testLoss)}</td><td>${outcome}</td></tr>`;
    })
    .join('');
  const perLayer = (
    pick: (l: TrainRun['checkpoints'][number]['layers'][number]) => number | null,
  ) =>
    runs
      .map((r) => {
        const head = r.checkpoints.map((c) => `<th>${c.iteration}</th>`).join('');
        const layers = r.checkpoints[0]?.layers.length ?? 0;
        const body = Array.from({ length: layers }, (_, l) => {
          const cells = r.checkpoints.map((c) => {
            const v = c.layers[l] ? pick(c.layers[l]) : null;
            return `<td>${v === null ? '—' : v.toExponential(2)}</td>`;
          });
          return `<tr><td>${l + 1}</td>${cells.join('')}</tr>`;
        }).join('');
        return `<h3>${html(r.init)}</h3><table><tr><th>${t.layer} \\ ${t.iteration}</th>${head}</tr>${body}</table>`;
      })
      .join('');
  const recipe = `widths ${recipeConfig.widths.join(',')} · ${recipeConfig.activation} · ${recipeConfig.optimizer} lr ${recipeConfig.lr} · batch ${recipeConfig.batch} · ${recipeConfig.iterations} iterations · seed ${recipeConfig.seed}${seeds ? ` … ${recipeConfig.seed + seeds - 1}` : ''}`;
  const seedNote = seeds ? `<p>${t.seedNote(recipeConfig.seed, seeds)}</p>` : '';
  const loss = place('loss', seeds ? t.lossBands(seeds) : t.loss, lossSpec(runs, t, context));
  const accuracy = place(
    'accuracy',
    seeds ? t.accuracyBands(seeds) : t.accuracy,
    accuracySpec(runs, t, context),
  );
  const hasCheckpoints = runs.some((r) => r.checkpoints.length > 0);
  const update = hasCheckpoints
    ? place('update-ratio', t.update, updateRatioSpec(runs, t, context))
    : '';
  const histograms = runs
    .map((r, i) => {
      const layers = r.checkpoints[0]?.layers.length ?? 0;
      const cells = Array.from({ length: layers }, (_, l) => {
        const sat = r.checkpoints.flatMap((c) => {
          const v = c.layers[l]?.activations.saturation;
          return v == null ? [] : [`${c.iteration}: ${v.toFixed(3)}`];
        });
        return sat.length > 0
          ? `<tr><td>${l + 1}</td><td>${t.saturation}<br>${sat.join('<br>')}</td></tr>`
          : '';
      }).join('');
      const satTable =
        cells === ''
          ? ''
          : `<table><tr><th>${t.layer}</th><th>${t.saturation}</th></tr>${cells}</table>`;
      if (layers === 0) return '';
      const acts = place(
        `run-${i + 1}-activations`,
        `${r.init}: ${t.histActs}`,
        ridgelineSpec(r, 'activations', t, context),
        4,
      );
      const grads = place(
        `run-${i + 1}-gradients`,
        `${r.init}: ${t.histGrads}`,
        ridgelineSpec(r, 'gradients', t, context),
        4,
      );
      return `<h3>${html(r.init)}</h3>${acts}${grads}${satTable}`;
    })
    .join('');
  const body = `<header><h1>${t.title}</h1><p>${html(recipe)}</p>${seedNote}</header>
<h2>${t.table}</h2><table><tr><th>${t.init}</th><th>${t.diagActs}</th><th>${t.grads}</th><th>${t.chi}</th><th>${t.phase}</th><th>${t.final}</th><th>${t.finalLoss}</th><th>${t.outcome}</th></tr>${rows}</table><p>${t.thresholds(doc.verdictThresholds, doc.criticalTolerance, doc.outcomeThresholds)}</p>
${loss}
${accuracy}
${update || `<h2>${t.update}</h2>`}${perLayer((l) => l.updateRatio)}
<h2>${t.acts}</h2>${perLayer((l) => l.activations.std)}
<h2>${t.histograms}</h2>${histograms}`;
  return renderPage({ lang, title: t.title, body, charts });
}
