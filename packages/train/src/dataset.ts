import { DataError, type IdxArray } from './idx.js';

/** One split of an image-classification set: `images` is (count, pixels) in [0, 1], row-major. */
export interface Split {
  count: number;
  rows: number;
  cols: number;
  /** Pixels divided by 255 in float32, as the book's `load_mnist(normalize=True)`. */
  images: Float32Array;
  labels: Uint8Array;
}

/** A training and a test split with the same image shape and classes `0 … classes-1`. */
export interface Dataset {
  train: Split;
  test: Split;
  classes: number;
}

/** The number of classes of MNIST-like sets (digits, Fashion-MNIST's ten garments). */
export const defaultClasses = 10;

/**
 * Pairs an images file (count, rows, cols) with its labels file (count); scales pixels by 1/255.
 * With `shared`, the pixels and labels live in SharedArrayBuffers, so posting the split to worker
 * threads shares them instead of copying (see `sharedDataset`).
 */
export function splitFromIdx(
  images: IdxArray,
  labels: IdxArray,
  names: { images: string; labels: string },
  classes = defaultClasses,
  shared = false,
): Split {
  if (images.dims.length !== 3) {
    throw new DataError(
      `${names.images}: expected 3 dimensions (images, rows, cols), found ${images.dims.length} (${images.dims.join('×')}).`,
    );
  }
  if (labels.dims.length !== 1) {
    throw new DataError(
      `${names.labels}: expected 1 dimension (labels), found ${labels.dims.length} (${labels.dims.join('×')}).`,
    );
  }
  const [count, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) {
    throw new DataError(
      `${names.labels}: ${labels.dims[0]} labels for ${count} images in ${names.images}.`,
    );
  }
  if (count === 0 || rows * cols === 0) {
    throw new DataError(`${names.images}: no images (${images.dims.join('×')}).`);
  }
  for (let i = 0; i < count; i++) {
    const label = labels.data[i] as number;
    if (label >= classes) {
      throw new DataError(
        `${names.labels}: label ${label} at index ${i} is outside 0…${classes - 1}.`,
      );
    }
  }
  const pixels = images.data;
  const scaled = new Float32Array(
    shared ? new SharedArrayBuffer(pixels.length * 4) : new ArrayBuffer(pixels.length * 4),
  );
  for (let i = 0; i < pixels.length; i++) scaled[i] = (pixels[i] as number) / 255;
  const classOf = new Uint8Array(shared ? new SharedArrayBuffer(count) : new ArrayBuffer(count));
  classOf.set(labels.data.subarray(0, count));
  return { count, rows, cols, images: scaled, labels: classOf };
}
