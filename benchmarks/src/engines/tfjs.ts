import { createRequire } from 'node:module';
import path from 'node:path';
import { histogramRange, type RunResult } from '@initscope/sim';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { type BookActivation, type BookSweep, bookStd, bookSweep } from '../book.js';
import type { HistogramInputs, MatmulDelivery, MatmulInputs, Prepared } from '../engine.js';
import { layerStatsOf } from '../layer-stats.js';
import type { SweepRuns } from '../sweep-runs.js';

// The TensorFlow.js peer on two backends: `cpu` (plain JS kernels) and `wasm` (XNNPACK, SIMD on,
// threads off). Kernels run eagerly and synchronously on both, so a timed call includes the work.

/** A TensorFlow.js backend this benchmark uses. */
export type TfjsBackend = 'cpu' | 'wasm';

/** The wasm binary we load: SIMD, single-threaded. */
export const tfjsWasmFile = 'tfjs-backend-wasm-simd.wasm';

const require = createRequire(import.meta.url);

/** The installed tfjs-core version. */
export const tfjsVersion: string = tf.version_core;

let wasmConfigured = false;

/** Local file paths of the wasm backend's binaries (shipped in its package; never fetched). */
export function tfjsWasmPaths(): Record<string, string> {
  const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const files = ['tfjs-backend-wasm.wasm', tfjsWasmFile, 'tfjs-backend-wasm-threaded-simd.wasm'];
  return Object.fromEntries(files.map((file) => [file, path.join(dir, file)]));
}

/** Makes `backend` the active one (loading the wasm binary from node_modules the first time). */
export async function useBackend(backend: TfjsBackend): Promise<void> {
  if (backend === 'wasm' && !wasmConfigured) {
    setWasmPaths(tfjsWasmPaths());
    tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasmConfigured = true;
  }
  // Production mode: skips tfjs' debug checks (and its Node.js hint), as a speed-minded user would.
  tf.enableProdMode();
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) {
    throw new Error(`TensorFlow.js backend "${backend}" failed to initialize`);
  }
}

function activate(kind: BookActivation, x: tf.Tensor): tf.Tensor {
  if (kind === 'sigmoid') return tf.sigmoid(x);
  if (kind === 'tanh') return tf.tanh(x);
  return tf.relu(x);
}

/**
 * A matmul on tensors created once. `kernel`: each run computes a·b and frees the previous
 * result, which stays on the backend. `readback`: each run also downloads it with `dataSync()`
 * (tfjs' synchronous way to read a tensor; it returns a new array) and frees the tensor.
 */
export async function prepareMatmul(
  backend: TfjsBackend,
  { a, b, m, k, n }: MatmulInputs,
  delivery: MatmulDelivery = 'kernel',
): Promise<Prepared<Float32Array>> {
  await useBackend(backend);
  const ta = tf.tensor2d(a, [m, k]);
  const tb = tf.tensor2d(b, [k, n]);
  if (delivery === 'readback') {
    let values: Float32Array = new Float32Array(0);
    return {
      run() {
        const product = tf.matMul(ta, tb);
        try {
          values = product.dataSync() as Float32Array;
        } finally {
          product.dispose();
        }
      },
      output: () => values,
      dispose: () => tf.dispose([ta, tb]),
    };
  }
  let last: tf.Tensor | undefined;
  return {
    run() {
      last?.dispose();
      last = tf.matMul(ta, tb);
    },
    output: () => {
      if (!last) throw new Error('matmul has not run');
      return last.dataSync() as Float32Array;
    },
    dispose() {
      last?.dispose();
      tf.dispose([ta, tb]);
    },
  };
}

/**
 * The book's sweep written with tfjs ops: randomNormal, matMul and the activation on the backend;
 * each layer is downloaded once (dataSync) for its statistics and 30-bin histogram in JS.
 */
