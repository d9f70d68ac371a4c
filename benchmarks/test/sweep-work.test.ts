import { type Core, type F32Block, loadCore } from '@initscope/core-wasm';
import { describe, expect, it } from 'vitest';
import {
  bookSweep,
  independentSweepCounts,
  peerSweepCounts,
  type SweepCounts,
  sharedSweepCounts,
} from '../src/book.js';
import type { Prepared } from '../src/engine.js';
import { prepareIndependentSweep, prepareSweep } from '../src/engines/initscope.js';
import { checkSameRuns } from '../src/suites/sweep.js';
import type { SweepRuns } from '../src/sweep-runs.js';
import { ValidationError } from '../src/validation-error.js';

// The page says how many products and normals each engine computes; here initscope's are counted
// on a core that tallies every (samples, width)·(width, width) product and every normal drawn.

const products = new Set(['matmulInto', 'denseInto']);
const draws = new Set(['normalInto', 'truncatedNormalInto']);

function countingCore(core: Core): { core: Core; counts: SweepCounts } {
  const counts = { products: 0, normals: 0 };
  const proxy = new Proxy(core, {
    get(target, property, _receiver) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (products.has(String(property))) counts.products++;
        if (draws.has(String(property))) counts.normals += (args[0] as F32Block).length;
        return value.apply(target, args);
      };
    },
  });
  return { core: proxy, counts };
}

async function runOnce(prepared: Prepared<SweepRuns>): Promise<SweepRuns> {
  await prepared.run();
  return prepared.output();
}

describe('the book sweep on initscope', async () => {
  const core = await loadCore();
  const shared = countingCore(core);
  const independent = countingCore(core);
  const book = await runOnce(prepareSweep(42, { core: shared.core }));
  const separate = await runOnce(prepareIndependentSweep(42, { core: independent.core }));

  it('sweep() multiplies 49 matrices and draws 150 k normals (sharedSweepCounts)', () => {
    expect(shared.counts).toEqual(sharedSweepCounts());
    expect(sharedSweepCounts()).toEqual({ products: 49, normals: 150_000 });
  });

  it('twelve simulate() calls multiply 60, like the peers, and draw 1.8 M normals', () => {
    expect(independent.counts).toEqual(independentSweepCounts());
    expect(independentSweepCounts().products).toBe(peerSweepCounts().products);
    expect(peerSweepCounts()).toEqual({ products: 60, normals: 700_000 });
  });

  it('gives the same runs either way, in the same order', () => {
    expect(separate.runs.map((r) => `${r.activation}/${r.init}`)).toEqual(
      bookSweep.activations.flatMap((a) => bookSweep.inits.map((i) => `${a}/${i}`)),
    );
    expect(() => checkSameRuns('initscope', separate, book)).not.toThrow();
  });

  it('rejects a run that differs from sweep()’s', () => {
    const changed = structuredClone(separate);
    const layer = changed.runs[5]?.layers[2];
    if (layer) layer.zeroFraction += 1e-6;
    expect(() => checkSameRuns('initscope book-independent', changed, book)).toThrow(
      new ValidationError(
        'initscope book-independent sweep: relu/std:0.01 differs from the same run in sweep()',
      ),
    );
  });
});
