// The training page: loss curves (raw and the book's smooth_curve), accuracy, update ratio per layer,
// per-layer activation std over the checkpoints, and "diagnosis at init → outcome". Offline (inline SVG).
import { criticalTolerance, verdictThresholds as vt } from '@initscope/sim';
import type { BandedTrainRun, TrainBand } from './bands.js';
import type { TrainDiagnosis } from './diagnosis.js';
import { learnedAccuracy, notLearnedAccuracy, type Outcome, outcomeOf } from './outcome.js';
import { smoothCurve } from './smooth.js';
import type { TrainConfig, TrainRun, ValueHistogram } from './train.js';

/** Languages of the training page. */
export const trainLangs = ['en', 'ja'] as const;
/** One of `trainLangs`. */
export type TrainLang = (typeof trainLangs)[number];

const text = {
  en: {
    title: 'Does it learn? Training on MNIST',
    loss: 'Loss on each batch after its update (thin: raw, thick: the book’s smooth_curve)',
    lossBands: (k: number) =>
      `Loss on each batch after its update over ${k} seeds (thin, faint: the first seed’s raw loss; thick: median over the seeds of each seed’s smooth_curve; shaded: 10–90% of the seeds)`,
    accuracy: 'Test accuracy at each evaluation',
    accuracyBands: (k: number) =>
      `Test accuracy at each evaluation over ${k} seeds (line: mean; shaded: min–max of the seeds)`,
    inSeeds: (n: number, k: number) => ` in ${n}/${k} seeds`,
    seedSummary: (mean: string, sd: string, min: string, max: string, k: number) =>
      `mean ${mean} ± ${sd} (${min}–${max}) over ${k} seeds`,
    seedNote: (seed: number, k: number) =>
      `Seeds ${seed} … ${seed + k - 1}: each seed draws its own weights and mini-batches (every initializer of a seed trains on the same batches). Diagnoses, outcomes and histograms name the first seed’s run; counts say how many of the ${k} seeds agree.`,
    table: 'Diagnosis at init → outcome',
    init: 'initializer',
    diagActs: 'activations at init',
    grads: 'gradients at init (Var δ¹ / Var δᴸ)',
    chi: 'χ₁ (mean field)',
    phase: 'phase',
    final: 'final test accuracy',
    finalLoss: 'final test loss',
    outcome: 'outcome',
    update: 'Update ratio ‖ΔW‖/‖W‖ per layer at each checkpoint',
    acts: 'Activation std per layer at each checkpoint',
    iteration: 'iteration',
    layer: 'layer',
    histograms:
      'Histograms over training, per layer (one row per checkpoint, earliest on top; each row scaled to its own highest bin; x from the lowest to the highest edge of the layer’s checkpoints)',
    histActs: 'outputs φ(a) (logits for the last layer)',
    histGrads: 'gradients ∂L/∂a',
    saturation: 'saturation',
    thresholds: `Diagnosis: measured on the network at initialization on the first mini-batch (hidden layers: outputs φ(a) and gradients ∂L/∂a of the loss), with initscope's verdicts: dead when a layer has ≥ ${vt.deadZeroFraction} exact zeros; exploding when std grows > ×${vt.explodingGrowth} per layer; saturated when ≥ ${vt.saturation} of a layer's values are within 0.05 of a bound; collapsed when std shrinks < ×${vt.collapseGrowth} per layer or the deepest std is < ${vt.collapseSpread} of a bounded range; drifting when the deepest std is > ×${vt.driftFactor} or < ×${1 / vt.driftFactor} the first's. Gradients vanish when Var δ¹ / Var δᴸ < ${vt.vanishingRatio}, explode when > ${vt.explodingRatio}. χ₁ from the mean-field fixed point for the hidden layers' σ_w² (biases 0): ordered below 1, chaotic above, critical within ${criticalTolerance}. Outcome: learned ≥ ${learnedAccuracy} final test accuracy; did not learn < ${notLearnedAccuracy}; in between: learned slowly.`,
    outcomes: {
      learned: 'learned',
      'learned slowly': 'learned slowly',
      'did not learn': 'did not learn',
      diverged: 'diverged',
    },
    verdicts: {
      overflow: 'overflow',
      dead: 'dead',
      exploding: 'exploding',
      saturated: 'saturated',
      collapsed: 'collapsed',
      drifting: 'drifting',
      healthy: 'healthy',
    },
    gradients: { vanishing: 'vanishing', stable: 'stable', exploding: 'exploding' },
    phases: { ordered: 'ordered', critical: 'critical', chaotic: 'chaotic' },
  },
  ja: {
    title: '学習は進むか: MNIST での学習',
    loss: '各バッチの更新後の損失（細線: そのまま、太線: 書籍の smooth_curve）',
    lossBands: (k: number) =>
      `${k} 個のシードでの各バッチの更新後の損失（薄い細線: 最初のシードの損失そのまま、太線: 各シードの smooth_curve のシード間の中央値、帯: シードの 10–90%）`,
    accuracy: '各評価時のテスト認識精度',
    accuracyBands: (k: number) =>
      `${k} 個のシードでの各評価時のテスト認識精度（線: 平均、帯: シード間の最小–最大）`,
    inSeeds: (n: number, k: number) => `（${k} シード中 ${n}）`,
    seedSummary: (mean: string, sd: string, min: string, max: string, k: number) =>
      `${k} シードの平均 ${mean} ± ${sd}（${min}–${max}）`,
    seedNote: (seed: number, k: number) =>
      `シード ${seed} … ${seed + k - 1}: シードごとに重みとミニバッチを引き直す（同じシードの初期値はすべて同じバッチで学習）。診断・結果・ヒストグラムは最初のシードの学習を示し、件数は ${k} シードのうちいくつが一致したかを示す。`,
    table: '初期化時の診断 → 学習の結果',
    init: '初期値',
    diagActs: '初期化時のアクティベーション',
    grads: '初期化時の勾配（Var δ¹ / Var δᴸ）',
    chi: 'χ₁（平均場）',
    phase: '相',
    final: '最終テスト認識精度',
    finalLoss: '最終テスト損失',
    outcome: '結果',
    update: '層ごとの更新比 ‖ΔW‖/‖W‖（各チェックポイント）',
    acts: '層ごとのアクティベーションの標準偏差（各チェックポイント）',
    iteration: '反復',
    layer: '層',
    histograms:
      '学習中の層ごとのヒストグラム（チェックポイントごとに 1 行、上が最初; 各行はその行の最大のビンで正規化; 横軸はその層のチェックポイントの最小から最大のビン境界まで）',
    histActs: '出力 φ(a)（最終層はロジット）',
    histGrads: '勾配 ∂L/∂a',
    saturation: '飽和',
    thresholds: `診断: 初期化時のネットワークで最初のミニバッチについて測定（隠れ層の出力 φ(a) と損失の勾配 ∂L/∂a）。判定は initscope の基準: ある層の値の ${vt.deadZeroFraction} 以上がちょうど 0 で「死んだユニット」、標準偏差が 1 層あたり ×${vt.explodingGrowth} より大きく増えて「発散」、ある層の値の ${vt.saturation} 以上が境界から 0.05 以内で「飽和」、標準偏差が 1 層あたり ×${vt.collapseGrowth} より小さく縮む（または最も深い層の標準偏差が有界な値域の ${vt.collapseSpread} 未満）で「表現力の制限」、最も深い層の標準偏差が 1 層目の ×${vt.driftFactor} 超または ×${1 / vt.driftFactor} 未満で「ドリフト」。Var δ¹ / Var δᴸ が ${vt.vanishingRatio} 未満で勾配消失、${vt.explodingRatio} 超で勾配爆発。χ₁ は隠れ層の σ_w²（バイアス 0）での平均場の固定点から: 1 未満で秩序相、1 超でカオス相、差が ${criticalTolerance} 以内で臨界。結果: 最終テスト認識精度 ${learnedAccuracy} 以上で「学習した」、${notLearnedAccuracy} 未満で「学習しなかった」、その間は「学習が遅い」。`,
    outcomes: {
      learned: '学習した',
      'learned slowly': '学習が遅い',
      'did not learn': '学習しなかった',
      diverged: '発散',
    },
    verdicts: {
      overflow: 'オーバーフロー',
      dead: '死んだユニット',
      exploding: '発散',
      saturated: '飽和',
      collapsed: '表現力の制限',
      drifting: 'ドリフト',
      healthy: '健全',
    },
    gradients: { vanishing: '勾配消失', stable: '勾配は安定', exploding: '勾配爆発' },
    phases: { ordered: '秩序相', critical: '臨界', chaotic: 'カオス相' },
  },
} as const;

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
function outcomeCounts(band: TrainBand, t: (typeof text)[TrainLang]): string {
  return Object.entries(band.outcomes)
    .sort((a, b) => (b[1] as number) - (a[1] as number))
    .map(([o, n]) => `${t.outcomes[o as Outcome]}${t.inSeeds(n as number, band.seeds)}`)
    .join('; ');
}