export function tfjsSweep(seed: number, sweep: BookSweep = bookSweep): SweepRuns {
  const { samples, width, layers, bins } = sweep;
  const runs: RunResult[] = [];
  const input = tf.randomNormal([samples, width], 0, 1, 'float32', seed);
  try {
    for (const activation of sweep.activations) {
      for (const init of sweep.inits) {
        const std = bookStd(init, width);
        const stats = [];
        let x = input;
        for (let layer = 1; layer <= layers; layer++) {
          // tfjs seeds each call: seed·1000 + layer gives every layer its own weights.
          const z = tf.tidy(() => {
            const w = tf.randomNormal([width, width], 0, std, 'float32', seed * 1000 + layer);
            return activate(activation, tf.matMul(x, w));
          });
          if (x !== input) x.dispose();
          x = z;
          const values = z.dataSync() as Float32Array;
          stats.push(
            layerStatsOf(values, layer, bins, (min, max) => histogramRange(activation, min, max)),
          );
        }
        if (x !== input) x.dispose();
        const weightStd = new Array<number>(layers).fill(std);
        runs.push({ activation, init, state: 'completed', weightStd, layers: stats });
      }
    }
  } finally {
    input.dispose();
  }
  return { runs };
}

/** The whole book sweep on `backend`. */
export async function prepareSweep(
  backend: TfjsBackend,
  seed: number,
): Promise<Prepared<SweepRuns>> {
  await useBackend(backend);
  let last: SweepRuns = { runs: [] };
  return {
    run: () => {
      last = tfjsSweep(seed);
    },
    output: () => last,
    dispose() {},
  };
}

/** `length` N(0, 1) samples as a tensor (tfjs draws them in JS, then uploads). */
export async function prepareNormal(
  backend: TfjsBackend,
  length: number,
  seed: number,
): Promise<Prepared<Float32Array>> {
  await useBackend(backend);
  let last: tf.Tensor | undefined;
  let calls = 0;
  return {
    run() {
      last?.dispose();
      last = tf.randomNormal([length], 0, 1, 'float32', seed + calls++);
    },
    output: () => (last?.dataSync() as Float32Array) ?? new Float32Array(0),
    dispose: () => last?.dispose(),
  };
}

/** One activation over a tensor uploaded once. */
export async function prepareActivation(
  backend: TfjsBackend,
  kind: BookActivation,
  x: Float32Array,
): Promise<Prepared<Float32Array>> {
  await useBackend(backend);
  const input = tf.tensor1d(x);
  let last: tf.Tensor | undefined;
  return {
    run() {
      last?.dispose();
      last = activate(kind, input);
    },
    output: () => (last?.dataSync() as Float32Array) ?? new Float32Array(0),
    dispose() {
      last?.dispose();
      input.dispose();
    },
  };
}

/**
 * Histogram counts with tfjs ops: bin = clip(⌊(x − lo)·bins/(hi − lo)⌋, 0, bins − 1), then
 * bincount, then a 30-value download. Values outside [lo, hi] land in the end bins, so this
 * matches a histogram only for in-range inputs (the components suite feeds sigmoid outputs on [0, 1]).
 */
export async function prepareHistogram(
  backend: TfjsBackend,
  { values, lo, hi, bins }: HistogramInputs,
): Promise<Prepared<number[]>> {
  await useBackend(backend);
  const input = tf.tensor1d(values);
  const empty = tf.tensor1d([], 'float32');
  let counts: number[] = [];
  return {
    run() {
      const result = tf.tidy(() => {
        const scaled = tf.floor(tf.mul(tf.sub(input, lo), bins / (hi - lo)));
        const index = tf.cast(tf.clipByValue(scaled, 0, bins - 1), 'int32');
        return tf.bincount(index as tf.Tensor1D, empty, bins);
      });
      counts = Array.from(result.dataSync());
      result.dispose();
    },
    output: () => counts,
    dispose() {
      tf.dispose([input, empty]);
    },
  };
}
