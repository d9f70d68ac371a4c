/**
 * Orthogonal matrices (Saxe et al. 2014), as PyTorch's `nn.init.orthogonal_`: the Q factor of the QR
 * decomposition of a standard-normal matrix, with column signs fixed by diag(R) so Q is Haar-distributed.
 */

/**
 * Householder QR of `a` (rows × cols, row-major f64, rows ≥ cols), returning Q (rows × cols, row-major)
 * with orthonormal columns, each multiplied by the sign of R's diagonal entry.
 * Works on columns stored contiguously (column-major) so every inner loop is a unit-stride sweep.
 * Cost 2·rows·cols² flops.
 */
export function orthonormalColumns(a: Float64Array, rows: number, cols: number): Float64Array {
  // r[j·rows + i] = a[i, j]; v holds the Householder vector of column j at v[j·rows + i], i ≥ j.
  const r = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) r[j * rows + i] = a[i * cols + j] as number;
  }
  const v = new Float64Array(rows * cols);
  const signs = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const col = j * rows;
    let norm = 0;
    for (let i = j; i < rows; i++) norm += (r[col + i] as number) ** 2;
    norm = Math.sqrt(norm);
    const alpha = (r[col + j] as number) >= 0 ? -norm : norm;
    // v = x − alpha·e_j, normalised; R's diagonal becomes alpha.
    let vNorm = 0;
    for (let i = j; i < rows; i++) {
      const value = (r[col + i] as number) - (i === j ? alpha : 0);
      v[col + i] = value;
      vNorm += value * value;
    }
    vNorm = Math.sqrt(vNorm);
    signs[j] = alpha >= 0 ? 1 : -1;
    if (vNorm === 0) continue;
    for (let i = j; i < rows; i++) v[col + i] = (v[col + i] as number) / vNorm;
    // R ← (I − 2vvᵀ)·R on columns j…cols−1.
    for (let k = j; k < cols; k++) reflect(v, col, r, k * rows, j, rows);
  }
  // Q = H_0·H_1·…·H_{cols−1} applied to the first cols columns of the identity, last reflector first.
  const q = new Float64Array(rows * cols);
  for (let k = 0; k < cols; k++) q[k * rows + k] = 1;
  for (let j = cols - 1; j >= 0; j--) {
    for (let k = 0; k < cols; k++) reflect(v, j * rows, q, k * rows, j, rows);
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < cols; k++)
      out[i * cols + k] = (q[k * rows + i] as number) * (signs[k] as number);
  }
  return out;
}

/** x ← x − 2·(v·x)·v on entries from..rows−1 of the column x starting at `at` (v's column at `vAt`). */
function reflect(
  v: Float64Array,
  vAt: number,
  x: Float64Array,
  at: number,
  from: number,
  rows: number,
): void {
  let dot = 0;
  for (let i = from; i < rows; i++) dot += (v[vAt + i] as number) * (x[at + i] as number);
  if (dot === 0) return;
  const scale = 2 * dot;
  for (let i = from; i < rows; i++)
    x[at + i] = (x[at + i] as number) - scale * (v[vAt + i] as number);
}

/**
 * An orthogonal (fanIn, fanOut) weight matrix times `gain`, from standard normals `z` (fanIn·fanOut values):
 * orthonormal columns when fanIn ≥ fanOut, orthonormal rows otherwise.
 */
export function orthogonalWeights(
  z: Float32Array,
  fanIn: number,
  fanOut: number,
  gain: number,
): Float32Array {
  const tall = fanIn >= fanOut;
  const rows = tall ? fanIn : fanOut;
  const cols = tall ? fanOut : fanIn;
  const a = new Float64Array(rows * cols);
  // Tall: a is z as (fanIn, fanOut). Wide: a is zᵀ, so Qᵀ has orthonormal rows.
  for (let i = 0; i < fanIn; i++) {
    for (let j = 0; j < fanOut; j++) {
      const value = z[i * fanOut + j] as number;
      if (tall) a[i * cols + j] = value;
      else a[j * cols + i] = value;
    }
  }
  const q = orthonormalColumns(a, rows, cols);
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < fanIn; i++) {
    for (let j = 0; j < fanOut; j++) {
      w[i * fanOut + j] = gain * (tall ? (q[i * cols + j] as number) : (q[j * cols + i] as number));
    }
  }
  return w;
}
