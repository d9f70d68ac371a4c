// The weights table: per initializer of a run, its distribution, the numbers it drew each layer
// with (recovered from the results' weightStd = √E[w²] and the layer's fans) and the PyTorch and
// Keras calls that draw the same weights. The report does not depend on sim: the definitions below
// mirror sim's initializer registry, and a test compares both for every initializer form.
import type { CompletedRun, Results } from '@initscope/results';
import { formatNumber } from './format.js';
import { escapeHtml } from './html.js';
import {
  type FrameworkMatch,
  type WeightsMessages,
  type WeightsNote,
  weightsMessagesFor,
} from './i18n/weights.js';
import type { Lang } from './lang.js';

/** How a layer's weights are drawn (sim's `WeightDraw` kinds). */
export type WeightKind = 'normal' | 'truncated-normal' | 'uniform' | 'orthogonal' | 'constant';

/** Std of N(0, 1) truncated to [−2, 2] (Keras' 0.87962566103423978): truncated draws divide σ by it. */
export const truncatedNormalStd = 0.8796256610342398;

/** A framework's call that draws an initializer's weights, and how closely. */
export interface FrameworkCall {
  /** The call; `{p}` stands for the initializer's parameter (`0.01` of `std:0.01`). */
  code: string;
  match: FrameworkMatch;
  note?: WeightsNote;
}

/** What the table says about one initializer form. */
export interface WeightDefinition {
  kind: WeightKind;
  /** The distribution as a formula; `{p}` stands for the parameter. */
  formula: string;
  pytorch: FrameworkCall;
  keras: FrameworkCall;
  note?: WeightsNote;
}

const same = (code: string, note?: WeightsNote): FrameworkCall =>
  note ? { code, match: 'same', note } : { code, match: 'same' };

/**
 * Every initializer form (sim's `initForms`, `orthogonal:<gain|auto>` split in two): its
 * distribution and its PyTorch (torch.nn.init) and Keras (keras.initializers) equivalents.
 */
export const weightDefinitions: Readonly<Record<string, WeightDefinition>> = {
  'std:<σ>': {
    kind: 'normal',
    formula: 'N(0, {p}²)',
    pytorch: same('nn.init.normal_(w, mean=0.0, std={p})'),
    keras: same('RandomNormal(mean=0.0, stddev={p})'),
  },
  'uniform:<a>': {
    kind: 'uniform',
    formula: 'U(−{p}, {p})',
    pytorch: same('nn.init.uniform_(w, a=-{p}, b={p})'),
    keras: same('RandomUniform(minval=-{p}, maxval={p})'),
  },
  'const:<c>': {
    kind: 'constant',
    formula: 'w = {p}',
    pytorch: same('nn.init.constant_(w, {p})'),
    keras: same('Constant({p})'),
  },
  'orthogonal:<gain>': {
    kind: 'orthogonal',
    formula: '{p}·Q, Q orthogonal (QR of a Gaussian matrix)',
    pytorch: same('nn.init.orthogonal_(w, gain={p})'),
    keras: same('Orthogonal(gain={p})'),
  },
  'orthogonal:auto': {
    kind: 'orthogonal',
    formula: 'g·Q, Q orthogonal, g = calculate_gain(activation)',
    pytorch: same('nn.init.orthogonal_(w, gain=g)', 'autoGain'),
    keras: same('Orthogonal(gain=g)', 'kerasNoGain'),
  },
  xavier: {
    kind: 'normal',
    formula: 'N(0, 1/fan_in)',
    note: 'bookXavier',
    pytorch: same("nn.init.kaiming_normal_(w, nonlinearity='linear')", 'squareXavier'),
    keras: same(
      "VarianceScaling(scale=1.0, mode='fan_in', distribution='untruncated_normal')",
      'kerasTruncatedTwin',
    ),
  },
  he: {
    kind: 'normal',
    formula: 'N(0, 2/fan_in)',
    pytorch: same("nn.init.kaiming_normal_(w, nonlinearity='relu')"),
    keras: same(
      "VarianceScaling(scale=2.0, mode='fan_in', distribution='untruncated_normal')",
      'kerasTruncatedTwin',
    ),
  },
  lecun: {
    kind: 'truncated-normal',
    formula: 'Var = 1/fan_in',
    pytorch: same('nn.init.trunc_normal_(w, std=s, a=-2*s, b=2*s)', 'truncatedTorch'),
    keras: same('LecunNormal()', 'truncatedKeras'),
  },
  'glorot-normal': {
    kind: 'truncated-normal',
    formula: 'Var = 2/(fan_in + fan_out)',
    pytorch: { code: 'nn.init.xavier_normal_(w)', match: 'variance', note: 'untruncatedTorch' },
    keras: same('GlorotNormal()', 'truncatedKeras'),
  },
  'glorot-uniform': {
    kind: 'uniform',
    formula: 'U(±√(6/(fan_in + fan_out)))',
    pytorch: same('nn.init.xavier_uniform_(w)'),
    keras: same('GlorotUniform()'),
  },
  'he-normal': {
    kind: 'truncated-normal',
    formula: 'Var = 2/fan_in',
    pytorch: {
      code: "nn.init.kaiming_normal_(w, nonlinearity='relu')",
      match: 'variance',
      note: 'untruncatedTorch',
    },
    keras: same('HeNormal()', 'truncatedKeras'),
  },
  'he-uniform': {
    kind: 'uniform',
    formula: 'U(±√(6/fan_in))',
    pytorch: same("nn.init.kaiming_uniform_(w, nonlinearity='relu')"),
    keras: same('HeUniform()'),
  },
  'pytorch-linear': {
    kind: 'uniform',
    formula: 'U(±1/√fan_in)',
    pytorch: same('nn.init.kaiming_uniform_(w, a=math.sqrt(5))', 'linearDefault'),
    keras: same("VarianceScaling(scale=1/3, mode='fan_in', distribution='uniform')"),
  },
  orthogonal: {
    kind: 'orthogonal',
    formula: 'Q, Q orthogonal (QR of a Gaussian matrix), gain 1',
    pytorch: same('nn.init.orthogonal_(w)'),
    keras: same('Orthogonal()'),
  },
  zeros: {
    kind: 'constant',
    formula: 'w = 0',
    pytorch: same('nn.init.zeros_(w)'),
    keras: same('Zeros()'),
  },
};

