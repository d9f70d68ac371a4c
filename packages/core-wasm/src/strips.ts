// How a product's output rows are shared among threads: chunks of whole row tiles (MR = 5,
// assembly/micro.ts) that the threads take in turn from one atomic counter, so a thread slowed by
// other work on the machine takes fewer. When b is packed ahead (a·b, a·bᵀ: ThreadedCore packs it
// once), a chunk costs only its rows, and small chunks balance the threads best; otherwise (aᵀ·b)
// each chunk repacks all of b, and chunks of at least `minChunkTiles` tiles keep that copy a few
// percent of the chunk's flops.

/** Rows of the matmul micro-kernel's register tile (assembly/micro.ts `MR`). */
export const rowTile = 5;

/** Chunks per thread when each chunk repacks b (more: finer balance, more repacking of b). */
export const chunksPerThread = 4;

/** Fewest row tiles in a chunk that repacks b (40 rows: packing b is ≈ 1/80 of the chunk's multiply-adds). */
export const minChunkTiles = 8;

/**
 * Chunks per thread when b is packed ahead. Measured on 2 threads (min and median of 18 products,
 * 1024³ and 4096 × 1024 × 1024, two sessions on a shared machine): 32 beat 4 by 5–12% in the median, where a
 * thread slowed by other work leaves less of its last chunk to the other.
 */
export const packedChunksPerThread = 32;

/** Rows per chunk for `rows` output rows on `threads` threads: whole tiles, at least `minChunkTiles` unless b is packed ahead. */
export function chunkRows(rows: number, threads: number, packedAhead = false): number {
  const tiles = Math.ceil(rows / rowTile);
  if (packedAhead) return Math.ceil(tiles / (threads * packedChunksPerThread)) * rowTile;
  return Math.max(minChunkTiles, Math.ceil(tiles / (threads * chunksPerThread))) * rowTile;
}
