// Elementwise activations on f32, four lanes at a time. x is (n), out is (n); out may be x.
// Kinds match src/abi.ts: 0 linear, 1 sigmoid, 2 tanh, 3 relu.

export const LINEAR: i32 = 0;
export const SIGMOID: i32 = 1;
export const TANH: i32 = 2;
export const RELU: i32 = 3;

/** Vectorized f32x4 elementary functions (no table lookups, NaN and ±Inf propagate). */
export class F32x4 {
  /** e^x: Cody–Waite reduction x = n·ln2 + r, Cephes expf polynomial (Estrin) on |r| ≤ ln2/2, 2^n applied in two halves (gradual underflow, overflow to +Inf). */
  @inline static exp(x: v128): v128 {
    // pmin/pmax keep a NaN x (it is the first operand); the clamp keeps both halves of n normal.
    x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(100.0)), f32x4.splat(-110.0));
    // adding 1.5·2^23 rounds x·log2(e) to an integer held in the low mantissa bits
    const t = f32x4.add(f32x4.mul(x, f32x4.splat(<f32>Math.LOG2E)), f32x4.splat(12582912.0));
    const nf = f32x4.sub(t, f32x4.splat(12582912.0));
    const ni = i32x4.sub(t, i32x4.splat(0x4b400000));
    let r = f32x4.sub(x, f32x4.mul(nf, f32x4.splat(0.693359375)));
    r = f32x4.sub(r, f32x4.mul(nf, f32x4.splat(-2.1219444e-4)));
    // Estrin's scheme (shorter dependency chain than Horner): 1 + r + r²·(q0 + q1·r² + q2·r⁴)
    const r2 = f32x4.mul(r, r);
    const q0 = f32x4.add(f32x4.mul(f32x4.splat(1.6666665459e-1), r), f32x4.splat(5.0000001201e-1));
    const q1 = f32x4.add(f32x4.mul(f32x4.splat(8.3334519073e-3), r), f32x4.splat(4.1665795894e-2));
    const q2 = f32x4.add(f32x4.mul(f32x4.splat(1.98756915e-4), r), f32x4.splat(1.3981999507e-3));
    const q = f32x4.add(f32x4.add(q0, f32x4.mul(q1, r2)), f32x4.mul(q2, f32x4.mul(r2, r2)));
    const p = f32x4.add(f32x4.add(f32x4.mul(q, r2), r), f32x4.splat(1.0));
    const n1 = i32x4.shr_s(ni, 1);
    const n2 = i32x4.sub(ni, n1);
    const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
    const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
    return f32x4.mul(f32x4.mul(p, s1), s2);
  }

  /** 1 / (1 + e^-x) as e/(1 + e) or 1/(1 + e) with e = e^-|x| ≤ 1: never overflows, exact limits. */
  @inline static sigmoid(x: v128): v128 {
    const e = F32x4.exp(v128.or(x, f32x4.splat(-0.0)));
    const num = v128.bitselect(e, f32x4.splat(1.0), f32x4.lt(x, f32x4.splat(0.0)));
    return f32x4.div(num, f32x4.add(f32x4.splat(1.0), e));
  }

  /** tanh: Cephes tanhf odd polynomial for |x| < 0.625, else (1 − e)/(1 + e) with e = e^-2|x|; sign copied from x (keeps −0). */
  @inline static tanh(x: v128): v128 {
    const sign = v128.and(x, f32x4.splat(-0.0));
    const ax = v128.andnot(x, f32x4.splat(-0.0));
    const z = f32x4.mul(ax, ax);
    let p = f32x4.add(f32x4.mul(f32x4.splat(-5.70498872745e-3), z), f32x4.splat(2.06390887954e-2));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
    p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
    const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
    const e = F32x4.exp(f32x4.mul(ax, f32x4.splat(-2.0)));
    const large = f32x4.div(f32x4.sub(f32x4.splat(1.0), e), f32x4.add(f32x4.splat(1.0), e));
    const mag = v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(0.625)));
    return v128.or(mag, sign);
  }

  /** max(x, 0) with NaN propagated and −0 → +0 (pmax keeps a NaN first operand; + 0 turns −0 into +0). */
  @inline static relu(x: v128): v128 {
    return f32x4.add(f32x4.pmax(x, f32x4.splat(0.0)), f32x4.splat(0.0));
  }
}

class Linear {
  @inline f(x: v128): v128 {
    return x;
  }
}
class Sigmoid {
  @inline f(x: v128): v128 {
    return F32x4.sigmoid(x);
  }
}
class Tanh {
  @inline f(x: v128): v128 {
    return F32x4.tanh(x);
  }
}
class Relu {
  @inline f(x: v128): v128 {
    return F32x4.relu(x);
  }
}

/** The one shared elementwise loop; Op.f is inlined per instantiation. */
function mapInto<Op>(x: usize, out: usize, n: i32): void {
  const op = changetype<Op>(0);
  const end = x + ((<usize>n) << 2);
  const end8 = x + ((<usize>(n & ~7)) << 2);
  while (x < end8) {
    v128.store(out, op.f(v128.load(x)));
    v128.store(out, op.f(v128.load(x, 16)), 16);
    x += 32;
    out += 32;
  }
  // tail (n not a multiple of 8): one lane at a time through the same f32x4 formula, so every
  // element gets bit-identical math wherever it sits
  while (x < end) {
    v128.store32_lane(out, op.f(v128.load32_zero(x)), 0);
    x += 4;
    out += 4;
  }
}

/** out[i] = act(x[i]) for i < n; kind as in LINEAR..RELU. */
export function activate(kind: i32, x: usize, out: usize, n: i32): void {
  if (kind == SIGMOID) mapInto<Sigmoid>(x, out, n);
  else if (kind == TANH) mapInto<Tanh>(x, out, n);
  else if (kind == RELU) mapInto<Relu>(x, out, n);
  else if (x != out) mapInto<Linear>(x, out, n);
}