function legend(runs: TrainRun[]): string {
  return `<p>${runs.map((r, i) => `<span style="color:${colors[i % colors.length]}">■ ${html(r.init)}</span>`).join(' &nbsp; ')}</p>`;
}

/**
 * The training page for `runs` in `lang`; runs with a `band` (`--seeds K`) get loss and accuracy
 * bands and seed counts in the diagnosis → outcome table.
 */
export function renderTrainPage(
  runs: BandedTrainRun[],
  config: TrainConfig & { seeds?: number },
  lang: TrainLang = 'en',
): string {
  const t = text[lang];
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
      : { name: `${r.init} smooth_curve`, xs, ys: smoothCurve(r.loss), width: 2, color };
    // with bands the first seed's raw loss stays faint, under the median and its band
    const raw = { name: `${r.init} raw`, xs, ys: r.loss, width: 0.5, color };
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
      const d: TrainDiagnosis = r.diagnosis;
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
        : `${t.outcomes[outcomeOf(r)]}${r.state === 'diverged' ? ` (${t.iteration} ${r.divergedAt})` : ''}`;
      return `<tr><td>${html(r.init)}</td><td>${acts}</td><td>${grads}</td><td>${d.chi1 === null ? '—' : num(d.chi1)}</td><td>${d.phase === null ? '—' : t.phases[d.phase]}</td><td>${last ? last.testAccuracy.toFixed(4) : '—'}${summary((e) => e.testAccuracy)}</td><td>${last ? last.testLoss.toFixed(4) : '—'}${summary((e) => e.testLoss)}</td><td>${outcome}</td></tr>`;
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
<h2>${t.table}</h2><table><tr><th>${t.init}</th><th>${t.diagActs}</th><th>${t.grads}</th><th>${t.chi}</th><th>${t.phase}</th><th>${t.final}</th><th>${t.finalLoss}</th><th>${t.outcome}</th></tr>${rows}</table><p>${t.thresholds}</p>
<h2>${seeds ? t.lossBands(seeds) : t.loss}</h2>${legend(runs)}${chart(lossSeries, 0, 2.5, lossBands)}
<h2>${seeds ? t.accuracyBands(seeds) : t.accuracy}</h2>${legend(runs)}${chart(accSeries, 0, 1, accBands)}
<h2>${t.update}</h2>${perLayer((l) => l.updateRatio)}
<h2>${t.acts}</h2>${perLayer((l) => l.activations.std)}
<h2>${t.histograms}</h2>${histograms}
</body></html>
`;
}
