// How a product's output rows are shared among threads: chunks of whole row tiles (MR = 5,
// assembly/micro.ts) that the threads take in turn from one atomic counter, so a thread slowed by
// other work on the machine takes fewer. Each chunk repacks all of b: chunks of at least
// `minChunkTiles` tiles keep that copy a few percent of the chunk's flops.

/** Rows of the matmul micro-kernel's register tile (assembly/micro.ts `MR`). */
export const rowTile = 5;

/** Chunks per thread when the rows allow (more: finer balance, more repacking of b). */
export const chunksPerThread = 4;

/** Fewest row tiles in a chunk (40 rows: packing b is ≈ 1/80 of the chunk's multiply-adds). */
export const minChunkTiles = 8;

/** Rows per chunk for `rows` output rows on `threads` threads: whole tiles, at least `minChunkTiles`. */
export function chunkRows(rows: number, threads: number): number {
  const tiles = Math.ceil(rows / rowTile);
  return Math.max(minChunkTiles, Math.ceil(tiles / (threads * chunksPerThread))) * rowTile;
}
