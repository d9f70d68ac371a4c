/** NumPy's BLAS as the child process found it: build facts from `np.show_config`, the rest from OpenBLAS. */
export interface BlasFacts {
  /** Build dependency name, e.g. "scipy-openblas". */
  name?: string;
  version?: string;
  /** The shared library NumPy loaded, e.g. "libscipy_openblas64_-32a4b2a6.so". */
  library?: string;
  /** `openblas_get_config()`: version, build options and the running kernel. */
  config?: string;
  /** `openblas_get_corename()`: the kernel OpenBLAS picked for this CPU, e.g. "SkylakeX". */
  corename?: string;
  /** `openblas_get_num_threads()`. */
  threads?: number;
  /** SIMD extensions NumPy's own loops found on this CPU, e.g. ["X86_V4", "AVX512_ICL"]. */
  simd?: string[];
  /** BLAS-related variables in the child's environment (null: unset). */
  env?: Record<string, string | null>;
  /** Why a fact could not be read. */
  error?: string;
}

/** What `peers.numpy` in latest.json records. */
export interface NumpyFacts {
  python: string;
  numpy: string;
  blas: BlasFacts;
  /** Variables removed from the child's environment so that OpenBLAS picks its own kernel. */
  unset: string[];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the script's "blas" object, keeping only the documented fields of the documented types. */
export function parseBlasFacts(value: unknown): BlasFacts {
  const raw = (value ?? {}) as Record<string, unknown>;
  const facts: BlasFacts = {};
  for (const key of ['name', 'version', 'library', 'config', 'corename', 'error'] as const) {
    const text = optionalString(raw[key]);
    if (text !== undefined) facts[key] = text;
  }
  if (typeof raw.threads === 'number') facts.threads = raw.threads;
  if (Array.isArray(raw.simd)) facts.simd = raw.simd.filter((s) => typeof s === 'string');
  if (raw.env && typeof raw.env === 'object') {
    facts.env = Object.fromEntries(
      Object.entries(raw.env as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : null,
      ]),
    );
  }
  return facts;
}

/** "NumPy 2.4.6 (Python 3.11.7), scipy-openblas 0.3.31.188.0, kernel SkylakeX, 1 thread". */
export function describeNumpy(facts: NumpyFacts): string {
  const { blas } = facts;
  const parts = [`NumPy ${facts.numpy} (Python ${facts.python})`];
  if (blas.name) parts.push(`${blas.name}${blas.version ? ` ${blas.version}` : ''}`);
  if (blas.corename) parts.push(`kernel ${blas.corename}`);
  if (blas.threads !== undefined)
    parts.push(`${blas.threads} thread${blas.threads === 1 ? '' : 's'}`);
  if (blas.simd?.length) parts.push(`NumPy SIMD ${blas.simd.join(', ')}`);
  if (facts.unset.length) parts.push(`${facts.unset.join(' and ')} unset`);
  return parts.join(', ');
}
