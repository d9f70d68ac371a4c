// The book's fig. 6-15 training on TensorFlow.js' wasm backend (XNNPACK, SIMD, one thread), two ways:
// - `tfjs-wasm`: idiomatic tf.js — variables, `tf.train.sgd(lr).minimize(loss)`, the gradients of
//   tfjs-core's registered ops (as `@tensorflow/tfjs` registers them);
// - `tfjs-wasm-customgrad`: the same loop with each layer's product a `tf.customGrad` whose backward
//   transposes explicitly (`matMul(dy, transpose(W))`, `matMul(transpose(x), dy)`): tfjs-wasm's
//   transposed products (every MatMul gradient) skip XNNPACK, plain ones after a transpose do not.
// Both run the book's loop: one batch, then every network's step and its loss after the step (read
// back, as the book appends a float), and initscope's evaluation; the evaluation sets are uploaded
// once, before the run is timed.
import '@tensorflow/tfjs-layers';
import type { TrainEval } from '@initscope/train';
import { trainAccuracySubset } from '@initscope/train';
import * as tf from '@tensorflow/tfjs-core';
import type { Prepared } from '../engine.js';
import type { TrainCurves, TrainInputs, TrainOutcome } from '../train-book.js';
import { useBackend } from './tfjs.js';

/** How the gradients are made: tf.js' own (`minimize`) or a customGrad product with explicit transposes. */
export type TfjsTrainVariant = 'minimize' | 'customgrad';

/** x·W whose gradients are plain products after explicit transposes. */
const denseCustom = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      const d = dy as tf.Tensor2D;
      return [tf.matMul(d, tf.transpose(ws)), tf.matMul(tf.transpose(xs), d)];
    },
  };
});

function activate(kind: string, x: tf.Tensor): tf.Tensor {
  if (kind === 'relu') return tf.relu(x);
  if (kind === 'sigmoid') return tf.sigmoid(x);
  if (kind === 'tanh') return tf.tanh(x);
  throw new Error(`tfjs train: activation "${kind}" is not one of relu, sigmoid, tanh`);
}

interface Net {
  w: tf.Variable[];
  b: tf.Variable[];
}

/** Prepares the training case on the wasm backend; each run trains fresh networks from the same weights. */
export async function prepareTrain(
  variant: TfjsTrainVariant,
  { config, data, weights, indices }: TrainInputs,
): Promise<Prepared<TrainOutcome>> {
  await useBackend('wasm');
  const { widths, activation, batch, iterations, evalEvery, lr } = config;
  const layers = widths.length - 1;
  const classes = widths[layers] as number;
  const pixels = widths[0] as number;
  const subset = Math.min(trainAccuracySubset, data.train.count);
  const int32 = (labels: Uint8Array) => Int32Array.from(labels);
  const evalSets = {
    testX: tf.tensor2d(data.test.images, [data.test.count, pixels]),
    testLabels: tf.tensor1d(int32(data.test.labels), 'int32'),
    trainX: tf.tensor2d(data.train.images.subarray(0, subset * pixels), [subset, pixels]),
    trainLabels: tf.tensor1d(int32(data.train.labels.subarray(0, subset)), 'int32'),
  };
  const testY = tf.oneHot(evalSets.testLabels, classes);
  const product = (x: tf.Tensor, w: tf.Variable): tf.Tensor =>
    variant === 'customgrad'
      ? denseCustom(x, w)
      : tf.matMul(x as tf.Tensor2D, w as unknown as tf.Tensor2D);
  const forward = (net: Net, x: tf.Tensor): tf.Tensor => {
    let h = x;
    for (let l = 0; l < layers; l++) {
      const a = tf.add(product(h, net.w[l] as tf.Variable), net.b[l] as tf.Variable);
      h = l < layers - 1 ? activate(activation, a) : a;
    }
    return h;
  };
  const accuracy = (logits: tf.Tensor, labels: tf.Tensor) =>
    tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
  const evaluate = (net: Net, iteration: number): TrainEval => {
    const values = tf.tidy(() => {
      const test = forward(net, evalSets.testX);
      return tf.stack([
        accuracy(test, evalSets.testLabels),
        tf.losses.softmaxCrossEntropy(testY, test),
        accuracy(forward(net, evalSets.trainX), evalSets.trainLabels),
      ]);
    });
    const [testAccuracy, testLoss, trainAccuracy] = values.dataSync();
    values.dispose();
    return {
      iteration,
      testAccuracy: testAccuracy as number,
      testLoss: testLoss as number,
      trainAccuracy: trainAccuracy as number,
    };
  };
  const xb = new Float32Array(batch * pixels);
  const tb = new Int32Array(batch);
  const optimizer = tf.train.sgd(lr);
  let last: TrainOutcome = { runs: [] };
  let nets: Net[] = [];
  const freeNets = () => {
    for (const net of nets) for (const v of [...net.w, ...net.b]) v.dispose();
    nets = [];
  };
  return {
    run() {
      freeNets();
      nets = weights.map((layerWeights) => ({
        w: layerWeights.map((w, l) =>
          tf.variable(tf.tensor2d(w, [widths[l] as number, widths[l + 1] as number])),
        ),
        b: layerWeights.map((_, l) => tf.variable(tf.zeros([widths[l + 1] as number]))),
      }));
      const runs: TrainCurves[] = config.inits.map((init) => ({ init, loss: [], evals: [] }));
      const record = (it: number) => {
        if (it % evalEvery !== 0 && it !== iterations) return;
        nets.forEach((net, r) => {
          (runs[r] as TrainCurves).evals.push(evaluate(net, it));
        });
      };
      for (let it = 0; it < iterations; it++) {
        record(it);
        for (let r = 0; r < batch; r++) {
          const i = indices[it * batch + r] as number;
          xb.set(data.train.images.subarray(i * pixels, (i + 1) * pixels), r * pixels);
          tb[r] = data.train.labels[i] as number;
        }
        const x = tf.tensor2d(xb, [batch, pixels]);
        const y = tf.tidy(() => tf.oneHot(tf.tensor1d(tb, 'int32'), classes));
        nets.forEach((net, r) => {
          const vars = [...net.w, ...net.b];
          optimizer.minimize(
            () => tf.losses.softmaxCrossEntropy(y, forward(net, x)) as tf.Scalar,
            false,
            vars,
          );
          const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(y, forward(net, x)));
          (runs[r] as TrainCurves).loss.push(loss.dataSync()[0] as number);
          loss.dispose();
        });
        x.dispose();
        y.dispose();
      }
      record(iterations);
      last = { runs };
    },
    output: () => last,
    dispose() {
      freeNets();
      optimizer.dispose();
      testY.dispose();
      for (const t of Object.values(evalSets)) t.dispose();
    },
  };
}
