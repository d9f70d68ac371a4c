import { formatDepth, formatNumber, formatPercent, formatRange } from '../format.js';
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
  takeaway: (healthy, problems, runs) => {
    const issues = problems.map(([label, n]) => `${label} ${n}`).join('、');
    const good =
      healthy.length > 0
        ? `健全: ${healthy.join('、')}（${runs} 件中 ${healthy.length} 件）。`
        : `${runs} 件のうち健全なものはありません。`;
    return issues ? `${good}それ以外: ${issues}。` : good;
  },
  matrixCorner: '活性化関数 \\ 初期値',
  settingsSummary: '設定・図の読み方・理論',
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
  defaultRange:
    '活性化関数ごと: sigmoid [0, 1]、tanh と softsign [−1, 1]、ReLU と softplus [0, その層の最大値]、その他は [その層の最小値, 最大値]',
  widths: '幅（入力 → 各層）',
  biasStd: 'バイアスの標準偏差 σ_b',
  gradientsSetting: '勾配（初期値での逆伝播）',
  theorySetting: '平均場理論の予測',
  on: 'あり',
  generated: (v) =>
    `ヒストグラムの個数から描画。vega ${v.vega}、vega-lite ${v.vegaLite}、vega-embed ${v.vegaEmbed} を埋め込み済みで、オフラインで表示できます。`,

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
  seedStdTitle: (a, k) => `${a}: ${k} 個のシードでの層ごとの標準偏差`,
  seedStdText:
    '線: 各層の標準偏差のシード平均。帯: どれかのシードでの最小値から最大値まで（対数軸）。上のグラフは最初のシードのものです。',
  seedEnvelopeTitle: (a, k) => `${a}: ${k} 個のシードでのヒストグラムの包絡`,
  seedEnvelopeText:
    'ビンごとに、シードをまたいだ度数の中央値（線）と 10–90 % の範囲（帯）。最初のシードのビンで描きます。範囲が各シードのデータで決まる層（ReLU の 0,max）は共通のビンがないため省きます。--range を指定してください。',
  seedEnvelopeLayersNote: (shown, layers) =>
    `${layers} 層のうち、ヒストグラムと同じく ${shown.join(', ')} 層目の包絡を表示しています。上のシードでの標準偏差のグラフはすべての層を示します。`,
  inSeeds: (n, k) => `${k} 個中 ${n} 個のシード`,

  readFigure: (layers) => [
    `行は初期値、列は 1 層目から ${layers} 層目までの層です（書籍の図と同じ並び）。`,
    '横軸はデータ中のヒストグラムの範囲での値です（sigmoid は [0, 1]、tanh と softsign は [−1, 1]、ReLU は [0, その層の最大値]、値域に上限のない活性化関数はその層の [最小値, 最大値]）。横軸のスケールは活性化関数ごとに、値域に上限のないものでは層ごとにも異なります。',
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
    `境界（sigmoid は 0 と 1、tanh と softsign は −1 と 1）から ${zone} 以内にある値の割合で、すべての値を正確に数えています（ヒストグラムの範囲やビン数によりません）。そこでは傾きがほぼ 0 です。`,
  deadText:
    'ちょうど 0 の値の割合です。勾配を逆向きに通さない ReLU の出力で、入力が対称ならおよそ 50% が普通です。',
  activationText: {
    sigmoid:
      'シグモイド関数はどんな入力も (0, 1) に押し込みます。傾き σ(1 − σ) は最大でも 0.25 で、0 と 1 の近くではほぼ 0 です。値が両端に偏る（std:1）と、傾きがほぼ 0 のところに集まります。値がすべて 0.5 付近に集まる（std:0.01）と、どのユニットも同じ値を出し、100 個のユニットが 1 個分の働きしかしません（表現力の制限）。Xavier の初期値（σ = √(1/n)）なら値が適度に広がります。',
    tanh: 'tanh は (−1, 1) に値をとり 0 について対称で、傾き 1 − tanh² は ±1 の近くで消えます。重みが大きいと値が ±1 に張り付き（飽和）、小さすぎると層ごとに 0 へ縮みます。Xavier の初期値では、広がりがゆっくり狭まるだけです。',
    relu: 'ReLU は正の値をそのまま通し、それ以外はちょうど 0 を出力します（対称な入力ならおよそ半分）。std:1 では層を重ねるごとに値が大きくなり（発散）、std:0.01 では 0 へ縮みます。Xavier では層ごとにおよそ √½ 倍に縮み、He の初期値（σ = √(2/n)）なら層を重ねてもスケールが保たれます。',
    linear:
      'linear（恒等関数）は非線形性のない基準です。標準偏差は 1 層ごとにちょうど √(σ_w²) 倍になるので、σ_w² = 1（Xavier/LeCun）のときだけスケールが保たれます。飽和も死んだユニットもありません。',
    'leaky-relu':
      'Leaky ReLU は正の値をそのまま通し、負の値を小さな α 倍（既定は 0.01）にします。ちょうど 0 になるユニットがなく、勾配がいつも少しは流れます。ReLU と同じく、標準偏差を保つには He のスケール √(2/((1 + α²)·n)) が必要です。',
    elu: 'ELU は正の値では恒等関数、0 未満では α(eˣ − 1) で −α に飽和します。出力の平均が ReLU より 0 に近く、He に近いスケールなら標準偏差がほぼ保たれます。',
    selu: 'SELU は ELU を定数倍したもので、LeCun の初期値（σ = √(1/n)）のもとで平均 0・分散 1 が不動点になるよう定数が選ばれています。層を重ねても標準偏差は 1 付近に留まるはずです。',
    gelu: 'GELU（x·Φ(x)）は負の入力でわずかに 0 を下回る滑らかな ReLU です。振る舞いは ReLU に近く、重みが小さいと値が縮み、大きいと発散します。',
    silu: 'SiLU（swish、x·σ(x)）は 0 の少し下にくぼみのある滑らかな ReLU です。重みが小さいと値は 0 へ縮み、大きいと増えていきます。',
    softplus:
      'softplus（log(1 + eˣ)）はちょうど 0 にはならない滑らかな ReLU です。値は常に正で、入力が小さいと log 2 ≈ 0.69 付近に集まるので、重みが小さすぎるとどのユニットもほぼ同じ値を出します。',
    softsign:
      'softsign（x/(1 + |x|)）は tanh と同じく (−1, 1) に値をとりますが、±1 へは多項式的にしか近づかないので飽和がゆるやかです。それでも重みが大きいと値は ±1 のそばに集まり、小さすぎると 0 へ縮みます。',
  },
  otherActivationText: '各パネルは、ある初期値でのある層のアクティベーションのヒストグラムです。',

  simulatedLegend: 'シミュレーション',
  theoryLegend: '平均場理論の予測',
  theoryTitle: '平均場理論',
  theoryIntro: [
    '平均場理論では、幅の広いネットワークの各プレアクティベーション（活性化関数に入る前の値）を、分散 qˡ のガウス分布とみなします。qˡ は 1 行の漸化式に従います: q¹ = σ_w²·E[x²] + σ_b²、以降 qˡ = σ_w²·E[φ(√qˡ⁻¹·z)²] + σ_b²（z ~ N(0, 1)、σ_w² = fan_in·Var(W)。Poole et al. 2016）。qˡ から各層の平均・標準偏差・ヒストグラムを予測し、シミュレーションの結果に重ねて描いています。',
    'χˡ = σ_w²·E[φ′(√qˡ·z)²] は、勾配の分散が l 層目を下向きに通るときに何倍になるかを表します（Schoenholz et al. 2017）。漸化式の不動点 q* での値が χ₁ で、1 より小さければ秩序相（下の層へ Var(δ) が縮み、異なる入力が似た表現になる）、1 より大きければカオス相（下の層へ Var(δ) が増え、近い入力が引き離される）、1 ならば臨界（カオスの縁）で、信号も勾配もどれだけ深くても伝わります。',
    'この理論は層の幅が無限大の極限で厳密です。有限の幅では、特に深い層で少しずれます。',
  ],
  readTheory:
    '棒に重ねた黒い点付きの線は平均場理論の予測で、予測されたプレアクティベーションの分散 qˡ から求めた各ビンの期待個数です。',
  figureTheoryText:
    '各パネルに重ねた黒い点付きの線は、平均場理論が予測する個数です。棒がこの線に沿っていれば、その層は幅が無限大のネットワークと同じように振る舞っています。',
  stdTheoryText: '破線は平均場理論による標準偏差の予測です。',
  theoryColumn: '平均場理論の相',
  phaseLabels: { ordered: '秩序相', critical: '臨界', chaotic: 'カオス相' },
  phaseCell: (t) => {
    const label = t.phase === null ? 'q* が発散' : ja.phaseLabels[t.phase];
    return t.chi1 === null ? label : `${label}（χ₁ = ${formatNumber(t.chi1)}）`;
  },
  phaseEvidence: (t) => {
    const depth =
      t.depthScale === null
        ? ''
        : t.phase === 'chaotic'
          ? `。近い入力がおよそ ${formatDepth(t.depthScale)} 層で引き離される（深さスケール）`
          : t.phase === 'ordered'
            ? `。異なる入力がおよそ ${formatDepth(t.depthScale)} 層で似た表現になる（深さスケール）`
            : `。深さスケールは ${formatDepth(t.depthScale)} 層`;
    const chi = t.chi1 === null ? '' : `（下の層へ 1 層ごとに ×${formatNumber(t.chi1)}）`;
    switch (t.phase) {
      case 'ordered':
        return `秩序相: Var(δ)${chi}${depth}`;
      case 'chaotic':
        return `カオス相: Var(δ)${chi}${depth}`;
      case 'critical':
        return `勾配のスケールが保たれる${depth}`;
      default:
        return '分散の漸化式に不動点がなく、アクティベーションが際限なく大きくなる';
    }
  },

  gradientsTitle: (a) => `${a}: 初期値での勾配`,
  gradientFigureTitle: (a) => `${a}: 各層の勾配の分布（δˡ）`,
  gradientVarianceTitle: (a) => `${a}: 層ごとの勾配の分散`,
  weightGradTitle: (a) => `${a}: 層ごとの重みの勾配のノルム`,
  gradientVarianceAxis: 'Var(δˡ)（対数軸）',
  weightGradAxis: '‖(Zˡ⁻¹)ᵀ·δˡ‖（対数軸）',
  gradientProtocol:
    '手順: 学習を始める前の初期値のままで、逆伝播を 1 回だけ行います。最上位の層の出力にランダムな誤差 e ~ N(0, 1) を与え、δᴸ = φ′(Aᴸ) ⊙ e、そこから下へ δˡ = φ′(Aˡ) ⊙ (δˡ⁺¹·(Wˡ⁺¹)ᵀ) と計算します（Aˡ は l 層目のプレアクティベーション）。δˡ は l 層目のプレアクティベーションについての勾配、(Zˡ⁻¹)ᵀ·δˡ は重み Wˡ の勾配です（Z⁰ は入力）。図は勾配が流れる向き、つまり最上位の層 L から 1 層目へ向かって読んでください。',
  gradientFigureText:
    '各パネルは、ある初期値でのある層の δˡ のヒストグラムです。範囲は対称な [−m, m]（m は |δˡ| の最大値）で、同じ行のパネルは横軸を共有しているので、右端の列から左へヒストグラムが狭まれば Var(δ) が下へ伝わるうちに縮み、広がれば増えていることが分かります。σ は各層の δˡ の標準偏差です。勾配消失・勾配爆発と言えるかどうかは、しきい値を示した勾配の判定が決めます。',
  gradientZerosText:
    'ReLU: 0 の位置の高い棒はオフになっているユニットです。そこでは φ′ = 0 なので、δˡ のおよそ半分がちょうど 0 になり、勾配をそれより下へ伝えません。',
  gradientVarianceText:
    '層ごとの Var(δˡ)（対数軸）。最上位の層（右）から 1 層目（左）へ読みます。左へ下がる線は Var(δ) が下へ伝わるうちに縮むこと、左へ上がる線は増えることを表します。勾配消失・勾配爆発かどうかは上の表の勾配の判定が、しきい値に基づいて決めます。',
  gradientTheoryText:
    '破線は平均場理論の予測 Var(δˡ) = Var(δᴸ)·χᴸ⁻¹···χˡ で、測定した最上位の層から下へ求めています。',
  weightGradText:
    '各層の重みの勾配 (Zˡ⁻¹)ᵀ·δˡ のフロベニウスノルム（対数軸）。単純な勾配降下法で各層がどれだけ大きく動くかの目安です。',
  readGradients:
    '勾配: 活性化関数ごとに、アクティベーションと同じ並びの δˡ のヒストグラム、層ごとの δˡ の分散、層ごとの重みの勾配のノルムを示します。初期値ごとの一文で、勾配が最上位の層から 1 層目へ向かって縮むか増えるかを述べます。',
  gradientTrendText: (init, t) => {
    const from = `${t.top}層目の ${formatNumber(t.topVariance)} から ${t.bottom}層目の ${formatNumber(t.bottomVariance)} へ`;
    switch (t.direction) {
      case 'shrinks':
        return `${init}: 勾配は下へ伝わるうちに縮む — Var(δ) が${from}（×${formatNumber(t.ratio)}、×${formatNumber(t.limits[0])} 未満、1 層ごとに ×${formatNumber(t.perLayer)}）。`;
      case 'grows':
        return `${init}: 勾配は下へ伝わるうちに増える — Var(δ) が${from}（×${formatNumber(t.ratio)}、×${formatNumber(t.limits[1])} 超、1 層ごとに ×${formatNumber(t.perLayer)}）。`;
      case 'kept':
        return `${init}: 勾配は ×${formatNumber(t.limits[0])}〜×${formatNumber(t.limits[1])} の範囲に収まる — Var(δ) が${from}（×${formatNumber(t.ratio)}）。`;
    }
  },
  gradientTrendMissing: (init) =>
    `${init}: 勾配の分散が有限で 0 でない層が 2 つ未満なので、傾向を示せません。`,

  bookYLimitNote: (y) =>
    `書籍のスクリプト（plt.ylim(0, ${y})）と同じく、縦軸は 0〜${y} に固定しています。${y} を超える棒は上端で切れ、▲ で示します（マウスを重ねると実際の個数が出ます）。`,
  stdNote: (v) => `σ ${v}`,
  sharedDomainNote:
    '各行は層をまたいで横軸を共有しているので、層が深くなるにつれての広がりと縮みがヒストグラムの幅の違いとして見えます。各パネルの σ はその層の標準偏差です。各行は同じ乱数を拡大・縮小したもの（共通乱数）で、行の違いは重みのスケールだけです。',
  zerosNote: (p) => `0: ${p}`,
  belowNote: (p) => `◀ ${p}`,
  aboveNote: (p) => `${p} ▶`,
  nonFiniteNote: (p) => `NaN/Inf ${p}`,
  hiddenNote: (count, p) => `非表示 ${count}（${p}）`,
  gridLayersNote: (shown, layers, rest) =>
    `${layers} 層のうち、ヒストグラムは ${shown.join(', ')} 層目を表示しています（最初と最後、その間は 1, 2, 5, 10, 20, 50, … 層目）。${rest === 'distribution' ? '下の分布図はすべての層を示します' : '下の層ごとのグラフはすべての層を示します'}。`,
  distributionTitle: (a) => `${a}: 深さ方向の各層の値の分布`,
  distributionText: (bins, error) =>
    `初期値ごとに 1 枚のパネル（TensorBoard の分布図と同じ形式）。各層で、帯は値の中央 38 %・68 %・86 %・全体（最小〜最大）を表します（分位点 31〜69 %、16〜84 %、7〜93 %、0〜100 %。濃いほど中央寄り）。線は中央値です。分位点はカーネルが各層の [最小, 最大] を ${bins} 等分して数えた度数から求めたもので、誤差はその層の値の範囲の ${error} 以内です。縦軸はパネルごとに別です。`,
  distributionLegend: '値の割合',
  distributionBands: ['最小〜最大', '7〜93 %', '16〜84 %', '31〜69 %'],
  medianLabel: '中央値',

  initializer: '初期値',
  verdict: '判定',
  evidence: '根拠',
  verdictLabels: {
    errored: 'エラー',
    overflow: 'オーバーフロー',
    dead: '死んだユニット',
    exploding: '発散',
    saturated: '飽和',
    collapsed: '表現力の制限: どのユニットも同じ値を出す',
    drifting: 'ドリフト',
    healthy: '健全',
    unjudged: '判定なし',
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
        return `${v.layer}層目の値の ${formatPercent(value)} が境界から 0.05 以内（全値を正確に数えた）`;
      case 'collapsed':
        return v.measure === 'spread'
          ? `${v.layer}層目の標準偏差が値域の ${formatPercent(value)}`
          : `標準偏差が 1 層ごとに ×${formatNumber(value)}（1〜${v.layer}層目）`;
      case 'drifting':
        return `${v.layer}層目の標準偏差が 1 層目の ×${formatNumber(value)}`;
      case 'healthy':
        return 'どの基準にも当たらない';
      case 'unjudged':
        return '結果の文書に判定が含まれていない（古い版で書かれた）';
    }
  },
  verdictRulesIntro:
    '判定は各実行の統計量から計算します。基準を次の順に調べ、最初に当てはまったものが判定になります。',
  verdictRuleTexts: (t) => ({
    errored: '実行に失敗した。メッセージを表示し、レポートの他の部分には影響しない。',
    overflow: 'どこかの層に NaN か ±Inf の値がある。最初の層を示す。',
    dead: `ある層の値の ${formatPercent(t.deadZeroFraction)} 以上がちょうど 0（ReLU では普通およそ 50%）。`,
    exploding: `標準偏差が 1 層あたり ×${t.explodingGrowth} より大きく増える（1 層目から最も深い層までの幾何平均）。`,
    saturated: `sigmoid、tanh、softsign で、ある層の値の ${formatPercent(t.saturation)} 以上が境界（0 と 1、−1 と 1）から ${t.saturationZone} 以内にある（全値を正確に数える）。`,
    collapsed: `標準偏差が 1 層あたり ×${t.collapseGrowth} より小さく縮む、または最も深い層の標準偏差が有界な活性化関数の値域の ${formatPercent(t.collapseSpread)} 未満。`,
    drifting: `最も深い層の標準偏差が 1 層目の ×${t.driftFactor} より大きい、または ×${formatNumber(1 / t.driftFactor)} より小さい（各層の変化は小さくても）。`,
    healthy: '上のどれにも当たらない。',
    unjudged: '結果の文書に判定が含まれていない。',
  }),
  gradientVerdict: '勾配',
  verdictRuleTexts0:
    'この結果の文書には判定が含まれていません（古い版で書かれた）。判定するにはもう一度実行してください。',
  gradientVerdictLabels: {
    vanishing: '勾配消失',
    stable: '勾配は安定',
    exploding: '勾配爆発',
  },
  gradientVerdictEvidence: (g, layers) =>
    `1 層目の Var(δ) は ${layers} 層目の ${g.value === null ? '有限でない倍' : `×${formatNumber(g.value)}`}（${g.source === 'measured' ? '測定' : '平均場理論'}）`,
  gradientRuleText: (t) =>
    `勾配（--gradients では測定値、--theory だけなら理論予測）: 1 層目の Var(δ) を最上層の Var(δ) で割った比が ${formatNumber(t.vanishingRatio)} 未満なら勾配消失、${formatNumber(t.explodingRatio)} を超えれば勾配爆発、それ以外は安定。このページで勾配を判定する文はこれだけ。`,
  erroredRun: (init, message) => `${init} は失敗しました: ${message}`,
  noCompletedRuns: 'この活性化関数の実行はどれも完了しなかったため、描くものがありません。',

  summaryStd: '層ごとの標準偏差',
  summaryVerdict: '判定',
  summaryConfig: (c) =>
    `${c.layers} 層 × ${c.widths ? `幅 ${c.widths.join(' → ')}` : `${c.width} ユニット`}、サンプル ${c.samples}、ビン ${c.bins}、シード ${c.seed}、${c.range ? `範囲 ${formatRange(c.range)}` : '範囲は既定値'}`,
  summaryTotals: (runs, kinds) =>
    `${runs} 件の実行: ${kinds.map(([count, label]) => `${label} ${count}`).join('、')}`,
  summaryTheory: (t) =>
    `平均場理論: ${ja.phaseCell(t)}${t.depthScale === null ? '' : `、深さスケール ${formatDepth(t.depthScale)} 層`}`,
  summaryGradients: (t) =>
    `勾配: Var(δ) ${t.top}層目 → ${t.bottom}層目で ×${formatNumber(t.ratio)}${t.direction === 'shrinks' ? `（縮む、1 層ごとに ×${formatNumber(t.perLayer)}）` : t.direction === 'grows' ? `（増える、1 層ごとに ×${formatNumber(t.perLayer)}）` : '（ほぼ保たれる）'}`,

  phaseReportTitle: (a) => `${a}: 初期値での秩序とカオス`,
  phaseIntro: (a) =>
    `平均場理論による、${a} のネットワークが秩序とカオスのどこにあるかの図です。重みの分散 σ_w² とバイアスの分散 σ_b² に対する χ₁、χ₁ = 1 のカオスの縁、そしてあなたの設定の位置を示します。`,
  phaseHeatmapTitle: '(σ_w², σ_b²) ごとの χ₁',
  phaseHeatmapText: (clamp) =>
    `青は秩序相（χ₁ < 1: 理論の予測では勾配が 1 層ごとに χ₁ 倍に縮み、深いと勾配消失）、オレンジはカオス相（χ₁ > 1: 予測では 1 層ごとに χ₁ 倍に増え、深いと勾配爆発）、白は臨界（χ₁ = 1）です。色は χ₁ = 1 を中心とする対数スケールで、${formatNumber(1 / clamp)} と ${formatNumber(clamp)} で頭打ちになります（正確な値はツールチップに表示）。灰色のセルは分散の漸化式が発散する領域、黒い線は χ₁ = 1、丸はあなたの設定です。`,
  phaseLinesTitle: 'いくつかの σ_b² での σ_w² に沿った χ₁',
  phaseLinesText:
    '同じ格子のうち最大 6 行を線で示します（縦軸は対数、σ_b² は凡例）。線が破線の χ₁ = 1 を横切るところが、そのバイアスの分散でのカオスの縁です。丸はあなたの設定を、それぞれの χ₁ の位置に示します。',
  chiAxis: 'χ₁',
  sigmaW2Axis: 'σ_w² = fan_in·Var(W)',
  sigmaB2Axis: 'σ_b² = Var(b)',
  edgeLabel: 'χ₁ = 1：カオスの縁',
  divergesLabel: 'q* が発散',
  phaseTheoryTitle: '秩序相・臨界・カオス相',
  phaseExplain: [
    '秩序相（χ₁ < 1）: 入力の小さな違いは 1 層ごとに χ₁ 倍に縮むので、異なる入力も深い層ではほぼ同じ表現になります。理論の予測では、勾配も下へ伝わるうちに 1 層ごとに χ₁ 倍に縮み、χ₁ < 1 なら深いと消失します（予測）。',
    'カオス相（χ₁ > 1）: 小さな違いが 1 層ごとに χ₁ 倍に広がるので、近い入力どうしが引き離されます。理論の予測では、勾配は下へ伝わるうちに 1 層ごとに χ₁ 倍に増え、χ₁ > 1 なら深いと爆発します（予測）。',
    '臨界（χ₁ = 1、カオスの縁）: 信号も勾配もスケールを保ち、情報が残る深さのスケールが発散するので、とても深いネットワークでも学習できます。良い初期値はここを狙います。',
  ],
  phaseActivationText: {
    relu: 'ReLU: 分散の漸化式は線形で q ↦ (σ_w²/2)·q + σ_b²、χ₁ はどの q でも σ_w²/2 です。臨界点は σ_w² = 2、σ_b² = 0、つまり He の初期値 Var(W) = 2/fan_in です。σ_w² > 2 ではアクティベーションが際限なく大きくなり（灰色）、σ_w² < 2 ではバイアスの大きさまで縮みます。',
    tanh: 'tanh: σ_b = 0 での臨界点は σ_w² = 1、つまり Xavier/LeCun の初期値 Var(W) = 1/fan_in で、そこでは q* = 0、χ₁ = σ_w² です。バイアスがあると、カオスの縁はより大きな σ_w² へ移ります。',
    sigmoid:
      'sigmoid: φ(0) = ½ ≠ 0 なので、バイアスがなくてもプレアクティベーションは 0 に落ち着きません。0 付近では χ₁ ≤ σ_w²/16（傾きは最大でも ¼）なので、秩序相を抜けるには大きな重みが必要です。',
  },
  pointsTitle: 'あなたの設定',
  pointsOutside: '格子の外にある点は格子の端に描き、本当の位置の方向を矢印で示します。',
  noPoints: 'この図に置かれた設定はありません。',
};
