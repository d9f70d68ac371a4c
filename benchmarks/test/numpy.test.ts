import { type Activation, histogramRange } from '@initscope/sim';
import { describe, expect, it } from 'vitest';
import type { BookSweep } from '../src/book.js';
import { naiveActivate, naiveHistogram, naiveSweep } from '../src/engines/naive-js.js';
import {
  numpyAvailability,
  numpyChildEnv,
  numpyFacts,
  outputArray,
  parseNumpyOutput,
  runNumpy,
  timingOf,
  withScratch,
  writeF32,
} from '../src/engines/numpy.js';
import { layerStatsOf } from '../src/layer-stats.js';
import { checkMatmul } from '../src/matmul-check.js';
import { describeNumpy, parseBlasFacts } from '../src/numpy-facts.js';
import { normalSource } from '../src/random.js';
import type { BenchCase } from '../src/results.js';
import { quickSettings } from '../src/settings.js';
import { emptyOutput } from '../src/suite.js';
import {
  bareCallFactor,
  type ComponentCase,
  checkBareCall,
  componentCases,
  componentWork,
  runNumpyComponents,
} from '../src/suites/components.js';
import { checkSweep, checkSweepShape } from '../src/sweep-check.js';
import type { SweepRuns } from '../src/sweep-runs.js';
import { ValidationError } from '../src/validation-error.js';

const sample = JSON.stringify({
  python: '3.11.14',
  numpy: '2.4.6',
  blas: { name: 'scipy-openblas', corename: 'SkylakeX', threads: 1, env: { A: null, B: '1' } },
  cases: [
    {
      case: 'book',
      engine: 'numpy',
      first_ms: 130.5,
      samples_ms: [120, 118, 125],
      output: { runs: [] },
    },
  ],
});

describe('parseNumpyOutput()', () => {
  it('reads versions, BLAS facts, cases and samples', () => {
    expect(parseNumpyOutput(sample)).toEqual({
      python: '3.11.14',
      numpy: '2.4.6',
      blas: { name: 'scipy-openblas', corename: 'SkylakeX', threads: 1, env: { A: null, B: '1' } },
      cases: [
        {
          case: 'book',
          engine: 'numpy',
          firstMs: 130.5,
          samplesMs: [120, 118, 125],
          output: { runs: [] },
        },
      ],
    });
  });

  it('rejects output that is not JSON', () => {
    expect(() => parseNumpyOutput('Traceback (most recent call last):')).toThrow(
      'NumPy output is not JSON: Traceback (most recent call last):',
    );
  });

  it('rejects a case without samples', () => {
    const empty = {
      python: '3',
      numpy: '2',
      cases: [{ case: 'book', engine: 'numpy', first_ms: 1, samples_ms: [] }],
    };
    expect(() => parseNumpyOutput(JSON.stringify(empty))).toThrow(
      'NumPy case "book" has no timed samples',
    );
  });

  it('rejects a case without its engine', () => {
    const bare = {
      python: '3',
      numpy: '2',
      cases: [{ case: 'relu', first_ms: 1, samples_ms: [1] }],
    };
    expect(() => parseNumpyOutput(JSON.stringify(bare))).toThrow(
      'NumPy case "relu" has no "engine"',
    );
  });
});

describe('parseBlasFacts() and describeNumpy()', () => {
  it('keeps the documented fields of the documented types only', () => {
    expect(
      parseBlasFacts({ corename: 'Zen', threads: '1', simd: ['X86_V4', 3], extra: 1 }),
    ).toEqual({ corename: 'Zen', simd: ['X86_V4'] });
  });

  it('says which NumPy, BLAS and kernel ran', () => {
    const report = parseNumpyOutput(sample);
    expect(describeNumpy(numpyFacts(report))).toBe(
      'NumPy 2.4.6 (Python 3.11.14), scipy-openblas, kernel SkylakeX, 1 thread, ' +
        'OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset',
    );
  });
});

