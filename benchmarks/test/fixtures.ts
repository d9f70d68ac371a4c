import { machine } from '../src/machine.js';
import { ratios } from '../src/ratios.js';
import { erroredResult, type ResultsDocument, timedResult } from '../src/results.js';
import { componentWork } from '../src/suites/components.js';
import { matmulWork } from '../src/suites/matmul.js';

/** A small results document: two matmul engines and a failed one, one component case with NumPy, one skip. */
export function sampleDocument(): ResultsDocument {
  const matmul = matmulWork(1000, 100, 100);
  const sigmoid = componentWork('sigmoid', 1000);
  const results = [
    timedResult(matmul, 'initscope', {
      medianMs: 0.5,
      meanMs: 0.5,
      minMs: 0.4,
      maxMs: 0.9,
      samples: 100,
    }),
    timedResult(matmul, 'tfjs-wasm', {
      medianMs: 0.9,
      meanMs: 0.9,
      minMs: 0.8,
      maxMs: 1.2,
      samples: 80,
    }),
    erroredResult(matmul, 'tfjs-cpu', new Error('boom')),
    timedResult(sigmoid, 'initscope', {
      medianMs: 0.01,
      meanMs: 0.01,
      minMs: 0.01,
      maxMs: 0.02,
      samples: 900,
    }),
    {
      ...timedResult(sigmoid, 'numpy', {
        medianMs: 0.04,
        meanMs: 0.04,
        minMs: 0.03,
        maxMs: 0.05,
        samples: 300,
      }),
      bare_median_ms: 0.038,
    },
  ];
  return {
    machine: machine(),
    peers: {
      numpy: {
        python: '3.11.7',
        numpy: '2.4.6',
        blas: { name: 'scipy-openblas', version: '0.3.31', corename: 'SkylakeX', threads: 1 },
        unset: ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'],
      },
    },
    mode: 'quick',
    date: new Date(0).toISOString(),
    versions: { node: process.versions.node },
    results,
    cases: [matmul, sigmoid],
    skipped: [{ suite: 'matmul', case: matmul.case, engine: 'naive-js', reason: 'too slow' }],
    ratios: ratios(results),
  };
}
