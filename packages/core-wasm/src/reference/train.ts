// Plain-TS references of the training kernels (assembly/train.ts), operation for operation in f32
// (Math.fround after each), the softmax in f64. Legend as there: z, d (m, n); bias, sums (n).

const f = Math.fround;

/** A copy of z (m, n) with bias (n) added to every row. */
export function addBias(z: Float32Array, bias: Float32Array, m: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = f((z[i * n + j] as number) + (bias[j] as number));
  }
  return out;
}

/** Σ_i d[i][j] in f32, row order. */
export function columnSums(d: Float32Array, m: number, n: number): Float32Array {
  const sums = new Float32Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) sums[j] = f((sums[j] as number) + (d[i * n + j] as number));
  }
  return sums;
}

/** The mean of −ln(softmax(z)[t] + 1e-7) over rows and d = (softmax(z) − onehot(t))/m. */
export function softmaxCrossEntropy(
  z: Float32Array,
  labels: ArrayLike<number>,
  m: number,
  n: number,
): { loss: number; d: Float32Array } {
  const d = new Float32Array(m * n);
  let loss = 0;
  for (let i = 0; i < m; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = z[i * n + j] as number;
      if (v > max || Number.isNaN(v)) max = v;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.exp((z[i * n + j] as number) - max);
    const t = labels[i] as number;
    for (let j = 0; j < n; j++) {
      const y = Math.exp((z[i * n + j] as number) - max) / sum;
      if (j === t) loss -= Math.log(y + 1e-7);
      d[i * n + j] = (j === t ? y - 1 : y) / m;
    }
  }
  return { loss: loss / m, d };
}

/** SGD in place: w −= lr·g. */
export function sgd(w: Float32Array, g: Float32Array, lr: number): void {
  const r = f(lr);
  for (let i = 0; i < w.length; i++) w[i] = f((w[i] as number) - f(r * (g[i] as number)));
}

/** Momentum in place: v = momentum·v − lr·g; w += v. */
export function momentum(
  w: Float32Array,
  g: Float32Array,
  v: Float32Array,
  lr: number,
  mom: number,
): void {
  const r = f(lr);
  const a = f(mom);
  for (let i = 0; i < w.length; i++) {
    const nv = f(f(a * (v[i] as number)) - f(r * (g[i] as number)));
    v[i] = nv;
    w[i] = f((w[i] as number) + nv);
  }
}

const rootDelta = f(1e-7);

/** AdaGrad in place: h += g²; w −= lr·g/(√h + 1e-7). */
export function adagrad(w: Float32Array, g: Float32Array, h: Float32Array, lr: number): void {
  const r = f(lr);
  for (let i = 0; i < w.length; i++) {
    const gv = g[i] as number;
    const nh = f((h[i] as number) + f(gv * gv));
    h[i] = nh;
    w[i] = f((w[i] as number) - f(f(r * gv) / f(f(Math.sqrt(nh)) + rootDelta)));
  }
}

/** Adam in place with the step size lrT of its step (adamStepSize). */
export function adam(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  lrT: number,
  beta1: number,
  beta2: number,
): void {
  const r = f(lrT);
  const c1 = f(1 - f(beta1));
  const c2 = f(1 - f(beta2));
  for (let i = 0; i < w.length; i++) {
    const gv = g[i] as number;
    const mo = m[i] as number;
    const vo = v[i] as number;
    const nm = f(mo + f(c1 * f(gv - mo)));
    const nv = f(vo + f(c2 * f(f(gv * gv) - vo)));
    m[i] = nm;
    v[i] = nv;
    w[i] = f((w[i] as number) - f(f(r * nm) / f(f(Math.sqrt(nv)) + rootDelta)));
  }
}
