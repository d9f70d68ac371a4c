import { describe, expect, it } from 'vitest';
import { smoothCurve } from '../src/index.js';

describe('smoothCurve()', () => {
  it('matches the book’s smooth_curve in NumPy (np.kaiser(11, 2), reflect padding)', () => {
    const x = Array.from({ length: 40 }, (_, i) => Math.cos(i * 0.7) + i * 0.01);
    const y = smoothCurve(x);
    expect(y).toHaveLength(40);
    // values printed by NumPy 2 for the same x
    const numpy: [number, number][] = [
      [0, 0.028184644467294],
      [1, 0.02820566368571],
      [17, 0.173926086802845],
      [38, 0.628393975909747],
      [39, 0.682739885484684],
    ];
    for (const [i, v] of numpy) expect(y[i]).toBeCloseTo(v, 12);
  });
});