/** The key of {@link weightDefinitions} for an initializer id (`std:0.01` → `std:<σ>`), or undefined. */
export function weightDefinitionKey(init: string): string | undefined {
  if (Object.hasOwn(weightDefinitions, init) && !init.includes('<')) return init;
  const colon = init.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = init.slice(0, colon);
  const key =
    prefix === 'orthogonal'
      ? init === 'orthogonal:auto'
        ? 'orthogonal:auto'
        : 'orthogonal:<gain>'
      : Object.keys(weightDefinitions).find((form) => form.startsWith(`${prefix}:<`));
  return key !== undefined && Object.hasOwn(weightDefinitions, key) ? key : undefined;
}

/** One layer's weights as the initializer drew them, recovered from its √E[w²]. */
export interface LayerWeights {
  layer: number;
  fanIn: number;
  fanOut: number;
  /** √E[w²] of the layer's weights: the results' `weightStd`. */
  std: number;
  kind: WeightKind;
  /** normal: σ; truncated normal: σ before the cut at ±2σ (std / 0.8796). */
  sigma?: number;
  /** uniform: the bound a of U(−a, a) = √3·std. */
  bound?: number;
  /** orthogonal: the gain = std·√max(fan_in, fan_out) (E[w²] of gain·Q is gain²/max(fan_in, fan_out)). */
  gain?: number;
  /** constant: the value (its sign from the id). */
  value?: number;
}

/** Input features then each layer's width, as the results' config gives them. */
function widthsOf(results: Results, layers: number): number[] {
  const { widths, width } = results.config;
  return widths && widths.length === layers + 1 ? widths : Array(layers + 1).fill(width);
}

/** The per-layer weights of a completed run, or undefined when its initializer has no definition. */
export function layerWeights(results: Results, run: CompletedRun): LayerWeights[] | undefined {
  const key = weightDefinitionKey(run.init);
  const definition = key === undefined ? undefined : weightDefinitions[key];
  if (!definition) return undefined;
  const widths = widthsOf(results, run.weightStd.length);
  const parameter = Number(run.init.slice(run.init.indexOf(':') + 1));
  return run.weightStd.map((std, i) => {
    const fanIn = widths[i] as number;
    const fanOut = widths[i + 1] as number;
    const layer: LayerWeights = { layer: i + 1, fanIn, fanOut, std, kind: definition.kind };
    switch (definition.kind) {
      case 'normal':
        layer.sigma = std;
        break;
      case 'truncated-normal':
        layer.sigma = std / truncatedNormalStd;
        break;
      case 'uniform':
        layer.bound = Math.sqrt(3) * std;
        break;
      case 'orthogonal':
        layer.gain = std * Math.sqrt(Math.max(fanIn, fanOut));
        break;
      case 'constant':
        layer.value = parameter < 0 ? -std : std;
        break;
    }
    return layer;
  });
}

