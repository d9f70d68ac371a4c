import type { Lang } from '../lang.js';

/** How closely a framework's call reproduces an initializer. */
export type FrameworkMatch = 'same' | 'variance';

/** Notes that qualify a framework equivalence (keys of {@link WeightsMessages.notes}). */
export type WeightsNote =
  | 'bookXavier'
  | 'squareXavier'
  | 'kerasTruncatedTwin'
  | 'untruncatedTorch'
  | 'truncatedTorch'
  | 'truncatedKeras'
  | 'linearDefault'
  | 'autoGain'
  | 'kerasNoGain';

/** Every text of the weights table, in one language. */
export interface WeightsMessages {
  title: string;
  /** What the table shows and where its numbers come from. */
  intro: string;
  /** How PyTorch's and Keras' weight shapes relate to ours (fan_in, fan_out). */
  shapes: string;
  initializer: string;
  distribution: string;
  used: string;
  pytorch: string;
  keras: string;
  /** `layer 1`, `layers 2–5`. */
  layers: (first: number, last: number) => string;
  /** Names of the drawn distributions. */
  kinds: Record<'normal' | 'truncated-normal' | 'uniform' | 'orthogonal' | 'constant', string>;
  /** σ of a normal draw. */
  sigma: (std: string) => string;
  /** A truncated normal: the σ it is drawn with before the cut at ±2σ, and the std after it. */
  truncated: (before: string, after: string) => string;
  uniform: (bound: string) => string;
  gain: (gain: string) => string;
  constant: (value: string) => string;
  matches: Record<FrameworkMatch, string>;
  notes: Record<WeightsNote, string>;
  /** An initializer the table has no definition for. */
  unknown: string;
}

const en: WeightsMessages = {
  title: 'The weights each initializer used',
  intro:
    'For every initializer of this run: its distribution, the numbers actually used in each layer (from the results’ weightStd = √E[w²] and the layer’s fan_in and fan_out), and the PyTorch and Keras calls that draw the same weights.',
  shapes:
    'fan_in is the number of inputs of a layer. PyTorch: apply the call to nn.Linear(fan_in, fan_out).weight (shape (fan_out, fan_in); PyTorch reads fan_in from dimension 1). Keras: pass it as kernel_initializer of Dense(fan_out) (kernel shape (fan_in, fan_out)).',
  initializer: 'Initializer',
  distribution: 'Distribution',
  used: 'Used per layer',
  pytorch: 'PyTorch',
  keras: 'Keras',
  layers: (first, last) => (first === last ? `layer ${first}` : `layers ${first}–${last}`),
  kinds: {
    normal: 'normal',
    'truncated-normal': 'truncated normal (cut at ±2σ, redrawn)',
    uniform: 'uniform',
    orthogonal: 'orthogonal',
    constant: 'constant',
  },
  sigma: (std) => `σ = ${std}`,
  truncated: (before, after) => `σ = ${before} before the cut (std ${after} after it)`,
  uniform: (bound) => `U(−${bound}, ${bound})`,
  gain: (gain) => `gain ${gain}`,
  constant: (value) => `every weight ${value}`,
  matches: {
    same: 'same distribution',
    variance: 'same variance, different shape',
  },
  notes: {
    bookXavier:
      'The book’s “Xavier” is N(0, 1/fan_in): LeCun’s variance, untruncated. Glorot & Bengio’s Xavier uses 2/(fan_in + fan_out).',
    squareXavier:
      'nn.init.xavier_normal_ gives the same N(0, 1/fan_in) only when fan_in = fan_out (it uses 2/(fan_in + fan_out)).',
    kerasTruncatedTwin:
      'Keras’ LecunNormal and HeNormal have these variances but are truncated at ±2σ; this one is not, hence VarianceScaling with untruncated_normal.',
    untruncatedTorch:
      'PyTorch’s call draws an untruncated normal with the same variance; the truncated shape needs nn.init.trunc_normal_ (its a, b are absolute bounds: ±2s).',
    truncatedTorch:
      'nn.init.trunc_normal_(w, std=s, a=-2*s, b=2*s) with s = σ before the cut, as in the Used column.',
    truncatedKeras:
      'Keras truncates at ±2σ and rescales by 0.8796 so that the std after the cut is √(scale/fan).',
    linearDefault:
      'PyTorch nn.Linear’s default (kaiming_uniform_ with a = √5 gives the bound 1/√fan_in).',
    autoGain:
      'g = nn.init.calculate_gain of the activation (tanh 5/3, ReLU √2, …), shown per activation in the Used column.',
    kerasNoGain: 'Keras has no calculate_gain: pass the number from the Used column.',
  },
  unknown: 'No definition for this initializer.',
};

