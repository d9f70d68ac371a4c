// Elementwise activations and their derivatives on f32, through one shared loop per operation.
// x, a, g and out are (n) f32; out may be the same block as an input. The kind codes are the
// registry's (src/activations.ts: a kind's index in activationKernels; test/registry.test.ts checks).
// Every op is a one-liner over f32x4 (exp32.ts, log32.ts; gelu64.ts in f64x2 lanes); the tail of
// n mod 8 values goes one lane at a time through the same vector formula, so an element's result
// does not depend on its position.

import { Exp32 } from './exp32';
import { Gelu64 } from './gelu64';
import { Lanes } from './lanes';
import { Log32 } from './log32';
import { CHUNK, measure, NONE, passMode } from './pass';

export const LINEAR: i32 = 0;
export const SIGMOID: i32 = 1;
export const TANH: i32 = 2;
export const RELU: i32 = 3;
export const LEAKY_RELU: i32 = 4;
export const ELU: i32 = 5;
export const SELU: i32 = 6;
export const GELU: i32 = 7;
export const SILU: i32 = 8;
export const SOFTPLUS: i32 = 9;
export const SOFTSIGN: i32 = 10;

// SELU's λ and α (Klambauer et al. 2017; src/activations.ts seluLambda, seluAlpha), and as f32: λ, λ·α
const SELU_LAMBDA_F64: f64 = 1.0507009873554805;
const SELU_ALPHA_F64: f64 = 1.6732632423543772;
const SELU_LAMBDA: f32 = <f32>SELU_LAMBDA_F64;
const SELU_LAMBDA_ALPHA: f32 = <f32>(SELU_LAMBDA_F64 * SELU_ALPHA_F64);
// 2^24 and 2^-24: keep e^x normal where it would be subnormal, then scale the product back once
const TWO_24: f32 = 16777216.0;
const TWO_M24: f32 = 5.9604644775390625e-8;

/** NaN lanes carried through a result. */
class Nan {
  /** All-ones (a NaN) in the lanes where x is NaN, else x's lanes of `r` unchanged. */
  @inline static keep(r: v128, x: v128): v128 {
    return v128.or(r, f32x4.ne(x, x));
  }
}

