// The training page: loss curves (raw and the book's smooth_curve), accuracy, update ratio per layer,
// per-layer activation std over the checkpoints, and "diagnosis at init → outcome". Offline (inline SVG).
// It reads the training document (`initscope train --json`) and nothing else: the outcomes and every
// threshold it states are the document's.
import type { TrainBand, Training, TrainOutcome } from '@initscope/results';
import { smoothCurve } from '@initscope/results/smooth-curve';
import { trainingTexts as text } from './i18n/training.js';
import { defaultLang, type Lang } from './lang.js';

type TrainRun = Training['runs'][number];
type ValueHistogram = TrainRun['checkpoints'][number]['layers'][number]['activations']['histogram'];

/** Options of {@link renderTrainingPage}. */
export interface TrainingPageOptions {
  /** The page's language (default en). */
  lang?: Lang;
}

/** null (a NaN or ±Inf the JSON could not hold) as NaN, which the charts leave out. */
const nanOf = (ys: readonly (number | null)[]): number[] => ys.map((v) => v ?? Number.NaN);

const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

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

/** A shaded range between two curves over the same x (null: no value there, a gap). */
interface Band {
  name: string;
  xs: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  color: string;
}

/** An SVG line chart of series over x, y clamped to [lo, hi], over optional shaded bands. */
function chart(
  series: {
    name: string;
    xs: number[];
    ys: number[];
    width: number;
    color: string;
    opacity?: number;
  }[],
  lo: number,
  hi: number,
  bands: Band[] = [],
): string {
  const [w, h, pad] = [640, 260, 40];
  const xmax = Math.max(1, ...series.flatMap((s) => s.xs));
  const px = (x: number) => pad + (x / xmax) * (w - 2 * pad);
  const py = (y: number) =>
    h - pad - ((Math.min(hi, Math.max(lo, y)) - lo) / (hi - lo)) * (h - 2 * pad);
  const lines = series
    .map((s) => {
      const pts = s.xs
        .map((x, i) =>
          Number.isFinite(s.ys[i]) ? `${px(x).toFixed(1)},${py(s.ys[i] as number).toFixed(1)}` : '',
        )
        .filter(Boolean);
      const opacity = s.opacity === undefined ? '' : ` stroke-opacity="${s.opacity}"`;
      return `<polyline fill="none" stroke="${s.color}" stroke-width="${s.width}"${opacity} points="${pts.join(' ')}"><title>${html(s.name)}</title></polyline>`;
    })
    .join('');
  // one polygon per run of consecutive x where both bounds exist: the upper edge, then the lower back
  const shaded = bands
    .flatMap((b) => {
      const pieces: number[][] = [[]];
      b.xs.forEach((_, i) => {
        const ok = b.lower[i] != null && b.upper[i] != null;
        if (ok) (pieces.at(-1) as number[]).push(i);
        else if ((pieces.at(-1) as number[]).length > 0) pieces.push([]);
      });
      return pieces
        .filter((p) => p.length > 1)
        .map((p) => {
          const at = (i: number, ys: (number | null)[]) =>
            `${px(b.xs[i] as number).toFixed(1)},${py(ys[i] as number).toFixed(1)}`;
          const upper = p.map((i) => at(i, b.upper));
          const lower = [...p].reverse().map((i) => at(i, b.lower));
          return `<polygon fill="${b.color}" fill-opacity="0.2" stroke="none" points="${[...upper, ...lower].join(' ')}"><title>${html(b.name)}</title></polygon>`;
        });
    })
    .join('');
  const axes = `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#555"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#555"/><text x="${pad - 4}" y="${pad}" text-anchor="end" font-size="11">${hi}</text><text x="${pad - 4}" y="${h - pad}" text-anchor="end" font-size="11">${lo}</text><text x="${w - pad}" y="${h - pad + 16}" text-anchor="end" font-size="11">${xmax}</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">${axes}${shaded}${lines}</svg>`;
}

