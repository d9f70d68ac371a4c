// The sizes and ranges the wrapper accepts.

/** Most f32 values one block can hold (4 GiB of wasm32 memory). */
export const maxBlockLength = 2 ** 30;

/** Most histogram bins `histogramOf` accepts. */
export const maxBins = 2 ** 24;

/** Largest finite f32: a `scale` must round to a finite f32. */
export const maxF32 = 3.4028234663852886e38;
