// How a product's output rows are split among threads: contiguous row strips whose sizes are
// multiples of the micro-kernel's row tile (MR = 5, assembly/micro.ts), the last one shorter.

/** Rows of the matmul micro-kernel's register tile (assembly/micro.ts `MR`). */
export const rowTile = 5;

/** A strip of output rows [start, end). */
export interface Strip {
  start: number;
  end: number;
}

/** `rows` split into at most `parts` strips of whole row tiles, in order, none empty. */
export function splitRows(rows: number, parts: number): Strip[] {
  const tiles = Math.ceil(rows / rowTile);
  const per = Math.ceil(tiles / parts) * rowTile;
  const strips: Strip[] = [];
  for (let start = 0; start < rows; start += per) {
    strips.push({ start, end: Math.min(rows, start + per) });
  }
  return strips;
}