describe('numpyChildEnv()', () => {
  it('unsets the kernel and cache overrides and pins every BLAS to one thread', () => {
    const env = numpyChildEnv({
      PATH: '/bin',
      OPENBLAS_CORETYPE: 'Haswell',
      OPENBLAS_L2_SIZE: '512',
      OPENBLAS_NUM_THREADS: '8',
    });
    expect(env).toEqual({
      PATH: '/bin',
      OPENBLAS_NUM_THREADS: '1',
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
    });
  });

  it('gives the peer of a multi-thread row as many BLAS threads', () => {
    const env = numpyChildEnv({ PATH: '/bin', OPENBLAS_CORETYPE: 'Haswell' }, 2);
    expect(env).toEqual({
      PATH: '/bin',
      OPENBLAS_NUM_THREADS: '2',
      OMP_NUM_THREADS: '2',
      MKL_NUM_THREADS: '2',
    });
  });
});

describe('timingOf()', () => {
  it('takes the median, min and max of the samples and keeps them', () => {
    expect(timingOf([3, 1, 2, 10])).toEqual({
      medianMs: 2.5,
      meanMs: 4,
      minMs: 1,
      maxMs: 10,
      samples: 4,
      samplesMs: [3, 1, 2, 10],
    });
  });
});

describe('checkBareCall()', () => {
  it(`accepts a timed function within ${bareCallFactor}× of its bare call`, () => {
    expect(() => checkBareCall('relu', 0.5, 0.4)).not.toThrow();
  });

  it('rejects one that does more than the operation', () => {
    expect(() => checkBareCall('relu', 12, 0.4)).toThrow(
      'NumPy relu takes 30.00× its bare call (12.0 ms vs 0.400 ms): it does more than the operation',
    );
  });
});

const available = await numpyAvailability();
if (!available.ok) console.log(`Skipping the live NumPy tests: ${available.reason}`);

const quick = { time_ms: 0, min_samples: 1, slow_samples: 1, warmup_ms: 0, warmup_runs: 0 };