const ja: WeightsMessages = {
  title: '各初期値が実際に使った重み',
  intro:
    'この実行の初期値ごとに、分布、各層で実際に使われた値（結果の weightStd = √E[w²] と層の fan_in・fan_out から）、同じ重みを生成する PyTorch と Keras の呼び出しを示します。',
  shapes:
    'fan_in は層の入力の数です。PyTorch では nn.Linear(fan_in, fan_out).weight（形状 (fan_out, fan_in)。PyTorch は fan_in を 1 次元目から読みます）に適用し、Keras では Dense(fan_out) の kernel_initializer に渡します（カーネルの形状は (fan_in, fan_out)）。',
  initializer: '初期値',
  distribution: '分布',
  used: '各層で使われた値',
  pytorch: 'PyTorch',
  keras: 'Keras',
  layers: (first, last) => (first === last ? `${first} 層目` : `${first}〜${last} 層目`),
  kinds: {
    normal: '正規分布',
    'truncated-normal': '切断正規分布（±2σ の外は引き直し）',
    uniform: '一様分布',
    orthogonal: '直交行列',
    constant: '定数',
  },
  sigma: (std) => `σ = ${std}`,
  truncated: (before, after) => `切断前 σ = ${before}（切断後の標準偏差 ${after}）`,
  uniform: (bound) => `U(−${bound}, ${bound})`,
  gain: (gain) => `ゲイン ${gain}`,
  constant: (value) => `すべての重みが ${value}`,
  matches: {
    same: '同じ分布',
    variance: '分散は同じ、分布の形は異なる',
  },
  notes: {
    bookXavier:
      '本書の「Xavier の初期値」は N(0, 1/fan_in)（LeCun の分散、切断なし）です。Glorot と Bengio の Xavier は 2/(fan_in + fan_out) を使います。',
    squareXavier:
      'nn.init.xavier_normal_ が同じ N(0, 1/fan_in) になるのは fan_in = fan_out のときだけです（2/(fan_in + fan_out) を使うため）。',
    kerasTruncatedTwin:
      'Keras の LecunNormal と HeNormal は同じ分散ですが ±2σ で切断されます。こちらは切断しないので VarianceScaling の untruncated_normal を使います。',
    untruncatedTorch:
      'PyTorch のこの呼び出しは同じ分散の切断なし正規分布です。切断した形には nn.init.trunc_normal_ を使います（a, b は絶対値の境界: ±2s）。',
    truncatedTorch:
      'nn.init.trunc_normal_(w, std=s, a=-2*s, b=2*s)。s は「各層で使われた値」の切断前の σ です。',
    truncatedKeras:
      'Keras は ±2σ で切断し、切断後の標準偏差が √(scale/fan) になるよう 0.8796 で割り戻します。',
    linearDefault:
      'PyTorch の nn.Linear の既定値です（a = √5 の kaiming_uniform_ で境界が 1/√fan_in になる）。',
    autoGain:
      'g は活性化関数の nn.init.calculate_gain（tanh 5/3、ReLU √2 など）で、活性化関数ごとの値は「各層で使われた値」の列にあります。',
    kerasNoGain: 'Keras には calculate_gain がないので、「各層で使われた値」の数値を渡します。',
  },
  unknown: 'この初期値の定義はありません。',
};

const tables: Record<Lang, WeightsMessages> = { en, ja };

/** The weights table's texts in a language. */
export function weightsMessagesFor(lang: Lang): WeightsMessages {
  return tables[lang];
}
