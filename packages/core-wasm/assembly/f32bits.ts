// f32 values through their bit patterns: finiteness and the neighbouring f32 of a value.

/** Whether the f32 with these bits is finite (its exponent bits are not all ones). */
export function isFiniteBits(bits: u32): bool {
  return (bits & 0x7f800000) != 0x7f800000;
}

/** Whether v is finite. */
export function isFiniteF32(v: f32): bool {
  return isFiniteBits(reinterpret<u32>(v));
}

/** The next f32 above f (f not NaN, not +Inf). */
export function nextUp32(f: f32): f32 {
  if (f == 0) return reinterpret<f32>(<u32>1);
  const bits = reinterpret<u32>(f);
  return reinterpret<f32>(f > 0 ? bits + 1 : bits - 1);
}

/** The smallest f32 ≥ v. */
export function ceil32(v: f64): f32 {
  const f = <f32>v;
  return <f64>f < v ? nextUp32(f) : f;
}

/** The largest f32 ≤ v. */
export function floor32(v: f64): f32 {
  const f = <f32>v;
  return <f64>f > v ? -nextUp32(-f) : f;
}
