import { formatDepth, formatNumber, formatPercent, formatRange } from '../format.js';
import type { Messages } from './messages.js';

/** English. */
export const en: Messages = {
  fontStack: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  embedI18n: {},

  reportTitle: 'Weight initialization and hidden-layer activations',
  takeaway: (healthy, problems, runs) => {
    const issues = problems.map(([label, n]) => `${label} ${n}`).join(', ');
    const good =
      healthy.length > 0
        ? `Healthy: ${healthy.join(', ')} (${healthy.length} of ${runs} runs).`
        : `None of the ${runs} runs is healthy.`;
    return issues ? `${good} The others: ${issues}.` : good;
  },
  matrixCorner: 'activation \\ initializer',
  settingsSummary: 'Settings, how to read the figures, theory',
  contents: 'Contents',
  settings: 'Settings',
  howToRead: 'How to read the figures',
  verdictRules: 'How verdicts are decided',
  attention: 'Needs attention',

  tool: 'Tool',
  layers: 'Hidden layers',
  width: 'Width (units per layer)',
  samples: 'Samples',
  bins: 'Histogram bins',
  seed: 'Seed',
  range: 'Histogram range',
  defaultRange:
    'per activation: sigmoid [0, 1]; tanh, softsign [−1, 1]; ReLU, softplus [0, the layer’s max]; others [the layer’s min, max]',
  widths: 'Widths (input → layers)',
  biasStd: 'Bias std σ_b',
  gradientsSetting: 'Gradients (backward pass at initialization)',
  theorySetting: 'Mean-field predictions',
  on: 'yes',
  generated: (v) =>
    `Drawn from histogram counts; vega ${v.vega}, vega-lite ${v.vegaLite} and vega-embed ${v.vegaEmbed} are inlined, so the page works offline.`,

  layerLabel: (n) => `${n}-layer`,
  layerAxis: 'layer',
  initializerAxis: 'initializer',
  valueAxis: 'value',
  countAxis: 'count',
  fromField: 'from',
  toField: 'to',
  stdAxis: 'std of the layer’s values (log)',
  saturationAxis: 'share of values saturated',
  deadAxis: 'share of values exactly 0',

  figureTitle: (a) => `${a}: activation histograms per layer`,
  bookFigureTitle: (a) => `${a}: activation histograms per layer (as the book plots them)`,
  stdTitle: (a) => `${a}: std per layer`,
  saturationTitle: (a) => `${a}: saturation per layer`,
  deadTitle: (a) => `${a}: exact zeros per layer`,
  verdictsTitle: (a) => `${a}: verdicts`,
  seedStdTitle: (a, k) => `${a}: std per layer over ${k} seeds`,
  seedStdText:
    'Line: the mean over seeds of each layer’s std; band: the smallest to the largest std of any seed (log scale). The charts above are the first seed’s.',
  seedEnvelopeTitle: (a, k) => `${a}: histogram envelopes over ${k} seeds`,
  seedEnvelopeText:
    'Per bin, the median count over seeds (line) and the 10–90 % range of the counts (band), on the first seed’s bins. Layers whose range comes from each seed’s own data (ReLU 0,max) have no common bins and are left out; give --range for them.',
  seedEnvelopeLayersNote: (shown, layers) =>
    `${layers} layers: as the histogram grid, the envelopes show layers ${shown.join(', ')}; the std chart over seeds above covers every layer.`,
  inSeeds: (n, k) => `in ${n}/${k} seeds`,

  readFigure: (layers) => [
    `Rows are initializers; columns are layers 1 to ${layers}, as in the book’s figure.`,
    'x: the activation value over the histogram range in the data (sigmoid [0, 1]; tanh, softsign [−1, 1]; ReLU [0, the layer’s max]; unbounded activations the layer’s [min, max]); each activation, and each layer of an unbounded one, has its own x scale.',
    'y: values per bin; every panel has its own y scale, so compare shapes rather than heights.',
    '◀ n% and n% ▶ are the values below and above the range, NaN/Inf n% the non-finite ones: nothing is dropped silently.',
    'ReLU: exact zeros are drawn apart, as a red line at 0 and “zeros n%”, and left out of the bars so the positive part stays visible.',
  ],
  readBook:
    'Book mode: every panel is the book’s plot, plt.hist(a.flatten(), 30, range=(0,1)). “hides n” counts the values that plot leaves out: outside (0, 1), and NaN/Inf.',
  readLogCounts: 'Counts are on a log axis (symlog), so small bins stay visible.',
  bookApproximate:
    'Panels marked ≈ come from data binned over another range, re-binned to (0, 1) with values spread evenly within each bin; run with --book (range 0,1) for the book’s exact counts.',
  stdText:
    'Standard deviation of each layer’s values (log scale). A flat line keeps the signal’s scale; a falling one collapses towards a constant; a rising one explodes.',
  saturationText: (zone) =>
    `Share of values within ${zone} of a bound (sigmoid 0 or 1; tanh and softsign −1 or 1), counted exactly over every value (independent of the histogram’s range and bins). There the slope is almost 0.`,
  deadText:
    'Share of values that are exactly 0: ReLU outputs that pass no gradient back. About 50% is normal for symmetric inputs.',
  activationText: {
    sigmoid:
      'Sigmoid squeezes every input into (0, 1). Its slope σ(1 − σ) is at most 0.25 and almost 0 near 0 and 1: values piled at the ends (std:1) sit where the slope is almost 0. Values all near 0.5 (std:0.01) mean every unit says the same thing, so 100 units do the work of one. Xavier (σ = √(1/n)) keeps them spread.',
    tanh: 'tanh maps into (−1, 1), symmetric about 0, and its slope 1 − tanh² vanishes near ±1. Large weights pile the values at ±1 (saturation); tiny ones shrink them towards 0 layer by layer. With Xavier the spread narrows only slowly.',
    relu: 'ReLU passes positive values and outputs exactly 0 for the rest: about half the values for symmetric inputs. With std:1 the values grow layer by layer (explosion); with std:0.01 they shrink towards 0. Xavier shrinks them by about √½ per layer; He (σ = √(2/n)) keeps the scale from layer to layer.',
    linear:
      'linear (identity) is the baseline with no nonlinearity: the std changes by √(σ_w²) per layer exactly, so only σ_w² = 1 (Xavier/LeCun) keeps the scale. Nothing saturates and nothing dies.',
    'leaky-relu':
      'Leaky ReLU passes positive values and scales negative ones by a small α (0.01 by default), so no unit is exactly 0 and gradients always flow a little. Like ReLU it needs He’s scale, √(2/((1 + α²)·n)), to keep the std.',
    elu: 'ELU is the identity for positive values and α(eˣ − 1) below 0, saturating at −α. Its outputs have a mean closer to 0 than ReLU’s; He-like scales keep the std roughly steady.',
    selu: 'SELU is a scaled ELU whose constants make mean 0 and variance 1 a fixed point with LeCun’s initialization (σ = √(1/n)): the std should stay near 1 layer after layer.',
    gelu: 'GELU, x·Φ(x), is a smooth ReLU that dips slightly below 0 for negative inputs. It behaves much like ReLU: small weights shrink the values, large ones blow them up.',
    silu: 'SiLU (swish), x·σ(x), is a smooth ReLU with a small dip below 0. Small weights shrink the values towards 0, large ones grow them.',
    softplus:
      'softplus, log(1 + eˣ), is a smooth ReLU that is never exactly 0: its values are positive and, for small inputs, sit near log 2 ≈ 0.69, so tiny weights make every unit output almost the same value.',
    softsign:
      'softsign, x/(1 + |x|), maps into (−1, 1) like tanh but approaches ±1 only polynomially, so it saturates more slowly. Large weights still pile values next to ±1; tiny ones shrink them towards 0.',
  },
  otherActivationText: 'Each panel is one layer’s activation histogram under one initializer.',

  simulatedLegend: 'simulated',
  theoryLegend: 'mean-field prediction',
  theoryTitle: 'Mean-field theory',
  theoryIntro: [
    'Mean-field theory treats every pre-activation of a wide network as Gaussian with a variance qˡ that follows a one-line recursion: q¹ = σ_w²·E[x²] + σ_b², then qˡ = σ_w²·E[φ(√qˡ⁻¹·z)²] + σ_b² with z ~ N(0, 1), where σ_w² = fan_in·Var(W) (Poole et al. 2016). From qˡ it predicts each layer’s mean, std and histogram; they are drawn over the simulated ones.',
    'χˡ = σ_w²·E[φ′(√qˡ·z)²] is the factor by which the gradient variance changes going down through layer l (Schoenholz et al. 2017). At the fixed point q* of the recursion it is χ₁: below 1 the network is ordered (Var(δ) shrinks going down, different inputs end up alike), above 1 it is chaotic (Var(δ) grows going down, nearby inputs are pulled apart), at 1 it is critical — the edge of chaos, where signals and gradients travel through any depth.',
    'The theory is exact for infinitely wide layers; at finite width expect small deviations, largest in the deepest layers.',
  ],
  readTheory:
    'Black lines with dots over the bars: the mean-field prediction, the expected count of each bin from the predicted pre-activation variance qˡ.',
  figureTheoryText:
    'The black line with dots over each panel is the mean-field prediction of the counts: where the bars follow it, the layer behaves as an infinitely wide network would.',
  stdTheoryText: 'Dashed: the mean-field prediction of the std.',
  theoryColumn: 'Mean-field phase',
  phaseLabels: { ordered: 'ordered', critical: 'critical', chaotic: 'chaotic' },
  phaseCell: (t) => {
    const label = t.phase === null ? 'q* diverges' : en.phaseLabels[t.phase];
    return t.chi1 === null ? label : `${label} (χ₁ = ${formatNumber(t.chi1)})`;
  },
  phaseEvidence: (t) => {
    const depth =
      t.depthScale === null
        ? ''
        : t.phase === 'chaotic'
          ? `; nearby inputs are pulled apart over ≈ ${formatDepth(t.depthScale)} layers (depth scale)`
          : t.phase === 'ordered'
            ? `; different inputs end up alike over ≈ ${formatDepth(t.depthScale)} layers (depth scale)`
            : `; depth scale ${formatDepth(t.depthScale)} layers`;
    const chi = t.chi1 === null ? '' : ` ×${formatNumber(t.chi1)} per layer`;
    switch (t.phase) {
      case 'ordered':
        return `ordered: Var(δ)${chi} going down${depth}`;
      case 'chaotic':
        return `chaotic: Var(δ)${chi} going down${depth}`;
      case 'critical':
        return `gradients keep their scale${depth}`;
      default:
        return 'the variance map has no fixed point: activations grow without bound';
    }
  },

  gradientsTitle: (a) => `${a}: gradients at initialization`,
  gradientFigureTitle: (a) => `${a}: gradient histograms per layer (δˡ)`,
  gradientVarianceTitle: (a) => `${a}: gradient variance per layer`,
  weightGradTitle: (a) => `${a}: weight-gradient norm per layer`,
  gradientVarianceAxis: 'Var(δˡ) (log)',
  weightGradAxis: '‖(Zˡ⁻¹)ᵀ·δˡ‖ (log)',
  gradientProtocol:
    'Protocol: one backward pass at initialization, before any training. A random error e ~ N(0, 1) is put on the top layer’s output; δᴸ = φ′(Aᴸ) ⊙ e, then δˡ = φ′(Aˡ) ⊙ (δˡ⁺¹·(Wˡ⁺¹)ᵀ) going down, where Aˡ is layer l’s pre-activation. δˡ is the gradient at layer l’s pre-activations; (Zˡ⁻¹)ᵀ·δˡ is the gradient of Wˡ (Z⁰ = the input). Read the charts from the top layer L down to layer 1: that is the direction gradients travel.',
  gradientFigureText:
    'Each panel is the histogram of δˡ for one layer and one initializer, over a symmetric range [−m, m] with m the largest |δˡ|; the panels of a row share one x axis, so a histogram narrowing from the right-most column to the left shows Var(δ) shrinking on the way down, a widening one shows it growing; σ is each layer’s std of δˡ. Whether that counts as vanishing or exploding is the gradients verdict’s call, with its thresholds.',
  gradientZerosText:
    'ReLU: the tall bar at 0 is the units that are off — φ′ = 0 there, so about half of δˡ is exactly 0 and passes no gradient on.',
  gradientVarianceText:
    'Var(δˡ) per layer (log scale). Read from the top layer (right) down to layer 1 (left): a line falling to the left means Var(δ) shrinks on its way down, one rising to the left means it grows; the gradients verdict in the table above judges it.',
  gradientTheoryText:
    'Dashed: the mean-field prediction Var(δˡ) = Var(δᴸ)·χᴸ⁻¹···χˡ, from the measured top layer down.',
  weightGradText:
    'Frobenius norm of each layer’s weight gradient (Zˡ⁻¹)ᵀ·δˡ (log scale): how big a step plain gradient descent would take in each layer.',
  readGradients:
    'Gradients: per activation, a grid of δˡ histograms like the activation grid, the variance of δˡ per layer and the weight-gradient norm per layer; a sentence per initializer says whether gradients shrink or grow from the top layer down to layer 1.',
  gradientTrendText: (init, t) => {
    const from = `from ${formatNumber(t.topVariance)} at layer ${t.top} to ${formatNumber(t.bottomVariance)} at layer ${t.bottom}`;
    switch (t.direction) {
      case 'shrinks':
        return `${init}: gradients shrink on the way down — Var(δ) falls ${from} (×${formatNumber(t.ratio)}, below ×${formatNumber(t.limits[0])}; ×${formatNumber(t.perLayer)} per layer).`;
      case 'grows':
        return `${init}: gradients grow on the way down — Var(δ) rises ${from} (×${formatNumber(t.ratio)}, above ×${formatNumber(t.limits[1])}; ×${formatNumber(t.perLayer)} per layer).`;
      case 'kept':
        return `${init}: gradients stay within ×${formatNumber(t.limits[0])}–×${formatNumber(t.limits[1])} — Var(δ) goes ${from} (×${formatNumber(t.ratio)}).`;
    }
  },
  gradientTrendMissing: (init) =>
    `${init}: fewer than two layers have a finite, non-zero gradient variance, so there is no trend to tell.`,

  bookYLimitNote: (y) =>
    `As in the book’s script (plt.ylim(0, ${y})), the count axis is fixed to 0–${y}: bars taller than ${y} are cut at the top and marked ▲ (hover for the full count).`,
  stdNote: (v) => `σ ${v}`,
  sharedDomainNote:
    'Each row shares one x axis across its layers, so growth and shrinkage over depth show as wider or narrower histograms; σ in each panel is that layer’s std. The rows are the same random draws rescaled (common random numbers): only the weight scale differs between them.',
  zerosNote: (p) => `zeros ${p}`,
  belowNote: (p) => `◀ ${p}`,
  aboveNote: (p) => `${p} ▶`,
  nonFiniteNote: (p) => `NaN/Inf ${p}`,
  hiddenNote: (count, p) => `hides ${count} (${p})`,
  gridLayersNote: (shown, layers, rest) =>
    `${layers} layers: the grid shows layers ${shown.join(', ')} (the first, the last, and the steps 1, 2, 5, 10, 20, 50, … between); ${rest === 'distribution' ? 'the distribution chart below covers every layer' : 'the per-layer charts below cover every layer'}.`,
  distributionTitle: (a) => `${a}: distribution of each layer’s values over depth`,
  distributionText: (bins, error) =>
    `One panel per initializer, TensorBoard-style: at every layer the bands hold the middle 38 %, 68 %, 86 % and all (min–max) of the layer’s values (quantiles 31–69 %, 16–84 %, 7–93 %, 0–100 %; darker is more central); the line is the median. The quantiles come from the kernel’s counts in ${bins} equal bins on each layer’s [min, max]: each differs from the exact quantile by less than ${error} of the layer’s range. Each panel has its own value axis.`,
  distributionLegend: 'share of values',
  distributionBands: ['min–max', '7–93 %', '16–84 %', '31–69 %'],
  medianLabel: 'median',

  initializer: 'Initializer',
  verdict: 'Verdict',
  evidence: 'Evidence',
  verdictLabels: {
    errored: 'errored',
    overflow: 'overflow',
    dead: 'dead',
    exploding: 'exploding',
    saturated: 'saturated',
    collapsed: 'collapsed: units say the same thing',
    drifting: 'drifting',
    healthy: 'healthy',
    unjudged: 'not judged',
  },
  verdictEvidence: (v) => {
    const value = v.value ?? 0;
    switch (v.kind) {
      case 'errored':
        return v.message ?? '';
      case 'overflow':
        return `NaN/Inf from layer ${v.layer} on (${formatPercent(value)} of its values)`;
      case 'dead':
        return `${formatPercent(value)} of layer ${v.layer}’s values are exactly 0`;
      case 'exploding':
        return `std grows ×${formatNumber(value)} per layer (layers 1 to ${v.layer})`;
      case 'saturated':
        return `${formatPercent(value)} of layer ${v.layer}’s values lie within 0.05 of a bound (counted exactly)`;
      case 'collapsed':
        return v.measure === 'spread'
          ? `layer ${v.layer}’s std is ${formatPercent(value)} of the activation’s range`
          : `std shrinks ×${formatNumber(value)} per layer (layers 1 to ${v.layer})`;
      case 'drifting':
        return `layer ${v.layer}’s std is ×${formatNumber(value)} layer 1’s`;
      case 'healthy':
        return 'no threshold crossed';
      case 'unjudged':
        return 'the results document carries no verdicts (written by an older version)';
    }
  },
  verdictRulesIntro:
    'A verdict is computed from each run’s statistics; the rules are checked in this order and the first that matches wins.',
  verdictRuleTexts: (t) => ({
    errored: 'The run failed: its message is shown, and the rest of the report is unaffected.',
    overflow: 'A layer holds NaN or ±Inf values; the first such layer is named.',
    dead: `At least ${formatPercent(t.deadZeroFraction)} of some layer’s values are exactly 0 (ReLU gives about 50% normally).`,
    exploding: `std grows by more than ×${t.explodingGrowth} per layer (geometric mean from layer 1 to the deepest).`,
    saturated: `Sigmoid, tanh or softsign: at least ${formatPercent(t.saturation)} of some layer’s values lie within ${t.saturationZone} of a bound (0 or 1; −1 or 1), counted exactly over every value.`,
    collapsed: `std shrinks by more than ×${t.collapseGrowth} per layer, or the deepest layer’s std is below ${formatPercent(t.collapseSpread)} of a bounded activation’s range.`,
    drifting: `The deepest layer’s std is more than ×${t.driftFactor} or less than ×${formatNumber(1 / t.driftFactor)} layer 1’s, although every step is mild.`,
    healthy: 'None of the above.',
    unjudged: 'The results document carries no verdicts.',
  }),
  gradientVerdict: 'Gradients',
  verdictRuleTexts0:
    'This results document was written without verdicts (by an older version): run it again to judge it.',
  gradientVerdictLabels: {
    vanishing: 'gradients vanish',
    stable: 'gradients stable',
    exploding: 'gradients explode',
  },
  gradientVerdictEvidence: (g, layers) =>
    `Var(δ) at layer 1 is ${g.value === null ? 'not finite relative to' : `×${formatNumber(g.value)}`} that at layer ${layers} (${g.source === 'measured' ? 'measured' : 'mean-field theory'})`,
  gradientRuleText: (t) =>
    `Gradients (with --gradients: measured; with --theory alone: predicted): Var(δ) of layer 1 over Var(δ) of the top layer; below ${formatNumber(t.vanishingRatio)} they vanish, above ${formatNumber(t.explodingRatio)} they explode, else they are stable. No other text on this page judges gradients.`,
  erroredRun: (init, message) => `${init} failed: ${message}`,
  noCompletedRuns: 'No run of this activation completed, so there is nothing to plot.',

  summaryStd: 'std per layer',
  summaryVerdict: 'verdict',
  summaryConfig: (c) =>
    `${c.layers} layers × ${c.widths ? `widths ${c.widths.join(' → ')}` : `${c.width} units`}, ${c.samples} samples, ${c.bins} bins, seed ${c.seed}, ${c.range ? `range ${formatRange(c.range)}` : 'default ranges'}`,
  summaryTotals: (runs, kinds) =>
    `${runs} runs: ${kinds.map(([count, label]) => `${count} ${label}`).join(', ')}`,
  summaryTheory: (t) =>
    `mean-field: ${en.phaseCell(t)}${t.depthScale === null ? '' : `, depth scale ${formatDepth(t.depthScale)} layers`}`,
  summaryGradients: (t) => {
    const from = `gradients: Var(δ) from layer ${t.top} down to layer ${t.bottom}`;
    if (t.direction === 'kept') return `${from} is kept: ×${formatNumber(t.ratio)}`;
    return `${from} ${t.direction === 'shrinks' ? 'shrinks' : 'grows'} ×${formatNumber(t.ratio)} (×${formatNumber(t.perLayer)} per layer)`;
  },

  phaseReportTitle: (a) => `${a}: order and chaos at initialization`,
  phaseIntro: (a) =>
    `Where a ${a} network sits between order and chaos, by mean-field theory: χ₁ over the weight variance σ_w² and the bias variance σ_b², the χ₁ = 1 edge of chaos, and your configurations placed on it.`,
  phaseHeatmapTitle: 'χ₁ over (σ_w², σ_b²)',
  phaseHeatmapText: (clamp) =>
    `Blue: ordered (χ₁ < 1: the theory predicts gradients shrinking by χ₁ per layer, vanishing with depth); orange: chaotic (χ₁ > 1: predicted to grow by χ₁ per layer, exploding with depth); white: critical (χ₁ = 1). Log color scale centred on χ₁ = 1, saturating at ${formatNumber(1 / clamp)} and ${formatNumber(clamp)}; the tooltip gives the exact value. Grey cells: the variance map diverges. The black line is χ₁ = 1; circles are your configurations.`,
  phaseLinesTitle: 'χ₁ along σ_w² at a few σ_b²',
  phaseLinesText:
    'At most six rows of the same grid as lines (log y), their σ_b² in the legend: where a line crosses the dashed χ₁ = 1 rule is the edge of chaos for that bias variance. Circles: your configurations at their own χ₁.',
  chiAxis: 'χ₁',
  sigmaW2Axis: 'σ_w² = fan_in·Var(W)',
  sigmaB2Axis: 'σ_b² = Var(b)',
  edgeLabel: 'χ₁ = 1: edge of chaos',
  divergesLabel: 'q* diverges',
  phaseTheoryTitle: 'Ordered, critical and chaotic',
  phaseExplain: [
    'Ordered (χ₁ < 1): a small change at the input shrinks by χ₁ per layer, so different inputs end up with nearly the same deep representation, and the theory predicts gradients shrinking by χ₁ per layer on their way down: with χ₁ < 1 they are predicted to vanish with depth.',
    'Chaotic (χ₁ > 1): small changes grow by χ₁ per layer, so nearby inputs are pulled apart, and the theory predicts gradients growing by χ₁ per layer on their way down: with χ₁ > 1 they are predicted to explode with depth.',
    'Critical (χ₁ = 1, the edge of chaos): signals and gradients keep their scale, and the depth scale over which information survives diverges, so very deep networks stay trainable. Good initializers aim here.',
  ],
  phaseActivationText: {
    relu: 'ReLU: the variance map is linear, q ↦ (σ_w²/2)·q + σ_b², and χ₁ = σ_w²/2 at every q. The critical point is σ_w² = 2, σ_b² = 0 — He initialization, Var(W) = 2/fan_in. Above σ_w² = 2 the activations grow without bound (grey), below it they shrink towards the bias’s level.',
    tanh: 'tanh: with σ_b = 0 the critical point is σ_w² = 1 — Xavier/LeCun initialization, Var(W) = 1/fan_in — where q* = 0 and χ₁ = σ_w². With a bias the edge of chaos moves to larger σ_w².',
    sigmoid:
      'sigmoid: φ(0) = ½ ≠ 0, so even without a bias the pre-activations never settle at 0; χ₁ ≤ σ_w²/16 near 0 (the slope is at most ¼), so sigmoid needs large weights to leave the ordered phase.',
  },
  pointsTitle: 'Your configurations',
  pointsOutside:
    'Points outside the grid are drawn at its edge, with an arrow towards their real place.',
  noPoints: 'No configurations were placed on this diagram.',
};