// Each activation: f(x, α) the function, d(x, α) its derivative at the pre-activation x; α is a splat.
class Linear {
  @inline f(x: v128, _a: v128): v128 {
    return x;
  }
  @inline d(x: v128, _a: v128): v128 {
    return Nan.keep(f32x4.splat(1.0), x);
  }
}
class Sigmoid {
  /**
   * 1/(1 + e^-x): x is clamped to [−89, 88.3], so e^-x = 2^n·e^r has n in [−127, 128] and 2^n is 0
   * (σ = 1), normal, or +Inf (σ = 0 for x below −88.37, where σ < 4e-39 would be subnormal). Well
   * conditioned everywhere: the relative error of e^-x reaches σ damped by e/(1 + e) ≤ 1.
   */
  @inline static value(x: v128): v128 {
    const e = Exp32.expNeg(f32x4.pmax(f32x4.pmin(x, f32x4.splat(88.3)), f32x4.splat(-89.0)));
    return f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), e));
  }
  @inline f(x: v128, _a: v128): v128 {
    return Sigmoid.value(x);
  }
  // σ(x)·σ(−x) = e/(1 + e)², e = e^-|x|
  @inline d(x: v128, _a: v128): v128 {
    const e = Exp32.exp(v128.or(x, f32x4.splat(-0.0)));
    const s = f32x4.add(f32x4.splat(1.0), e);
    return f32x4.div(e, f32x4.mul(s, s));
  }
}
class Tanh {
  /**
   * tanh x = em/(em + 2), em = e^{2x} − 1 by expm1 (no cancellation near 0, no branch): x clamped to
   * [−10, 10] (tanh is ±1 in f32 beyond 9.01); ±0 and NaN propagate through em.
   */
  @inline f(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(f32x4.pmin(x, f32x4.splat(10.0)), f32x4.splat(-10.0));
    const em = Exp32.expm1(f32x4.add(c, c));
    return f32x4.div(em, f32x4.add(em, f32x4.splat(2.0)));
  }
  // 1 − tanh² = 4e/(1 + e)², e = e^-2|x| (no cancellation for large |x|)
  @inline d(x: v128, _a: v128): v128 {
    const e4 = Exp32.expMul(
      f32x4.mul(v128.or(x, f32x4.splat(-0.0)), f32x4.splat(2.0)),
      f32x4.splat(4.0),
    );
    const s = f32x4.add(f32x4.splat(1.0), f32x4.mul(e4, f32x4.splat(0.25)));
    return f32x4.div(e4, f32x4.mul(s, s));
  }
}
class Relu {
  /** max(x, 0) with NaN propagated and −0 → +0 (pmax keeps a NaN first operand; + 0 turns −0 into +0). */
  @inline f(x: v128, _a: v128): v128 {
    return f32x4.add(f32x4.pmax(x, f32x4.splat(0.0)), f32x4.splat(0.0));
  }
  // 1 where x > 0, else 0 (0 at x = 0, as PyTorch)
  @inline d(x: v128, _a: v128): v128 {
    return Nan.keep(v128.and(f32x4.gt(x, f32x4.splat(0.0)), f32x4.splat(1.0)), x);
  }
}
class LeakyRelu {
  @inline f(x: v128, a: v128): v128 {
    return v128.bitselect(x, f32x4.mul(x, a), f32x4.gt(x, f32x4.splat(0.0)));
  }
  @inline d(x: v128, a: v128): v128 {
    return Nan.keep(v128.bitselect(f32x4.splat(1.0), a, f32x4.gt(x, f32x4.splat(0.0))), x);
  }
}
class Elu {
  @inline f(x: v128, a: v128): v128 {
    return v128.bitselect(x, f32x4.mul(a, Elu.expm1(x)), f32x4.ge(x, f32x4.splat(0.0)));
  }
  @inline d(x: v128, a: v128): v128 {
    return v128.bitselect(f32x4.splat(1.0), Exp32.expMul(x, a), f32x4.gt(x, f32x4.splat(0.0)));
  }
  // e^x − 1 where it is used, x < 0: clamped at −88 (where it is −1 in f32); lanes x ≥ 0 are not used
  @inline static expm1(x: v128): v128 {
    return Exp32.expm1(f32x4.pmax(x, f32x4.splat(-88.0)));
  }
}
class Selu {
  @inline f(x: v128, _a: v128): v128 {
    const neg = f32x4.mul(f32x4.splat(SELU_LAMBDA_ALPHA), Elu.expm1(x));
    return v128.bitselect(
      f32x4.mul(x, f32x4.splat(SELU_LAMBDA)),
      neg,
      f32x4.ge(x, f32x4.splat(0.0)),
    );
  }
  @inline d(x: v128, _a: v128): v128 {
    const neg = Exp32.expMul(x, f32x4.splat(SELU_LAMBDA_ALPHA));
    return v128.bitselect(f32x4.splat(SELU_LAMBDA), neg, f32x4.gt(x, f32x4.splat(0.0)));
  }
}
class Gelu {
  // in f64 (x·Φ(x) needs erfc's relative accuracy for x < 0); below −20 the result is −0 anyway
  @inline f(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(x, f32x4.splat(-20.0));
    return Lanes.join(Gelu64.gelu(Lanes.promoteLow(c)), Gelu64.gelu(Lanes.promoteHigh(c)));
  }
  @inline d(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(f32x4.pmin(x, f32x4.splat(20.0)), f32x4.splat(-20.0));
    return Lanes.join(Gelu64.geluGrad(Lanes.promoteLow(c)), Gelu64.geluGrad(Lanes.promoteHigh(c)));
  }
}
class Silu {
  // x/(1 + e) for x ≥ 0, x·e/(1 + e) for x < 0, e = e^-|x| carried as e·2^24 so x·e is rounded once
  @inline f(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(x, f32x4.splat(-200.0));
    const e24 = Exp32.expMul(v128.or(c, f32x4.splat(-0.0)), f32x4.splat(TWO_24));
    const neg = f32x4.mul(f32x4.mul(c, e24), f32x4.splat(TWO_M24));
    const num = v128.bitselect(c, neg, f32x4.ge(c, f32x4.splat(0.0)));
    return f32x4.div(num, f32x4.add(f32x4.splat(1.0), f32x4.mul(e24, f32x4.splat(TWO_M24))));
  }
  // σ(x)·(1 + x·σ(−x)) = (1 + e + x·e)/(1 + e)² for x ≥ 0, e·(1 + e + x)/(1 + e)² for x < 0
  @inline d(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(f32x4.pmin(x, f32x4.splat(200.0)), f32x4.splat(-200.0));
    const e24 = Exp32.expMul(v128.or(c, f32x4.splat(-0.0)), f32x4.splat(TWO_24));
    const e = f32x4.mul(e24, f32x4.splat(TWO_M24));
    const s = f32x4.add(f32x4.splat(1.0), e);
    const s2 = f32x4.mul(s, s);
    const pos = f32x4.div(f32x4.add(s, f32x4.mul(c, e)), s2);
    const neg = f32x4.mul(f32x4.div(f32x4.mul(e24, f32x4.add(s, c)), s2), f32x4.splat(TWO_M24));
    return v128.bitselect(pos, neg, f32x4.ge(c, f32x4.splat(0.0)));
  }
}
class Softplus {
  // max(x, 0) + ln(1 + e^-|x|): never overflows, no cancellation
  @inline f(x: v128, _a: v128): v128 {
    const e = Exp32.exp(v128.or(x, f32x4.splat(-0.0)));
    return f32x4.add(f32x4.pmax(x, f32x4.splat(0.0)), Log32.log1p(e));
  }
  @inline d(x: v128, _a: v128): v128 {
    return Sigmoid.value(x);
  }
}
class Softsign {
  // x/(1 + |x|), |x| clamped to 2^60 (where the quotient is already ±1) so ±Inf gives ±1
  @inline f(x: v128, _a: v128): v128 {
    const c = f32x4.pmax(
      f32x4.pmin(x, f32x4.splat(1.152921504606847e18)),
      f32x4.splat(-1.152921504606847e18),
    );
    return f32x4.div(c, f32x4.add(f32x4.splat(1.0), f32x4.abs(c)));
  }
  @inline d(x: v128, _a: v128): v128 {
    const s = f32x4.add(f32x4.splat(1.0), f32x4.abs(x));
    return f32x4.div(f32x4.splat(1.0), f32x4.mul(s, s));
  }
}

