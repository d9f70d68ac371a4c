import { formatNumber, formatPercent, formatRange } from '../format.js';
import type { Messages } from './messages.js';

/** 日本語. */
export const ja: Messages = {
  fontStack:
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif',
  embedI18n: {
    CLICK_TO_VIEW_ACTIONS: 'クリックしてメニューを表示',
    COMPILED_ACTION: 'コンパイル済みの Vega を表示',
    EDITOR_ACTION: 'Vega エディタで開く',
    PNG_ACTION: 'PNG として保存',
    SOURCE_ACTION: 'ソースを表示',
    SVG_ACTION: 'SVG として保存',
  },

  reportTitle: '重みの初期値と隠れ層のアクティベーション分布',
  contents: '目次',
  settings: '設定',
  howToRead: '図の読み方',
  verdictRules: '判定の基準',
  attention: '要注意',

  tool: 'ツール',
  layers: '隠れ層の数',
  width: '幅（1 層のユニット数）',
  samples: 'サンプル数',
  bins: 'ヒストグラムのビン数',
  seed: 'シード',
  range: 'ヒストグラムの範囲',
  defaultRange: '活性化関数ごと: sigmoid [0, 1]、tanh [−1, 1]、ReLU [0, その層の最大値]',
  generated: (v) =>
    `initscope がヒストグラムの個数から生成しました。vega ${v.vega}、vega-lite ${v.vegaLite}、vega-embed ${v.vegaEmbed} を埋め込んであるので、ネットワークなしでファイルから表示できます。`,

  layerLabel: (n) => `${n}層目`,
  layerAxis: '層',
  initializerAxis: '初期値',
  valueAxis: '値',
  countAxis: '個数',
  fromField: '下限',
  toField: '上限',
  stdAxis: '層の値の標準偏差（対数軸）',
  saturationAxis: '飽和している値の割合',
  deadAxis: 'ちょうど 0 の値の割合',

  figureTitle: (a) => `${a}: 各層のアクティベーション分布`,
  bookFigureTitle: (a) => `${a}: 各層のアクティベーション分布（書籍と同じ描き方）`,
  stdTitle: (a) => `${a}: 層ごとの標準偏差`,
  saturationTitle: (a) => `${a}: 層ごとの飽和の割合`,
  deadTitle: (a) => `${a}: 層ごとのちょうど 0 の割合`,
  verdictsTitle: (a) => `${a}: 判定`,

  readFigure: (layers) => [
    `行は初期値、列は 1 層目から ${layers} 層目までの層です（書籍の図と同じ並び）。`,
    '横軸はデータ中のヒストグラムの範囲での値です（sigmoid は [0, 1]、tanh は [−1, 1]、ReLU は [0, その層の最大値]）。横軸のスケールは活性化関数ごとに、ReLU では層ごとにも異なります。',
    '縦軸はビンごとの個数で、パネルごとに独立したスケールです。高さではなく形を比べてください。',
    '◀ n% と n% ▶ は範囲より下と上にある値、NaN/Inf n% は有限でない値の割合です。黙って捨てる値はありません。',
    'ReLU のちょうど 0 の値は別に示します。0 の位置の赤い線と「0: n%」の表示がそれで、棒からは除いてあるので正の部分が見えます。',
  ],
  readBook:
    'ブックモード: どのパネルも書籍と同じ plt.hist(a.flatten(), 30, range=(0,1)) の描き方です。「非表示 n」はその図に現れない値（(0, 1) の外の値と NaN/Inf）の個数です。',
  readLogCounts: '個数は対数軸（symlog）で示しているので、小さなビンも見えます。',
  bookApproximate:
    '≈ の付いたパネルは別の範囲で集計されたデータを、ビン内で一様に分布すると仮定して (0, 1) に振り分け直したものです。書籍と同じ正確な個数は --book（範囲 0,1）で実行すると得られます。',
  stdText:
    '各層の値の標準偏差（対数軸）。水平な線は信号のスケールを保ち、下がる線は定数へ偏っていき、上がる線は発散しています。',
  saturationText: (zone) =>
    `境界（sigmoid は 0 と 1、tanh は −1 と 1）から ${zone} 以内にある値の割合で、ヒストグラムのビンから推定しています（ビン内では一様に分布すると仮定）。そこでは傾きがほぼ 0 なので、勾配が消失します。`,
  deadText:
    'ちょうど 0 の値の割合です。勾配を逆向きに通さない ReLU の出力で、入力が対称ならおよそ 50% が普通です。',
  activationText: {
    sigmoid:
      'シグモイド関数はどんな入力も (0, 1) に押し込みます。傾き σ(1 − σ) は最大でも 0.25 で、0 と 1 の近くではほぼ 0 です。値が両端に偏る（std:1）と、逆伝播で勾配が消失します。値がすべて 0.5 付近に集まる（std:0.01）と、どのユニットも同じ値を出し、100 個のユニットが 1 個分の働きしかしません（表現力の制限）。Xavier の初期値（σ = √(1/n)）なら値が適度に広がります。',
    tanh: 'tanh は (−1, 1) に値をとり 0 について対称で、傾き 1 − tanh² は ±1 の近くで消えます。重みが大きいと値が ±1 に張り付き（飽和）、小さすぎると層ごとに 0 へ縮みます。Xavier の初期値では、広がりがゆっくり狭まるだけです。',
    relu: 'ReLU は正の値をそのまま通し、それ以外はちょうど 0 を出力します（対称な入力ならおよそ半分）。std:1 では層を重ねるごとに値が大きくなり（発散）、std:0.01 では 0 へ縮みます。Xavier では層ごとにおよそ √½ 倍に縮み、He の初期値（σ = √(2/n)）なら層を重ねてもスケールが保たれます。',
  },
  otherActivationText: '各パネルは、ある初期値でのある層のアクティベーションのヒストグラムです。',

  zerosNote: (p) => `0: ${p}`,
  belowNote: (p) => `◀ ${p}`,
  aboveNote: (p) => `${p} ▶`,
  nonFiniteNote: (p) => `NaN/Inf ${p}`,
  hiddenNote: (count, p) => `非表示 ${count}（${p}）`,

  initializer: '初期値',
  verdict: '判定',
  evidence: '根拠',
  verdictLabels: {
    errored: 'エラー',
    overflow: 'オーバーフロー',
    dead: '死んだユニット',
    exploding: '発散',
    saturated: '飽和: 勾配が消失する',
    collapsed: '偏り: どのユニットも同じ値を出す',
    healthy: '健全',
  },
  verdictEvidence: (v) => {
    const value = v.value ?? 0;
    switch (v.kind) {
      case 'errored':
        return v.message ?? '';
      case 'overflow':
        return `${v.layer}層目から NaN/Inf（その層の値の ${formatPercent(value)}）`;
      case 'dead':
        return `${v.layer}層目の値の ${formatPercent(value)} がちょうど 0`;
      case 'exploding':
        return `標準偏差が 1 層ごとに ×${formatNumber(value)}（1〜${v.layer}層目）`;
      case 'saturated':
        return `${v.layer}層目の値の ${formatPercent(value)} が境界のすぐそば（ビンから推定）`;
      case 'collapsed':
        return v.measure === 'spread'
          ? `${v.layer}層目の標準偏差が値域の ${formatPercent(value)}`
          : `標準偏差が 1 層ごとに ×${formatNumber(value)}（1〜${v.layer}層目）`;
      case 'healthy':
        return 'どの基準にも当たらない';
    }
  },
  verdictRulesIntro:
    '判定は各実行の統計量から計算します。基準を次の順に調べ、最初に当てはまったものが判定になります。',
  verdictRuleTexts: (t) => ({
    errored: '実行に失敗した。メッセージを表示し、レポートの他の部分には影響しない。',
    overflow: 'どこかの層に NaN か ±Inf の値がある。最初の層を示す。',
    dead: `ある層の値の ${formatPercent(t.deadThreshold)} 以上がちょうど 0（ReLU では普通およそ 50%）。`,
    exploding: `標準偏差が 1 層あたり ×${t.explodingGrowth} より大きく増える（1 層目から最も深い層までの幾何平均）。`,
    saturated: `sigmoid と tanh で、ある層の値の ${formatPercent(t.saturationThreshold)} 以上が境界（0 と 1、−1 と 1）から ${t.saturationZone} 以内にある（ヒストグラムのビンから推定）。`,
    collapsed: `標準偏差が 1 層あたり ×${t.collapseGrowth} より小さく縮む、または最も深い層の標準偏差が有界な活性化関数の値域の ${formatPercent(t.collapseSpread)} 未満。`,
    healthy: '上のどれにも当たらない。',
  }),
  erroredRun: (init, message) => `${init} は失敗しました: ${message}`,
  noCompletedRuns: 'この活性化関数の実行はどれも完了しなかったため、描くものがありません。',

  summaryStd: '層ごとの標準偏差',
  summaryVerdict: '判定',
  summaryConfig: (c) =>
    `${c.layers} 層 × ${c.width} ユニット、サンプル ${c.samples}、ビン ${c.bins}、シード ${c.seed}、${c.range ? `範囲 ${formatRange(c.range)}` : '範囲は既定値'}`,
  summaryTotals: (runs, kinds) =>
    `${runs} 件の実行: ${kinds.map(([count, label]) => `${label} ${count}`).join('、')}`,
};
