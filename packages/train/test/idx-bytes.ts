/** An unsigned-byte IDX file with the given sizes and values. */
export function idxBytes(dims: number[], values: number[], type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  header[2] = type;
  header[3] = dims.length;
  const view = new DataView(header.buffer);
  for (const [d, size] of dims.entries()) view.setUint32(4 + 4 * d, size, false);
  const bytes = new Uint8Array(header.length + values.length);
  bytes.set(header);
  bytes.set(values, header.length);
  return bytes;
}