/** out[i] = act(scale·x[i]). */
class MapLoop {
  run<Op>(x: usize, _y: usize, out: usize, n: i32, scale: f32, alpha: f32): void {
    const op = changetype<Op>(0);
    const s = f32x4.splat(scale);
    const a = f32x4.splat(alpha);
    const end = x + ((<usize>n) << 2);
    const end8 = x + ((<usize>(n & ~7)) << 2);
    while (x < end8) {
      v128.store(out, op.f(f32x4.mul(v128.load(x), s), a));
      v128.store(out, op.f(f32x4.mul(v128.load(x, 16), s), a), 16);
      x += 32;
      out += 32;
    }
    while (x < end) {
      v128.store32_lane(out, op.f(f32x4.mul(v128.load32_zero(x), s), a), 0);
      x += 4;
      out += 4;
    }
  }
}

/** out[i] = act′(a[i]). */
class DerivativeLoop {
  run<Op>(x: usize, _y: usize, out: usize, n: i32, _scale: f32, alpha: f32): void {
    const op = changetype<Op>(0);
    const a = f32x4.splat(alpha);
    const end = x + ((<usize>n) << 2);
    const end8 = x + ((<usize>(n & ~7)) << 2);
    while (x < end8) {
      v128.store(out, op.d(v128.load(x), a));
      v128.store(out, op.d(v128.load(x, 16), a), 16);
      x += 32;
      out += 32;
    }
    while (x < end) {
      v128.store32_lane(out, op.d(v128.load32_zero(x), a), 0);
      x += 4;
      out += 4;
    }
  }
}

