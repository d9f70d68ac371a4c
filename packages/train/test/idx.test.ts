import { describe, expect, it } from 'vitest';
import { DataError, parseIdx, splitFromIdx } from '../src/index.ts';
import { idxBytes } from './idx-bytes.ts';

describe('parseIdx()', () => {
  it('reads the sizes big-endian and the values row-major', () => {
    const parsed = parseIdx(idxBytes([2, 1, 3], [0, 1, 2, 253, 254, 255]), 'x');
    expect(parsed.dims).toEqual([2, 1, 3]);
    expect([...parsed.data]).toEqual([0, 1, 2, 253, 254, 255]);
  });

  it('reads sizes above 255 (all four header bytes)', () => {
    const values = Array.from({ length: 300 }, (_, i) => i % 256);
    expect(parseIdx(idxBytes([300], values), 'x').dims).toEqual([300]);
  });

  it('rejects a file shorter than the magic number', () => {
    expect(() => parseIdx(new Uint8Array([0, 0]), 'f')).toThrow(
      new DataError('f: not an IDX file (2 bytes, the header alone is 4).'),
    );
  });

  it('rejects a gzip file read as IDX and says so', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]);
    expect(() => parseIdx(gz, 'f')).toThrow(
      'f: not an IDX file (first bytes 0x1f 0x8b, expected 0x00 0x00; gzip files end in .gz).',
    );
  });

  it('rejects value types other than unsigned bytes', () => {
    expect(() => parseIdx(idxBytes([1], [0], 0x0d), 'f')).toThrow(
      'f: IDX value type 0x0d is not supported; only unsigned bytes (0x08) are.',
    );
  });

  it('rejects a truncated header and a size that disagrees with it', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]), 'f')).toThrow(
      'f: truncated IDX header (3 dimensions, 6 bytes).',
    );
    expect(() => parseIdx(idxBytes([2, 2], [1, 2, 3]), 'f')).toThrow(
      'f: size 15 bytes does not match its header (2×2 values + 12 header bytes = 16).',
    );
    expect(() => parseIdx(idxBytes([1], [1, 2]), 'f')).toThrow(
      'f: size 10 bytes does not match its header (1 values + 8 header bytes = 9).',
    );
  });
});

describe('splitFromIdx()', () => {
  const names = { images: 'i', labels: 'l' };

  it('divides pixels by 255 in float32, as the book normalizes', () => {
    const split = splitFromIdx(
      parseIdx(idxBytes([2, 1, 2], [0, 1, 128, 255]), 'i'),
      parseIdx(idxBytes([2], [3, 9]), 'l'),
      names,
    );
    expect(split).toMatchObject({ count: 2, rows: 1, cols: 2 });
    expect([...split.images]).toEqual([0, Math.fround(1 / 255), Math.fround(128 / 255), 1]);
    expect([...split.labels]).toEqual([3, 9]);
  });

  it('rejects a label outside the classes, a count mismatch and wrong ranks', () => {
    const images = parseIdx(idxBytes([2, 1, 1], [0, 0]), 'i');
    expect(() => splitFromIdx(images, parseIdx(idxBytes([2], [1, 10]), 'l'), names)).toThrow(
      'l: label 10 at index 1 is outside 0…9.',
    );
    expect(() => splitFromIdx(images, parseIdx(idxBytes([1], [1]), 'l'), names)).toThrow(
      'l: 1 labels for 2 images in i.',
    );
    expect(() =>
      splitFromIdx(
        parseIdx(idxBytes([2, 1], [0, 0]), 'i'),
        parseIdx(idxBytes([2], [1, 1]), 'l'),
        names,
      ),
    ).toThrow('i: expected 3 dimensions (images, rows, cols), found 2 (2×1).');
    expect(() => splitFromIdx(images, parseIdx(idxBytes([2, 1], [1, 1]), 'l'), names)).toThrow(
      'l: expected 1 dimension (labels), found 2 (2×1).',
    );
  });
});
