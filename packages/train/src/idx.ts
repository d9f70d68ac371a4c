// IDX: the file format of MNIST (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS").
// Header: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions d, then d
// big-endian uint32 sizes; the values follow, row-major. Only unsigned-byte files are read here.

/** The IDX type byte of unsigned-byte data, the only type MNIST-like sets use. */
export const idxUnsignedByte = 0x08;

/** One parsed IDX file: its sizes (outermost first) and its values, a view into the input bytes. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** A data file that is missing, unreadable or not what its name says; the message names the file. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Parses an unsigned-byte IDX file; `name` is used in the error, which says what is wrong. */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes.length < 4) {
    throw new DataError(`${name}: not an IDX file (${bytes.length} bytes, the header alone is 4).`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DataError(
      `${name}: not an IDX file (first bytes 0x${hex(bytes[0])} 0x${hex(bytes[1])}, expected 0x00 0x00; gzip files end in .gz).`,
    );
  }
  const type = bytes[2] as number;
  if (type !== idxUnsignedByte) {
    throw new DataError(
      `${name}: IDX value type 0x${hex(type)} is not supported; only unsigned bytes (0x08) are.`,
    );
  }
  const rank = bytes[3] as number;
  const headerLength = 4 + 4 * rank;
  if (rank === 0 || bytes.length < headerLength) {
    throw new DataError(
      `${name}: truncated IDX header (${rank} dimensions, ${bytes.length} bytes).`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let d = 0; d < rank; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    count *= size;
  }
  const expected = headerLength + count;
  if (bytes.length !== expected) {
    throw new DataError(
      `${name}: size ${bytes.length} bytes does not match its header (${dims.join('×')} values + ${headerLength} header bytes = ${expected}).`,
    );
  }
  return { dims, data: bytes.subarray(headerLength, expected) };
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0');
}
