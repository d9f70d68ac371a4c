// The training page's texts (en, ja): thresholds are stated from the training document's own
// verdictThresholds, criticalTolerance and outcomeThresholds.
import type { Training } from '@initscope/results';

type VerdictThresholds = Training['verdictThresholds'];
type OutcomeThresholds = Training['outcomeThresholds'];

export const trainingTexts = {
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
    lossAxis: 'loss (axis 0–2.5; higher values drawn at the top)',
    accuracyAxis: 'test accuracy',
    ratioAxis: '‖ΔW‖/‖W‖ (log)',
    valueAxis: 'value',
    rowAxis: 'iteration (checkpoint)',
    curveLegend: 'curve',
    curves: { raw: 'raw', smooth: 'smooth_curve', median: 'median of smooth_curve' },
    thresholds: (vt: VerdictThresholds, criticalTolerance: number, ot: OutcomeThresholds) =>
      `Diagnosis: measured on the network at initialization on the first mini-batch (hidden layers: outputs φ(a) and gradients ∂L/∂a of the loss), with initscope's verdicts: dead when a layer has ≥ ${vt.deadZeroFraction} exact zeros; exploding when std grows > ×${vt.explodingGrowth} per layer; saturated when ≥ ${vt.saturation} of a layer's values are within 0.05 of a bound; collapsed when std shrinks < ×${vt.collapseGrowth} per layer or the deepest std is < ${vt.collapseSpread} of a bounded range; drifting when the deepest std is > ×${vt.driftFactor} or < ×${1 / vt.driftFactor} the first's. Gradients vanish when Var δ¹ / Var δᴸ < ${vt.vanishingRatio}, explode when > ${vt.explodingRatio}. χ₁ from the mean-field fixed point for the hidden layers' σ_w² (biases 0): ordered below 1, chaotic above, critical within ${criticalTolerance}. Outcome: learned ≥ ${ot.learned} final test accuracy; did not learn < ${ot.notLearned}; in between: learned slowly.`,
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
    lossAxis: '損失（軸は 0–2.5、それより大きい値は上端に描く）',
    accuracyAxis: 'テスト認識精度',
    ratioAxis: '‖ΔW‖/‖W‖（対数）',
    valueAxis: '値',
    rowAxis: '反復（チェックポイント）',
    curveLegend: '曲線',
    curves: { raw: 'そのまま', smooth: 'smooth_curve', median: 'smooth_curve の中央値' },
    thresholds: (vt: VerdictThresholds, criticalTolerance: number, ot: OutcomeThresholds) =>
      `診断: 初期化時のネットワークで最初のミニバッチについて測定（隠れ層の出力 φ(a) と損失の勾配 ∂L/∂a）。判定は initscope の基準: ある層の値の ${vt.deadZeroFraction} 以上がちょうど 0 で「死んだユニット」、標準偏差が 1 層あたり ×${vt.explodingGrowth} より大きく増えて「発散」、ある層の値の ${vt.saturation} 以上が境界から 0.05 以内で「飽和」、標準偏差が 1 層あたり ×${vt.collapseGrowth} より小さく縮む（または最も深い層の標準偏差が有界な値域の ${vt.collapseSpread} 未満）で「表現力の制限」、最も深い層の標準偏差が 1 層目の ×${vt.driftFactor} 超または ×${1 / vt.driftFactor} 未満で「ドリフト」。Var δ¹ / Var δᴸ が ${vt.vanishingRatio} 未満で勾配消失、${vt.explodingRatio} 超で勾配爆発。χ₁ は隠れ層の σ_w²（バイアス 0）での平均場の固定点から: 1 未満で秩序相、1 超でカオス相、差が ${criticalTolerance} 以内で臨界。結果: 最終テスト認識精度 ${ot.learned} 以上で「学習した」、${ot.notLearned} 未満で「学習しなかった」、その間は「学習が遅い」。`,
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