/** out[i] = act′(a[i])·g[i] (one f32 product of the derivative and the incoming gradient). */
class BackwardLoop {
  run<Op>(x: usize, g: usize, out: usize, n: i32, _scale: f32, alpha: f32): void {
    const op = changetype<Op>(0);
    const a = f32x4.splat(alpha);
    const end = x + ((<usize>n) << 2);
    const end8 = x + ((<usize>(n & ~7)) << 2);
    while (x < end8) {
      v128.store(out, f32x4.mul(op.d(v128.load(x), a), v128.load(g)));
      v128.store(out, f32x4.mul(op.d(v128.load(x, 16), a), v128.load(g, 16)), 16);
      x += 32;
      g += 32;
      out += 32;
    }
    while (x < end) {
      v128.store32_lane(out, f32x4.mul(op.d(v128.load32_zero(x), a), v128.load32_zero(g)), 0);
      x += 4;
      g += 4;
      out += 4;
    }
  }
}

// Runs loop L instantiated with the op of `kind` (unknown kinds run as linear).
function forKind<L>(
  kind: i32,
  x: usize,
  y: usize,
  out: usize,
  n: i32,
  scale: f32,
  alpha: f32,
): void {
  const l = changetype<L>(0);
  switch (kind) {
    case SIGMOID:
      l.run<Sigmoid>(x, y, out, n, scale, alpha);
      break;
    case TANH:
      l.run<Tanh>(x, y, out, n, scale, alpha);
      break;
    case RELU:
      l.run<Relu>(x, y, out, n, scale, alpha);
      break;
    case LEAKY_RELU:
      l.run<LeakyRelu>(x, y, out, n, scale, alpha);
      break;
    case ELU:
      l.run<Elu>(x, y, out, n, scale, alpha);
      break;
    case SELU:
      l.run<Selu>(x, y, out, n, scale, alpha);
      break;
    case GELU:
      l.run<Gelu>(x, y, out, n, scale, alpha);
      break;
    case SILU:
      l.run<Silu>(x, y, out, n, scale, alpha);
      break;
    case SOFTPLUS:
      l.run<Softplus>(x, y, out, n, scale, alpha);
      break;
    case SOFTSIGN:
      l.run<Softsign>(x, y, out, n, scale, alpha);
      break;
    default:
      l.run<Linear>(x, y, out, n, scale, alpha);
  }
}

/**
 * out[i] = act(f32(scale·x[i])) for i < n, and, when a pass is open (pass.ts), its statistics of
 * the outputs. kind as in LINEAR..SOFTSIGN; alpha is α of leaky-relu and elu.
 */
export function activate(kind: i32, x: usize, out: usize, n: i32, scale: f32, alpha: f32): void {
  const mode = passMode();
  if (mode == NONE) {
    if (kind == LINEAR && scale == 1 && x == out) return;
    forKind<MapLoop>(kind, x, 0, out, n, scale, alpha);
    return;
  }
  // chunk by chunk: write the outputs, then measure them while they are in L1
  for (let i = 0; i < n; i += CHUNK) {
    const len = min(CHUNK, n - i);
    const offset = (<usize>i) << 2;
    if (kind != LINEAR || scale != 1 || x != out) {
      forKind<MapLoop>(kind, x + offset, 0, out + offset, len, scale, alpha);
    }
    measure(out + offset, len);
  }
}

/** out[i] = act′(a[i]) for i < n, the derivative at the pre-activation. */
export function derivative(kind: i32, a: usize, out: usize, n: i32, alpha: f32): void {
  forKind<DerivativeLoop>(kind, a, 0, out, n, 1, alpha);
}

/** out[i] = act′(a[i])·g[i] for i < n (δ = φ′(A) ⊙ G). */
export function backward(kind: i32, a: usize, g: usize, out: usize, n: i32, alpha: f32): void {
  forKind<BackwardLoop>(kind, a, g, out, n, 1, alpha);
}