describe.skipIf(!available.ok)('the NumPy peers, live', () => {
  const activations: Activation[] = ['sigmoid', 'relu', 'tanh'];
  // The sweep-check test's small sweep: big enough for the statistical comparison.
  const small: BookSweep = {
    activations,
    inits: ['std:1', 'std:0.01', 'xavier', 'he'],
    layers: 3,
    width: 50,
    samples: 400,
    bins: 30,
  };
  const stds: Record<string, number> = {
    'std:1': 1,
    'std:0.01': 0.01,
    xavier: Math.sqrt(1 / 50),
    he: Math.sqrt(2 / 50),
  };

  it('runs the book sweep on both engines, and each passes the sweep checks', async () => {
    const report = await runNumpy({
      suite: 'sweep',
      seed: 42,
      ...quick,
      sweep: {
        ...small,
        case: 'book',
        engines: ['numpy', 'numpy-f32'],
        inits: small.inits.map((id) => ({ id, std: stds[id] as number })),
      },
    });
    expect(report.cases.map((c) => c.engine)).toEqual(['numpy', 'numpy-f32']);
    const reference = naiveSweep(7, small);
    for (const c of report.cases) {
      expect(() => checkSweep(c.engine, c.output as SweepRuns, reference, small)).not.toThrow();
    }
  });

  it('runs with its own BLAS kernel, one thread, and says so', async () => {
    const report = await runNumpy({
      suite: 'sweep',
      seed: 1,
      ...quick,
      sweep: {
        ...small,
        layers: 1,
        case: 'book',
        engines: ['numpy-f32'],
        inits: [{ id: 'std:1', std: 1 }],
        activations: ['relu'],
      },
    }); // prettier-ignore
    expect(report.blas.env?.OPENBLAS_CORETYPE).toBeNull();
    expect(report.blas.env?.OPENBLAS_L2_SIZE).toBeNull();
    if (report.blas.threads !== undefined) expect(report.blas.threads).toBe(1);
  });

  it('computes numpy-f32 statistics exactly as the JS reference on NaN, ±Inf, edges and huge values', async () => {
    const edges = Array.from({ length: 31 }, (_, i) => i / 30);
    const odd = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0];
    const cases: [Activation, number[]][] = [
      ['sigmoid', [...odd, ...edges, -0.5, 1.5, 1, 1e-40, 0.999999]],
      ['tanh', [...odd, ...edges.map((e) => 2 * e - 1), -1, 1, -3e38, 3e38]],
      ['relu', [...odd, ...edges.map((e) => 7 * e), -2, 3e38]],
      ['relu', [0, 0, -0]],
      ['sigmoid', [Number.NaN, Number.POSITIVE_INFINITY]],
    ];
    await withScratch(async (dir) => {
      for (const [activation, list] of cases) {
        const values = Float32Array.from(list);
        await writeF32(dir, 'v.f32', values);
        const report = await runNumpy({
          suite: 'stats',
          seed: 0,
          ...quick,
          stats: { dir, file: 'v.f32', activation, bins: 30 },
        });
        const got = report.cases[0]?.output as ReturnType<typeof layerStatsOf>;
        const want = layerStatsOf(values, 1, 30, (min, max) =>
          histogramRange(activation, min, max),
        );
        const { mean, std, ...exact } = want;
        expect(got).toMatchObject(exact);
        if (mean === null) expect(got.mean).toBeNull();
        else expect(got.mean).toBeCloseTo(mean, 10);
        if (std === null) expect(got.std).toBeNull();
        else expect(Math.abs((got.std as number) - std)).toBeLessThanOrEqual(1e-12 * std);
      }
    });
  });

  it('multiplies in float32 on the caller’s inputs, and the product passes the matmul check', async () => {
    const [m, k, n] = [7, 13, 5];
    const source = normalSource(1, 1);
    const a = source.fill(new Float32Array(m * k));
    const b = source.fill(new Float32Array(k * n));
    await withScratch(async (dir) => {
      await writeF32(dir, '7x13x5.a.f32', a);
      await writeF32(dir, '7x13x5.b.f32', b);
      const report = await runNumpy({
        suite: 'matmul',
        seed: 0,
        ...quick,
        matmul: { dir, shapes: [{ case: '7x13x5', m, k, n }] },
      });
      const c = await outputArray(dir, report.cases[0] as (typeof report.cases)[number]);
      expect(() => checkMatmul(a, b, c, m, k, n)).not.toThrow();
      c[3 * n + 2] = (c[3 * n + 2] as number) * 1.01 + 0.01;
      expect(() => checkMatmul(a, b, c, m, k, n)).toThrow(ValidationError);
    });
  });

  // Two timings compared on a shared machine: a noisy round may cross 1.5× once by chance; a timed
  // function that validates inside (10–30× its bare call) fails every retry.
  it('times each component as the operation alone: within 1.5× of the bare call, outputs validated', {
    retry: 2,
  }, async () => {
    const length = 100_000;
    const x = normalSource(3, 1000).fill(new Float32Array(length));
    const s = naiveActivate('sigmoid', x, new Float32Array(length));
    const referenceCounts = naiveHistogram({ values: s, lo: 0, hi: 1, bins: 30 });
    const works = new Map<ComponentCase, BenchCase>(
      componentCases.map((name) => [name, componentWork(name, length)]),
    );
    const out = emptyOutput();
    const settings = { ...quickSettings, timeMs: 200, minSamples: 30, warmupMs: 20 };
    await runNumpyComponents(works, { x, s, referenceCounts }, { settings, log: () => {} }, out);
    expect(out.results.map((r) => [r.case, r.error])).toEqual(
      componentCases.map((name) => [name, undefined]),
    );
    for (const r of out.results) {
      expect(() =>
        checkBareCall(r.case, r.median_ms as number, r.bare_median_ms as number),
      ).not.toThrow();
    }
    expect(out.peers.numpy?.blas).toBeDefined();
  });
});

describe.skipIf(!available.ok)('checkSweepShape() on NumPy', () => {
  it('accepts the book sweep in the results contract', async () => {
    const sweep = {
      activations: ['sigmoid', 'relu', 'tanh'] as Activation[],
      inits: [
        { id: 'std:1', std: 1 },
        { id: 'xavier', std: Math.sqrt(1 / 8) },
      ],
      layers: 2,
      width: 8,
      samples: 16,
      bins: 30,
    };
    const report = await runNumpy({
      suite: 'sweep',
      seed: 42,
      ...quick,
      sweep: { ...sweep, case: 'book', engines: ['numpy-f32'] },
    });
    const shape: BookSweep = { ...sweep, inits: sweep.inits.map((i) => i.id) };
    expect(() =>
      checkSweepShape('numpy-f32', report.cases[0]?.output as SweepRuns, shape),
    ).not.toThrow();
  });
});