/** A TensorBoard-style histogram-over-time: one filled curve per checkpoint, earliest on top. */
function ridgeline(
  rows: { iteration: number; histogram: ValueHistogram }[],
  color: string,
): string {
  const [w, rowH, padL, padR, top] = [300, 18, 44, 8, 6];
  const h = top + rows.length * rowH + 34;
  if (rows.length === 0) return '';
  const lo = Math.min(...rows.map((r) => r.histogram.edges[0] as number));
  const hi = Math.max(...rows.map((r) => r.histogram.edges.at(-1) as number));
  const span = hi > lo ? hi - lo : 1;
  const px = (x: number) => padL + ((x - lo) / span) * (w - padL - padR);
  const paths = rows
    .map((r, k) => {
      const base = top + (k + 1) * rowH + 10;
      const { edges, counts } = r.histogram;
      const peak = Math.max(1, ...counts);
      const pts = counts.map((c, i) => {
        const mid = ((edges[i] as number) + (edges[i + 1] as number)) / 2;
        return `${px(mid).toFixed(1)},${(base - (c / peak) * rowH * 1.6).toFixed(1)}`;
      });
      const first = px(edges[0] as number).toFixed(1);
      const last = px(edges.at(-1) as number).toFixed(1);
      return `<text x="${padL - 4}" y="${base}" text-anchor="end" font-size="10">${r.iteration}</text><polygon fill="${color}" fill-opacity="0.35" stroke="${color}" stroke-width="1" points="${first},${base} ${pts.join(' ')} ${last},${base}"/>`;
    })
    .join('');
  const y = h - 14;
  const axis = `<line x1="${padL}" y1="${y - 8}" x2="${w - padR}" y2="${y - 8}" stroke="#555"/><text x="${padL}" y="${y + 4}" font-size="10">${num(lo)}</text><text x="${w - padR}" y="${y + 4}" text-anchor="end" font-size="10">${num(hi)}</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">${paths}${axis}</svg>`;
}

/** "learned in 3/3 seeds" style counts of a band's outcomes, most frequent first. */
function outcomeCounts(band: TrainBand, t: (typeof text)[Lang]): string {
  return Object.entries(band.outcomes)
    .sort((a, b) => (b[1] as number) - (a[1] as number))
    .map(([o, n]) => `${t.outcomes[o as TrainOutcome]}${t.inSeeds(n as number, band.seeds)}`)
    .join('; ');
}

function legend(runs: TrainRun[]): string {
  return `<p>${runs.map((r, i) => `<span style="color:${colors[i % colors.length]}">■ ${html(r.init)}</span>`).join(' &nbsp; ')}</p>`;
}

/**
 * The training page of an `initscope train` document in `lang`; runs with a `band` (`--seeds K`) get
 * loss and accuracy bands and seed counts in the diagnosis → outcome table.
 */
