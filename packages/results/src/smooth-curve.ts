// The book's smooth_curve (common/util.py): reflect-pad by 10, convolve with a normalized Kaiser
// window of length 11 and β = 2 (np.kaiser), keep the centre. Part of the contract: a training
// document's `band.smoothLoss` is defined by it (train computes it, the training page draws it).

/** Modified Bessel function of the first kind, order 0, by its power series (np.i0 to ~1e-16). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 60; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** np.kaiser(length, beta). */
export function kaiser(length: number, beta: number): number[] {
  const alpha = (length - 1) / 2;
  return Array.from(
    { length },
    (_, n) => besselI0(beta * Math.sqrt(1 - ((n - alpha) / alpha) ** 2)) / besselI0(beta),
  );
}

/** The book's smooth_curve(x) for a curve of at least 11 points (shorter curves are returned as is). */
export function smoothCurve(x: readonly number[]): number[] {
  const windowLength = 11;
  if (x.length < windowLength) return [...x];
  // s = r_[x[10:0:-1], x, x[-1:-11:-1]]
  const s = [...x.slice(1, windowLength).reverse(), ...x, ...x.slice(-windowLength + 1).reverse()];
  const w = kaiser(windowLength, 2);
  const total = w.reduce((a, b) => a + b, 0);
  const valid: number[] = [];
  for (let i = 0; i + windowLength <= s.length; i++) {
    let acc = 0;
    for (let j = 0; j < windowLength; j++)
      acc += ((w[windowLength - 1 - j] as number) / total) * (s[i + j] as number);
    valid.push(acc);
  }
  return valid.slice(5, valid.length - 5);
}