/** The numbers of one layer as text: `σ = 0.1`, `U(−0.173, 0.173)`, `gain 1.67`. */
function layerText(w: WeightsMessages, layer: LayerWeights): string {
  switch (layer.kind) {
    case 'normal':
      return w.sigma(formatNumber(layer.sigma ?? null));
    case 'truncated-normal':
      return w.truncated(formatNumber(layer.sigma ?? null), formatNumber(layer.std));
    case 'uniform':
      return w.uniform(formatNumber(layer.bound ?? null));
    case 'orthogonal':
      return w.gain(formatNumber(layer.gain ?? null));
    case 'constant':
      return w.constant(formatNumber(layer.value ?? null));
  }
}

/** A run's layers as text, consecutive layers with the same numbers merged: `layers 1–5: σ = 0.1`. */
function layersText(w: WeightsMessages, layers: readonly LayerWeights[]): string {
  const texts = layers.map((layer) => layerText(w, layer));
  if (texts.every((text) => text === texts[0])) return texts[0] ?? '–';
  const parts: string[] = [];
  let start = 0;
  texts.forEach((text, i) => {
    if (texts[i + 1] !== text) {
      parts.push(`${w.layers(start + 1, i + 1)}: ${text}`);
      start = i + 1;
    }
  });
  return parts.join(' · ');
}

function fill(text: string, init: string): string {
  return text.replaceAll('{p}', init.slice(init.indexOf(':') + 1));
}

function frameworkCell(w: WeightsMessages, call: FrameworkCall, init: string): string {
  const note = call.note ? `: ${w.notes[call.note]}` : '';
  return `<code>${escapeHtml(fill(call.code, init))}</code><br><span class="muted">${escapeHtml(`${w.matches[call.match]}${note}`)}</span>`;
}

/** The weights section's heading in a language (for the table of contents). */
export function weightsTitle(lang: Lang): string {
  return weightsMessagesFor(lang).title;
}

/**
 * The weights section of the report: one row per initializer of the results (in order of first
 * appearance) with its distribution, the numbers each layer used (per activation where they differ,
 * e.g. orthogonal:auto's gain) and its PyTorch and Keras calls. Empty when no run completed.
 */
export function weightsSection(results: Results, lang: Lang, id = 'weights'): string {
  const w = weightsMessagesFor(lang);
  const inits = [...new Set(results.runs.map((run) => run.init))];
  const rows = inits.flatMap((init) => {
    const completed = results.runs.filter(
      (run): run is CompletedRun => run.init === init && run.state === 'completed',
    );
    if (completed.length === 0) return [];
    const key = weightDefinitionKey(init);
    const definition = key === undefined ? undefined : weightDefinitions[key];
    if (!definition)
      return [
        `<tr><td><code>${escapeHtml(init)}</code></td><td colspan="4" class="muted">${escapeHtml(w.unknown)}</td></tr>`,
      ];
    // activations whose layers used the same numbers share one line
    const byText = new Map<string, string[]>();
    for (const run of completed) {
      const text = layersText(w, layerWeights(results, run) ?? []);
      byText.set(text, [...(byText.get(text) ?? []), run.activation]);
    }
    const used =
      byText.size === 1
        ? escapeHtml([...byText.keys()][0] ?? '–')
        : [...byText]
            .map(([text, activations]) => escapeHtml(`${activations.join(', ')}: ${text}`))
            .join('<br>');
    const note = definition.note
      ? `<br><span class="muted">${escapeHtml(w.notes[definition.note])}</span>`
      : '';
    const formula = `${escapeHtml(w.kinds[definition.kind])}: ${escapeHtml(fill(definition.formula, init))}${note}`;
    return [
      `<tr><td><code>${escapeHtml(init)}</code></td><td>${formula}</td><td class="used">${used}</td><td>${frameworkCell(w, definition.pytorch, init)}</td><td>${frameworkCell(w, definition.keras, init)}</td></tr>`,
    ];
  });
  if (rows.length === 0) return '';
  const head = [w.initializer, w.distribution, w.used, w.pytorch, w.keras]
    .map((text) => `<th>${escapeHtml(text)}</th>`)
    .join('');
  return `<section id="${id}"><h2>${escapeHtml(w.title)}</h2><p>${escapeHtml(w.intro)}</p>
<table class="weights"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<p class="muted">${escapeHtml(w.shapes)}</p></section>`;
}
