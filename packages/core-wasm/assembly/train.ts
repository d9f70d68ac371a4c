// Training kernels: bias, bias gradient, softmax cross-entropy and the optimizer updates of
// 『ゼロから作るDeep Learning』 §6.1 (common/optimizer.py). Legend: z and d are (m, n) row-major f32,
// bias and sums are (n); w, g and the optimizer state are (len) f32.
// Elementwise updates run four lanes at a time with a scalar tail of the same formula, so every
// element's result is the same f32 operations in the same order as the plain-TS reference.

/** z[i][j] += bias[j] for i < m, j < n (in place). */
export function addBias(z: usize, bias: usize, m: i32, n: i32): void {
  for (let i = 0; i < m; i++) {
    const row = z + ((<usize>i * <usize>n) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const o = (<usize>j) << 2;
      v128.store(row + o, f32x4.add(v128.load(row + o), v128.load(bias + o)));
    }
    for (; j < n; j++) {
      const o = (<usize>j) << 2;
      store<f32>(row + o, load<f32>(row + o) + load<f32>(bias + o));
    }
  }
}

/** sums[j] = Σ_i d[i][j], accumulated in f32 in row order (the bias gradient of a batch of δ). */
export function columnSums(d: usize, sums: usize, m: i32, n: i32): void {
  memory.fill(sums, 0, (<usize>n) << 2);
  for (let i = 0; i < m; i++) {
    const row = d + ((<usize>i * <usize>n) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const o = (<usize>j) << 2;
      v128.store(sums + o, f32x4.add(v128.load(sums + o), v128.load(row + o)));
    }
    for (; j < n; j++) {
      const o = (<usize>j) << 2;
      store<f32>(sums + o, load<f32>(sums + o) + load<f32>(row + o));
    }
  }
}

// The book's cross_entropy_error adds 1e-7 inside the log so that log 0 is finite.
const LOG_DELTA: f64 = 1e-7;

/**
 * Softmax cross-entropy of logits z (m, n) against integer labels (m, as f32): returns the mean over
 * rows of −ln(y[t] + 1e-7) with y = softmax(z) per row (max subtracted, in f64), and writes
 * d = (y − onehot(t))/m in f32 (SoftmaxWithLoss.backward). A row with a NaN or +Inf logit gives NaN.
 */
export function softmaxCrossEntropy(z: usize, labels: usize, d: usize, m: i32, n: i32): f64 {
  let loss: f64 = 0;
  for (let i = 0; i < m; i++) {
    const row = z + ((<usize>i * <usize>n) << 2);
    const out = d + ((<usize>i * <usize>n) << 2);
    let max: f64 = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = <f64>load<f32>(row + ((<usize>j) << 2));
      // NaN wins the max so that it reaches the loss
      if (v > max || isNaN<f64>(v)) max = v;
    }
    let sum: f64 = 0;
    for (let j = 0; j < n; j++) sum += Math.exp(<f64>load<f32>(row + ((<usize>j) << 2)) - max);
    const t = <i32>load<f32>(labels + ((<usize>i) << 2));
    for (let j = 0; j < n; j++) {
      const y = Math.exp(<f64>load<f32>(row + ((<usize>j) << 2)) - max) / sum;
      if (j == t) loss -= Math.log(y + LOG_DELTA);
      store<f32>(out + ((<usize>j) << 2), <f32>((j == t ? y - 1 : y) / <f64>m));
    }
  }
  return loss / <f64>m;
}

/** SGD: w −= lr·g. */
export function sgd(w: usize, g: usize, len: i32, lr: f32): void {
  const vlr = f32x4.splat(lr);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(vlr, v128.load(g + o))));
  }
  for (; i < len; i++) {
    const o = (<usize>i) << 2;
    store<f32>(w + o, load<f32>(w + o) - lr * load<f32>(g + o));
  }
}