export function renderTrainingPage(doc: Training, options: TrainingPageOptions = {}): string {
  const lang = options.lang ?? defaultLang;
  const t = text[lang];
  const { runs, config } = doc;
  const seeds = runs.find((r) => r.band)?.band?.seeds;
  const lossSeries = runs.flatMap((r, i) => {
    const xs = r.loss.map((_, k) => k);
    const color = colors[i % colors.length] as string;
    const smooth = r.band
      ? {
          name: `${r.init} median smooth_curve`,
          xs: r.band.smoothLoss.median.map((_, k) => k),
          ys: r.band.smoothLoss.median.map((v) => v ?? Number.NaN),
          width: 2,
          color,
        }
      : { name: `${r.init} smooth_curve`, xs, ys: smoothCurve(nanOf(r.loss)), width: 2, color };
    // with bands the first seed's raw loss stays faint, under the median and its band
    const raw = { name: `${r.init} raw`, xs, ys: nanOf(r.loss), width: 0.5, color };
    return [r.band ? { ...raw, opacity: 0.3 } : raw, smooth];
  });
  const lossBands = runs.flatMap((r, i) =>
    r.band
      ? [
          {
            name: `${r.init} 10–90%`,
            xs: r.band.smoothLoss.p10.map((_, k) => k),
            lower: r.band.smoothLoss.p10,
            upper: r.band.smoothLoss.p90,
            color: colors[i % colors.length] as string,
          },
        ]
      : [],
  );
  const accSeries = runs.map((r, i) => ({
    name: r.init,
    xs: (r.band?.evals ?? r.evals).map((e) => e.iteration),
    ys: r.band
      ? r.band.evals.map((e) => e.testAccuracy.mean ?? Number.NaN)
      : r.evals.map((e) => e.testAccuracy),
    width: 2,
    color: colors[i % colors.length] as string,
  }));
  const accBands = runs.flatMap((r, i) =>
    r.band
      ? [
          {
            name: `${r.init} min–max`,
            xs: r.band.evals.map((e) => e.iteration),
            lower: r.band.evals.map((e) => e.testAccuracy.min),
            upper: r.band.evals.map((e) => e.testAccuracy.max),
            color: colors[i % colors.length] as string,
          },
        ]
      : [],
  );
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
  const histograms = runs
    .map((r, i) => {
      const color = colors[i % colors.length] as string;
      const layers = r.checkpoints[0]?.layers.length ?? 0;
      const cells = Array.from({ length: layers }, (_, l) => {
        const pick = (which: 'activations' | 'gradients') =>
          r.checkpoints.flatMap((c) => {
            const layer = c.layers[l];
            return layer ? [{ iteration: c.iteration, histogram: layer[which].histogram }] : [];
          });
        const sat = r.checkpoints.flatMap((c) => {
          const v = c.layers[l]?.activations.saturation;
          return v == null ? [] : [`${c.iteration}: ${v.toFixed(3)}`];
        });
        const satLine = sat.length > 0 ? `<br>${t.saturation}<br>${sat.join('<br>')}` : '';
        return `<tr><td>${l + 1}${satLine}</td><td>${ridgeline(pick('activations'), color)}</td><td>${ridgeline(pick('gradients'), color)}</td></tr>`;
      }).join('');
      return `<h3>${html(r.init)}</h3><table><tr><th>${t.layer}</th><th>${t.histActs}</th><th>${t.histGrads}</th></tr>${cells}</table>`;
    })
    .join('');
  const recipe = `widths ${config.widths.join(',')} · ${config.activation} · ${config.optimizer} lr ${config.lr} · batch ${config.batch} · ${config.iterations} iterations · seed ${config.seed}${seeds ? ` … ${config.seed + seeds - 1}` : ''}`;
  const seedNote = seeds ? `<p>${t.seedNote(config.seed, seeds)}</p>` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}</style></head>
<body><h1>${t.title}</h1><p>${html(recipe)}</p>${seedNote}
<h2>${t.table}</h2><table><tr><th>${t.init}</th><th>${t.diagActs}</th><th>${t.grads}</th><th>${t.chi}</th><th>${t.phase}</th><th>${t.final}</th><th>${t.finalLoss}</th><th>${t.outcome}</th></tr>${rows}</table><p>${t.thresholds(doc.verdictThresholds, doc.criticalTolerance, doc.outcomeThresholds)}</p>
<h2>${seeds ? t.lossBands(seeds) : t.loss}</h2>${legend(runs)}${chart(lossSeries, 0, 2.5, lossBands)}
<h2>${seeds ? t.accuracyBands(seeds) : t.accuracy}</h2>${legend(runs)}${chart(accSeries, 0, 1, accBands)}
<h2>${t.update}</h2>${perLayer((l) => l.updateRatio)}
<h2>${t.acts}</h2>${perLayer((l) => l.activations.std)}
<h2>${t.histograms}</h2>${histograms}
</body></html>
`;
}
