import { describe, expect, it } from 'vitest';
import { erf, erfc, erfSeriesLimit, normalCdf, normalMass, normalPdf } from '../src/index.js';

/** Tolerance for results that should be exact to rounding (f64). */
const EPS_F64 = 1e-14;

function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

describe('erf(), erfc()', () => {
  // mpmath.erf / erfc at 40 digits, on both sides of erfSeriesLimit (1.5) and deep in the tail
  it.each([
    [0.1, 0.1124629160182849, 0.887537083981715],
    [0.9, 0.7969082124228322, 0.20309178757716786],
    [1.49, 0.9648978648432042, 0.03510213515679579],
    [1.51, 0.9672767481287117, 0.03272325187128836],
    [3, 0.9999779095030014, 2.209049699858544e-5],
    [10, 1, 2.088487583762545e-45],
    [26, 1, 5.663192408856142e-296],
  ])('matches mpmath at x = %f', (x, erfRef, erfcRef) => {
    expectRelative(erf(x), erfRef, 1e-15);
    expectRelative(erf(-x), -erfRef, 1e-15);
    expectRelative(erfc(x), erfcRef, 2e-14);
    expectRelative(erfc(-x), 2 - erfcRef, 1e-15);
  });

  it('switches from the series to the continued fraction at erfSeriesLimit without a jump', () => {
    const below = erfSeriesLimit * (1 - 2 ** -52);
    expectRelative(erfc(below), erfc(erfSeriesLimit), 1e-14);
    expect(erfSeriesLimit).toBe(1.5);
  });

  it('reaches its limits for every large |x|, never NaN (10^k, k = 1…308, and 2^36)', () => {
    for (const x of [...Array.from({ length: 308 }, (_, k) => 10 ** (k + 1)), 2 ** 36, 4.7e7]) {
      if (x < 27) continue;
      expect([erf(x), erf(-x), erfc(x), erfc(-x)], `x = ${x}`).toEqual([1, -1, 0, 2]);
      expect([normalCdf(-x), normalCdf(x)], `x = ${x}`).toEqual([0, 1]);
    }
    expect(erfc(1e10)).toBe(0);
  });

  it('keeps the limits and NaN: erf(±∞) = ±1, erfc(+∞) = 0, erfc(−∞) = 2', () => {
    expect([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity)]).toEqual([1, -1, 0, 2]);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('normalCdf(), normalPdf(), normalMass()', () => {
  it('gives Φ with relative accuracy deep in the lower tail (mpmath.ncdf)', () => {
    expectRelative(normalCdf(0), 0.5, EPS_F64);
    expectRelative(normalCdf(-1), 0.15865525393145705, 2e-14);
    expectRelative(normalCdf(-5), 2.866515718791939e-7, 2e-14);
    expectRelative(normalCdf(-37), 5.725571222523993e-300, 2e-13);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('gives the density e^(−x²/2)/√(2π) (mpmath.npdf)', () => {
    expectRelative(normalPdf(0), 0.3989422804014327, EPS_F64);
    expectRelative(normalPdf(-2), 0.05399096651318805, EPS_F64);
    expectRelative(normalPdf(30), 1.4736461348785476e-196, 1e-12);
  });

  it('takes interval masses from the tail that keeps them accurate', () => {
    expectRelative(normalMass(6, 7), 9.8658765e-10 - 1.279813e-12, 1e-6);
    expectRelative(normalMass(-7, -6), normalMass(6, 7), EPS_F64);
    expect(normalMass(1, 1)).toBe(0);
    expect(normalMass(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(1);
  });
});