/** Momentum: v = momentum·v − lr·g; w += v. */
export function momentum(w: usize, g: usize, v: usize, len: i32, lr: f32, mom: f32): void {
  const vlr = f32x4.splat(lr);
  const vm = f32x4.splat(mom);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const o = (<usize>i) << 2;
    const nv = f32x4.sub(f32x4.mul(vm, v128.load(v + o)), f32x4.mul(vlr, v128.load(g + o)));
    v128.store(v + o, nv);
    v128.store(w + o, f32x4.add(v128.load(w + o), nv));
  }
  for (; i < len; i++) {
    const o = (<usize>i) << 2;
    const nv = mom * load<f32>(v + o) - lr * load<f32>(g + o);
    store<f32>(v + o, nv);
    store<f32>(w + o, load<f32>(w + o) + nv);
  }
}

// The book's optimizers add 1e-7 to the root so that a zero history divides by a finite number.
const ROOT_DELTA: f32 = 1e-7;

/** AdaGrad: h += g²; w −= lr·g/(√h + 1e-7). */
export function adagrad(w: usize, g: usize, h: usize, len: i32, lr: f32): void {
  const vlr = f32x4.splat(lr);
  const eps = f32x4.splat(ROOT_DELTA);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const o = (<usize>i) << 2;
    const gv = v128.load(g + o);
    const nh = f32x4.add(v128.load(h + o), f32x4.mul(gv, gv));
    v128.store(h + o, nh);
    const step = f32x4.div(f32x4.mul(vlr, gv), f32x4.add(f32x4.sqrt(nh), eps));
    v128.store(w + o, f32x4.sub(v128.load(w + o), step));
  }
  for (; i < len; i++) {
    const o = (<usize>i) << 2;
    const gv = load<f32>(g + o);
    const nh = load<f32>(h + o) + gv * gv;
    store<f32>(h + o, nh);
    store<f32>(w + o, load<f32>(w + o) - (lr * gv) / (Mathf.sqrt(nh) + ROOT_DELTA));
  }
}

/**
 * Adam (the book's form): m += (1 − β₁)(g − m); v += (1 − β₂)(g² − v); w −= lrT·m/(√v + 1e-7), where
 * the caller passes lrT = lr·√(1 − β₂^t)/(1 − β₁^t) for step t (computed once per step in f64).
 */
export function adam(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  len: i32,
  lrT: f32,
  beta1: f32,
  beta2: f32,
): void {
  const c1 = <f32>1 - beta1;
  const c2 = <f32>1 - beta2;
  const vlr = f32x4.splat(lrT);
  const v1 = f32x4.splat(c1);
  const v2 = f32x4.splat(c2);
  const eps = f32x4.splat(ROOT_DELTA);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const o = (<usize>i) << 2;
    const gv = v128.load(g + o);
    const mo = v128.load(m + o);
    const vo = v128.load(v + o);
    const nm = f32x4.add(mo, f32x4.mul(v1, f32x4.sub(gv, mo)));
    const nv = f32x4.add(vo, f32x4.mul(v2, f32x4.sub(f32x4.mul(gv, gv), vo)));
    v128.store(m + o, nm);
    v128.store(v + o, nv);
    const step = f32x4.div(f32x4.mul(vlr, nm), f32x4.add(f32x4.sqrt(nv), eps));
    v128.store(w + o, f32x4.sub(v128.load(w + o), step));
  }
  for (; i < len; i++) {
    const o = (<usize>i) << 2;
    const gv = load<f32>(g + o);
    const mo = load<f32>(m + o);
    const vo = load<f32>(v + o);
    const nm = mo + c1 * (gv - mo);
    const nv = vo + c2 * (gv * gv - vo);
    store<f32>(m + o, nm);
    store<f32>(v + o, nv);
    store<f32>(w + o, load<f32>(w + o) - (lrT * nm) / (Mathf.sqrt(nv) + ROOT_DELTA));
  }
}
