import { describe, expect, it } from 'vitest';
import { brent } from '../../src/theory/roots.js';
import { expectRelative } from './fixtures.js';

describe('brent()', () => {
  it('finds a root to the tolerance and rejects a bracket without a sign change', () => {
    expectRelative(
      brent((x) => x * x - 2, 0, 2),
      Math.SQRT2,
      1e-13,
    );
    expect(() => brent((x) => x * x + 1, -1, 1)).toThrow('No sign change in [-1, 1]');
  });
});
