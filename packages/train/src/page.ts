// The training page: loss curves (raw and the book's smooth_curve), accuracy, update ratio per layer,
// per-layer activation std over the checkpoints, and "diagnosis at init → outcome". Offline (inline SVG).
import {
  explodingRatio,
  gradientRatioAtInit,
  gradientVerdict,
  learnedAccuracy,
  notLearnedAccuracy,
  outcomeOf,
  vanishingRatio,
} from './outcome.js';
import { smoothCurve } from './smooth.js';
import type { TrainConfig, TrainRun } from './train.js';

/** Languages of the training page. */
export const trainLangs = ['en', 'ja'] as const;
/** One of `trainLangs`. */
export type TrainLang = (typeof trainLangs)[number];

const text = {
  en: {
    title: 'Does it learn? Training on MNIST',
    loss: 'Loss on each batch after its update (thin: raw, thick: the book’s smooth_curve)',
    accuracy: 'Test accuracy at each evaluation',
    table: 'Diagnosis at init → outcome',
    init: 'initializer',
    ratio: 'grad std layer 1 / last (iteration 0)',
    verdict: 'gradients at init',
    final: 'final test accuracy',
    finalLoss: 'final test loss',
    outcome: 'outcome',
    update: 'Update ratio ‖ΔW‖/‖W‖ per layer at each checkpoint',
    acts: 'Activation std per layer at each checkpoint',
    iteration: 'iteration',
    layer: 'layer',
    thresholds: `Thresholds: learned ≥ ${learnedAccuracy} final test accuracy; did not learn < ${notLearnedAccuracy}; in between: learned slowly. Gradients vanish when the ratio < ${vanishingRatio}, explode when > ${explodingRatio}.`,
    outcomes: {
      learned: 'learned',
      'learned slowly': 'learned slowly',
      'did not learn': 'did not learn',
      diverged: 'diverged',
    },
    verdicts: { vanishing: 'vanishing', exploding: 'exploding', healthy: 'healthy' },
  },
  ja: {
    title: '学習は進むか: MNIST での学習',
    loss: '各バッチの更新後の損失（細線: そのまま、太線: 書籍の smooth_curve）',
    accuracy: '各評価時のテスト認識精度',
    table: '初期化時の診断 → 学習の結果',
    init: '初期値',
    ratio: '勾配の標準偏差 第1層 / 最終層（0 回目）',
    verdict: '初期化時の勾配',
    final: '最終テスト認識精度',
    finalLoss: '最終テスト損失',
    outcome: '結果',
    update: '層ごとの更新比 ‖ΔW‖/‖W‖（各チェックポイント）',
    acts: '層ごとのアクティベーションの標準偏差（各チェックポイント）',
    iteration: '反復',
    layer: '層',
    thresholds: `しきい値: 最終テスト認識精度 ${learnedAccuracy} 以上で「学習した」、${notLearnedAccuracy} 未満で「学習しなかった」、その間は「学習が遅い」。比が ${vanishingRatio} 未満で勾配消失、${explodingRatio} 超で勾配爆発。`,
    outcomes: {
      learned: '学習した',
      'learned slowly': '学習が遅い',
      'did not learn': '学習しなかった',
      diverged: '発散',
    },
    verdicts: { vanishing: '勾配消失', exploding: '勾配爆発', healthy: '健全' },
  },
} as const;

const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

function html(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

/** An SVG line chart of series over x, y clamped to [lo, hi]. */
function chart(
  series: { name: string; xs: number[]; ys: number[]; width: number; color: string }[],
  lo: number,
  hi: number,
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
      return `<polyline fill="none" stroke="${s.color}" stroke-width="${s.width}" points="${pts.join(' ')}"><title>${html(s.name)}</title></polyline>`;
    })
    .join('');
  const axes = `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#555"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#555"/><text x="${pad - 4}" y="${pad}" text-anchor="end" font-size="11">${hi}</text><text x="${pad - 4}" y="${h - pad}" text-anchor="end" font-size="11">${lo}</text><text x="${w - pad}" y="${h - pad + 16}" text-anchor="end" font-size="11">${xmax}</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">${axes}${lines}</svg>`;
}

function legend(runs: TrainRun[]): string {
  return `<p>${runs.map((r, i) => `<span style="color:${colors[i % colors.length]}">■ ${html(r.init)}</span>`).join(' &nbsp; ')}</p>`;
}

/** The training page for `runs` in `lang`. */
export function renderTrainPage(
  runs: TrainRun[],
  config: TrainConfig,
  lang: TrainLang = 'en',
): string {
  const t = text[lang];
  const lossSeries = runs.flatMap((r, i) => {
    const xs = r.loss.map((_, k) => k);
    const color = colors[i % colors.length] as string;
    return [
      { name: `${r.init} raw`, xs, ys: r.loss, width: 0.5, color },
      { name: `${r.init} smooth_curve`, xs, ys: smoothCurve(r.loss), width: 2, color },
    ];
  });
  const accSeries = runs.map((r, i) => ({
    name: r.init,
    xs: r.evals.map((e) => e.iteration),
    ys: r.evals.map((e) => e.testAccuracy),
    width: 2,
    color: colors[i % colors.length] as string,
  }));
  const rows = runs
    .map((r) => {
      const ratio = gradientRatioAtInit(r);
      const verdict = gradientVerdict(ratio);
      const last = r.evals.at(-1);
      return `<tr><td>${html(r.init)}</td><td>${ratio === null ? '—' : ratio.toPrecision(3)}</td><td>${verdict === null ? '—' : t.verdicts[verdict]}</td><td>${last ? last.testAccuracy.toFixed(4) : '—'}</td><td>${last ? last.testLoss.toFixed(4) : '—'}</td><td>${t.outcomes[outcomeOf(r)]}${r.state === 'diverged' ? ` (${t.iteration} ${r.divergedAt})` : ''}</td></tr>`;
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
  const recipe = `widths ${config.widths.join(',')} · ${config.activation} · ${config.optimizer} lr ${config.lr} · batch ${config.batch} · ${config.iterations} iterations · seed ${config.seed}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}</style></head>
<body><h1>${t.title}</h1><p>${html(recipe)}</p>
<h2>${t.table}</h2><table><tr><th>${t.init}</th><th>${t.ratio}</th><th>${t.verdict}</th><th>${t.final}</th><th>${t.finalLoss}</th><th>${t.outcome}</th></tr>${rows}</table><p>${t.thresholds}</p>
<h2>${t.loss}</h2>${legend(runs)}${chart(lossSeries, 0, 2.5)}
<h2>${t.accuracy}</h2>${legend(runs)}${chart(accSeries, 0, 1)}
<h2>${t.update}</h2>${perLayer((l) => l.updateRatio)}
<h2>${t.acts}</h2>${perLayer((l) => l.activations.std)}
</body></html>
`;
}
