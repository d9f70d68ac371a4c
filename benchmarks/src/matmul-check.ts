import { ValidationError } from './validation-error.js';

// Dimension legend: a is (m, k), b is (k, n), c = a·b is (m, n), all row-major f32.

/** Unit roundoff of f32 (2^-24). */
export const F32_UNIT_ROUNDOFF = 2 ** -24;

/** Rows compared element by element against the f64 reference; every row is checked when m is smaller. */
export const defaultCheckedRows = 48;

/**
 * Relative tolerance of one output element for an inner dimension k: twice the classic bound
 * γ_k ≈ k·u on |ĉ − c| / Σ|a·b| (Higham, Accuracy and Stability of Numerical Algorithms, §3.1),
 * which holds for any f32 accumulation order, FMA or not.
 */
export function matmulTolerance(k: number): number {
  return 2 * (k + 2) * F32_UNIT_ROUNDOFF;
}

/** Row indices to check: the first and last few (tile tails live there) and evenly spaced ones between. */
export function checkedRows(m: number, count: number = defaultCheckedRows): number[] {
  if (m <= count) return Array.from({ length: m }, (_, i) => i);
  const edge = Math.min(8, Math.floor(count / 4));
  const rows = new Set<number>();
  for (let i = 0; i < edge; i++) rows.add(i).add(m - 1 - i);
  const middle = count - 2 * edge;
  for (let i = 0; i < middle; i++)
    rows.add(edge + Math.floor(((m - 2 * edge) * (i + 0.5)) / middle));
  return [...rows].sort((x, y) => x - y);
}

function fail(m: number, k: number, n: number, what: string): never {
  throw new ValidationError(`matmul ${m}×${k}×${n}: ${what}`);
}

/** Compares one computed value with its f64 reference, scaled by Σ|terms|. */
function compare(
  shape: [number, number, number],
  where: string,
  got: number,
  want: number,
  magnitude: number,
  tolerance: number,
): void {
  if (!Number.isFinite(got)) fail(...shape, `${where} is ${got}, reference ${want}`);
  const error = Math.abs(got - want) / (magnitude > 0 ? magnitude : 1);
  if (error > tolerance) {
    fail(
      ...shape,
      `${where} = ${got} but the f64 reference is ${want} ` +
        `(error ${error.toExponential(2)} of Σ|a·b| > tolerance ${tolerance.toExponential(2)})`,
    );
  }
}

/**
 * Checks c = a·b and throws ValidationError on the first wrong value. Three checks, all with the
 * f32 accumulation tolerance {@link matmulTolerance}: sampled rows element by element against an
 * f64 dot product; every row sum against a·(b·1); every column sum against (1ᵀa)·b. The sums
 * cost O(mk + kn + mn), so no row or column escapes, whatever the shape.
 */
export function checkMatmul(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  rows: number = defaultCheckedRows,
): void {
  const shape: [number, number, number] = [m, k, n];
  if (c.length !== m * n) fail(m, k, n, `output has ${c.length} values, expected ${m * n}`);
  const tolerance = matmulTolerance(k);

  // Sampled rows, element by element.
  for (const i of checkedRows(m, rows)) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let magnitude = 0;
      for (let p = 0; p < k; p++) {
        const term = (a[i * k + p] as number) * (b[p * n + j] as number);
        sum += term;
        magnitude += Math.abs(term);
      }
      compare(shape, `out[${i},${j}]`, c[i * n + j] as number, sum, magnitude, tolerance);
    }
  }

  // Every row: Σ_j c_ij = Σ_p a_ip · (Σ_j b_pj).
  const bRow = new Float64Array(k);
  const bRowAbs = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < n; j++) {
      const v = b[p * n + j] as number;
      bRow[p] = (bRow[p] as number) + v;
      bRowAbs[p] = (bRowAbs[p] as number) + Math.abs(v);
    }
  }
  for (let i = 0; i < m; i++) {
    let want = 0;
    let magnitude = 0;
    for (let p = 0; p < k; p++) {
      const v = a[i * k + p] as number;
      want += v * (bRow[p] as number);
      magnitude += Math.abs(v) * (bRowAbs[p] as number);
    }
    let got = 0;
    for (let j = 0; j < n; j++) got += c[i * n + j] as number;
    compare(shape, `row ${i} sum`, got, want, magnitude, tolerance);
  }

  // Every column: Σ_i c_ij = Σ_p (Σ_i a_ip) · b_pj.
  const aCol = new Float64Array(k);
  const aColAbs = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const v = a[i * k + p] as number;
      aCol[p] = (aCol[p] as number) + v;
      aColAbs[p] = (aColAbs[p] as number) + Math.abs(v);
    }
  }
  const got = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) got[j] = (got[j] as number) + (c[i * n + j] as number);
  }
  for (let j = 0; j < n; j++) {
    let want = 0;
    let magnitude = 0;
    for (let p = 0; p < k; p++) {
      want += (aCol[p] as number) * (b[p * n + j] as number);
      magnitude += (aColAbs[p] as number) * Math.abs(b[p * n + j] as number);
    }
    compare(shape, `column ${j} sum`, got[j] as number, want, magnitude, tolerance);
  }
}
