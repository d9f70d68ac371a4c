"""NumPy peers of initscope's benchmarks: each case runs once (its output goes back to the caller,
which validates it), then only the work is timed here.

Usage: python3 numpy_bench.py '<request JSON>'   (see benchmarks/src/engines/numpy.ts)
Prints one JSON object:
  {"python", "numpy", "blas": {...}, "cases": [{"case", "engine", "first_ms", "samples_ms",
   "bare_samples_ms"?, "output"}]}
Large arrays travel as raw float32 files (native byte order: both processes share the machine) in
request["dir"]: the caller writes the inputs, this script writes each case's first output there.

Timing follows the Node side (src/measure.ts): a first run, a warmup unless that run took longer
than time_ms, then runs until time_ms is spent and at least min_samples (slow_samples for a slow
first run) are taken. Components are also timed as the bare NumPy call, in the same rounds, so a
timed function that does more than the operation shows.

Engines:
  numpy      the book's ch06 code as printed: float64, np.random.randn, np.dot, np.histogram
             (sweep); float32 with out= ufuncs (components).
  numpy-f32  the same experiment as a NumPy expert writes it: float32, buffers allocated once,
             out= ufuncs, np.matmul(..., out=), a bincount histogram with initscope's exact bin rule.
"""

import ctypes
import glob
import json
import math
import os
import platform
import sys
import time
import timeit

import numpy as np

# ---------------------------------------------------------------------------------------------
# Timing


def timed(case, engine, fn, request, bare=None, keep=None):
    """Runs fn once, keeps what it produced for validation (keep(fn's value), untimed), then samples fn.

    bare, a timeit.Timer of the bare NumPy call, is sampled in the same rounds (alternately before
    and after fn), so that both medians see the same machine.
    """
    start = time.perf_counter()
    output = fn()
    first_ms = (time.perf_counter() - start) * 1e3
    if keep is not None:
        output = keep(output)
    slow = first_ms > request["time_ms"]
    if not slow:
        warm_until = time.perf_counter() + request["warmup_ms"] / 1e3
        runs = 0
        while runs < request["warmup_runs"] or time.perf_counter() < warm_until:
            fn()
            if bare is not None:
                bare.timeit(1)
            runs += 1
    least = request["slow_samples"] if slow else request["min_samples"]
    samples, bare_samples = [], []
    total = 0.0
    while len(samples) < least or total < request["time_ms"]:
        bare_first = bare is not None and len(samples) % 2 == 1
        if bare_first:
            bare_samples.append(bare.timeit(1) * 1e3)
        start = time.perf_counter()
        fn()
        ms = (time.perf_counter() - start) * 1e3
        samples.append(ms)
        total += ms
        if bare is not None and not bare_first:
            bare_samples.append(bare.timeit(1) * 1e3)
    result = {
        "case": case,
        "engine": engine,
        "first_ms": first_ms,
        "samples_ms": samples,
        "output": output,
    }
    if bare is not None:
        result["bare_samples_ms"] = bare_samples
    return result


# ---------------------------------------------------------------------------------------------
# The book's code (float64), as printed


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def tanh(x):
    return np.tanh(x)


ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}


def histogram_range(activation, hi_value):
    """initscope's default range (sim's histogramRange): sigmoid [0, 1], tanh [-1, 1], relu [0, max]."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    return 0.0, (hi_value if hi_value is not None and hi_value > 0 else 1.0)


def layer_stats(z, layer, activation, bins):
    """Statistics of one layer in the results contract's shape (DESIGN.md), with np.histogram."""
    finite = np.isfinite(z)
    non_finite = int(z.size - np.count_nonzero(finite))
    v = z if non_finite == 0 else z[finite]
    zeros = int(z.size - np.count_nonzero(z))  # NaN is non-zero: only exact zeros (±0) count
    if v.size == 0:
        mean = std = lo_v = hi_v = None
    else:
        mean, std = float(v.mean()), float(v.std())
        lo_v, hi_v = float(v.min()), float(v.max())
    lo, hi = histogram_range(activation, hi_v)
    counts, edges = np.histogram(v, bins, range=(lo, hi))
    return {
        "layer": layer,
        "mean": mean,
        "std": std,
        "min": lo_v,
        "max": hi_v,
        "zeroFraction": zeros / z.size,
        "nonFinite": non_finite,
        "histogram": {
            "edges": [float(e) for e in edges],
            "counts": [int(c) for c in counts],
            "below": int(np.count_nonzero(v < lo)),
            "above": int(np.count_nonzero(v > hi)),
        },
    }


def book_sweep(seed, sweep):
    """The book's ch06 weight_init_activation_histogram.py, for every activation × init (float64)."""
    np.random.seed(seed)
    samples, width, layers, bins = sweep["samples"], sweep["width"], sweep["layers"], sweep["bins"]
    input_data = np.random.randn(samples, width)
    runs = []
    for activation in sweep["activations"]:
        f = ACTIVATIONS[activation]
        for init in sweep["inits"]:
            scale = init["std"]
            x = input_data
            stats = []
            for layer in range(1, layers + 1):
                w = np.random.randn(width, width) * scale
                a = np.dot(x, w)
                z = f(a)
                stats.append(layer_stats(z, layer, activation, bins))
                x = z
            runs.append(run_result(activation, init, layers, stats))
    return {"runs": runs}


def run_result(activation, init, layers, stats):
    return {
        "activation": activation,
        "init": init["id"],
        "state": "completed",
        "weightStd": [init["std"]] * layers,
        "layers": stats,
    }


# ---------------------------------------------------------------------------------------------
# NumPy at its best: float32, preallocated, out= everywhere


def sigmoid_f32(x, out):
    """σ(x) = ½·tanh(x/2) + ½: four out= passes on NumPy's SIMD tanh (faster than exp, 1/(1+·))."""
    np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    np.multiply(out, 0.5, out=out)
    np.add(out, 0.5, out=out)


def relu_f32(x, out):
    np.maximum(x, 0, out=out)


def tanh_f32(x, out):
    np.tanh(x, out=out)


ACTIVATIONS_F32 = {"sigmoid": sigmoid_f32, "relu": relu_f32, "tanh": tanh_f32}


class HistogramF32:
    """Histogram counts of float32 values on buffers allocated once for up to n values.

    x lands in bin min(bins − 1, ⌊(x − lo)/(hi − lo)·bins⌋) computed in float64: initscope's exact
    rule, so a value on an edge lands where initscope puts it (a float32 index would move some).
    Finite values outside [lo, hi] are counted below/above; NaN and ±Inf are not counted.
    """

    def __init__(self, n, bins):
        self.bins = bins
        self.t = np.empty(n, dtype=np.float64)
        self.index = np.empty(n, dtype=np.intp)

    def inside(self, v, lo, hi):
        """Counts of values all inside [lo, hi]: four out= passes and np.bincount."""
        bins = self.bins
        t = self.t[: v.size]
        index = self.index[: v.size]
        np.subtract(v, lo, out=t, dtype=np.float64)
        np.divide(t, hi - lo, out=t)
        np.multiply(t, bins, out=t)
        np.copyto(index, t, casting="unsafe")  # 0 ≤ t ≤ bins, so truncation is ⌊t⌋
        counts = np.bincount(index, minlength=bins + 1)
        counts[bins - 1] += counts[bins]  # ⌊t⌋ = bins only for x = hi: the last bin, min(bins − 1, ·)
        return counts[:bins]

    def __call__(self, v, lo, hi, v_min=None, v_max=None):
        """(counts, below, above) of v; v_min/v_max, when known, spare two reductions."""
        v_min = float(v.min()) if v_min is None else v_min
        v_max = float(v.max()) if v_max is None else v_max
        if v_min >= lo and v_max <= hi:  # False when v holds NaN
            return self.inside(v, lo, hi), 0, 0
        below = int(np.count_nonzero(v < lo))
        above = int(np.count_nonzero(v > hi))
        return self.inside(v[(v >= lo) & (v <= hi)], lo, hi), below, above


class LayerStatsF32:
    """One layer's statistics as initscope computes them (results contract), on float32 values.

    mean and std accumulate in float64: two passes, the second corrected by Σd (d = x − mean);
    zeroFraction counts exact zeros; NaN and ±Inf are counted in nonFinite and left out of the rest.
    """

    def __init__(self, n, bins):
        self.bins = bins
        self.histogram = HistogramF32(n, bins)
        self.steps = np.arange(bins + 1, dtype=np.float64)

    def __call__(self, z, layer, activation):
        n = z.size
        z_min, z_max = float(z.min()), float(z.max())  # NaN when z holds one
        all_finite = math.isfinite(z_min) and math.isfinite(z_max)
        v = z if all_finite else z[np.isfinite(z)]
        finite = v.size
        zeros = n - int(np.count_nonzero(z))  # NaN is non-zero: only exact zeros (±0) count
        if finite == 0:
            lo, hi = histogram_range(activation, None)
            empty = ([0] * self.bins, 0, 0)
            return self.result(layer, (None, None, None, None), zeros / n, n, (lo, hi), empty)
        if not all_finite:
            z_min, z_max = float(v.min()), float(v.max())
        z_min, z_max = z_min + 0.0, z_max + 0.0  # -0.0 → 0.0, as JSON from JavaScript has it
        d = self.histogram.t[:finite]
        np.copyto(d, v)
        mean = float(d.sum()) / finite
        np.subtract(d, mean, out=d)
        shift = float(d.sum())
        std = math.sqrt(max(float(np.dot(d, d)) - shift * shift / finite, 0.0) / finite)
        lo, hi = histogram_range(activation, z_max)
        counts, below, above = self.histogram(v, lo, hi, z_min, z_max)
        moments = (mean, std, z_min, z_max)
        histogram = (counts.tolist(), below, above)
        return self.result(layer, moments, zeros / n, n - finite, (lo, hi), histogram)

    def result(self, layer, moments, zero_fraction, non_finite, bounds, histogram):
        mean, std, z_min, z_max = moments
        lo, hi = bounds
        counts, below, above = histogram
        # as layer-stats.ts: lo + (hi − lo)·i/bins, the last edge hi itself
        edges = (lo + ((hi - lo) * self.steps) / self.bins).tolist()
        edges[-1] = hi
        return {
            "layer": layer,
            "mean": mean,
            "std": std,
            "min": z_min,
            "max": z_max,
            "zeroFraction": zero_fraction,
            "nonFinite": non_finite,
            "histogram": {"edges": edges, "counts": counts, "below": below, "above": above},
        }


class SweepF32:
    """The book sweep in float32 with every buffer allocated once: the input X (samples, width),
    one weight matrix (width, width), two layer buffers (samples, width) and the statistics' scratch."""

    def __init__(self, sweep):
        self.sweep = sweep
        samples, width = sweep["samples"], sweep["width"]
        self.x = np.empty((samples, width), dtype=np.float32)
        self.w = np.empty((width, width), dtype=np.float32)
        self.layers = (
            np.empty((samples, width), dtype=np.float32),
            np.empty((samples, width), dtype=np.float32),
        )
        self.stats = LayerStatsF32(samples * width, sweep["bins"])

    def __call__(self, seed):
        sweep = self.sweep
        rng = np.random.default_rng(seed)
        x, w, stats = self.x, self.w, self.stats
        rng.standard_normal(out=x, dtype=np.float32)
        runs = []
        for activation in sweep["activations"]:
            f = ACTIVATIONS_F32[activation]
            for init in sweep["inits"]:
                scale = np.float32(init["std"])
                src = x
                layers = []
                for layer in range(1, sweep["layers"] + 1):
                    rng.standard_normal(out=w, dtype=np.float32)
                    np.multiply(w, scale, out=w)
                    z = self.layers[layer % 2]
                    np.matmul(src, w, out=z)
                    f(z, z)
                    layers.append(stats(z.reshape(-1), layer, activation))
                    src = z
                runs.append(run_result(activation, init, sweep["layers"], layers))
        return {"runs": runs}


# ---------------------------------------------------------------------------------------------
# Suites


def sweep_cases(request):
    spec = request["sweep"]
    seed = request["seed"]
    cases = []
    for engine in spec["engines"]:
        if engine == "numpy":
            fn = lambda: book_sweep(seed, spec)  # noqa: E731
        elif engine == "numpy-f32":
            f32 = SweepF32(spec)
            fn = lambda f32=f32: f32(seed)  # noqa: E731
        else:
            raise SystemExit(f"unknown sweep engine {engine!r}")
        cases.append(timed(spec["case"], engine, fn, request))
    return cases


def read_f32(directory, name):
    return np.fromfile(os.path.join(directory, name), dtype=np.float32)


def write_f32(directory, name, values):
    np.ascontiguousarray(values, dtype=np.float32).tofile(os.path.join(directory, name))


def components(request):
    """Component kernels on the caller's float32 inputs: normals, each activation, a 30-bin histogram.

    Each timed function is the operation alone, on arrays allocated once; its bare counterpart is
    the NumPy statements themselves, compiled inline by timeit (the histogram's bare call skips the
    range check, which its data never fails). The first output goes to <case>.out.f32 (the
    histogram's counts into the JSON) for the caller to validate.
    """
    spec = request["components"]
    directory, bins = spec["dir"], spec["bins"]
    x = read_f32(directory, "x.f32")
    s = read_f32(directory, "s.f32")
    y = np.empty_like(x)
    rng = np.random.default_rng(request["seed"])
    histogram = HistogramF32(s.size, bins)
    ns = {"np": np, "rng": rng, "x": x, "y": y, "s": s, "bins": bins, "f32": np.float32,
          "t": histogram.t, "index": histogram.index}  # fmt: skip

    def written(name):
        def keep(_):
            write_f32(directory, f"{name}.out.f32", y)
            return {"file": f"{name}.out.f32"}

        return keep

    def counts(value):
        c, below, above = value
        return {"counts": [int(n) for n in c], "below": below, "above": above}

    # (case, timed function, bare statements, what goes back)
    table = [
        ("normal", lambda: rng.standard_normal(out=y, dtype=np.float32),
         "rng.standard_normal(out=y, dtype=f32)", written("normal")),
        ("sigmoid", lambda: sigmoid_f32(x, y),
         "np.multiply(x, 0.5, out=y); np.tanh(y, out=y); np.multiply(y, 0.5, out=y); "
         "np.add(y, 0.5, out=y)", written("sigmoid")),
        ("relu", lambda: np.maximum(x, 0, out=y), "np.maximum(x, 0, out=y)", written("relu")),
        ("tanh", lambda: np.tanh(x, out=y), "np.tanh(x, out=y)", written("tanh")),
        ("histogram", lambda: histogram(s, 0.0, 1.0),
         "np.subtract(s, 0.0, out=t, dtype=np.float64); np.divide(t, 1.0, out=t); "
         "np.multiply(t, bins, out=t); np.copyto(index, t, casting='unsafe'); "
         "c = np.bincount(index, minlength=bins + 1); c[bins - 1] += c[bins]", counts),
    ]  # fmt: skip
    return [
        timed(name, "numpy", fn, request, timeit.Timer(statements, globals=ns), keep)
        for name, fn, statements, keep in table
    ]


def matmul(request):
    """np.matmul(a, b, out=c) in float32 on the caller's inputs; the first product goes to <case>.c.f32."""
    spec = request["matmul"]
    directory = spec["dir"]
    cases = []
    for shape in spec["shapes"]:
        name, m, k, n = shape["case"], shape["m"], shape["k"], shape["n"]
        a = read_f32(directory, f"{name}.a.f32").reshape(m, k)
        b = read_f32(directory, f"{name}.b.f32").reshape(k, n)
        c = np.empty((m, n), dtype=np.float32)

        def keep(_, name=name, c=c):
            write_f32(directory, f"{name}.c.f32", c)
            return {"file": f"{name}.c.f32"}

        product = lambda a=a, b=b, c=c: np.matmul(a, b, out=c)  # noqa: E731
        cases.append(timed(name, "numpy-f32", product, request, keep=keep))
        del a, b, c
    return cases


def layer_stats_request(request):
    """numpy-f32's statistics of given float32 values (tests compare them with the JS reference)."""
    spec = request["stats"]
    values = read_f32(spec["dir"], spec["file"])
    stats = LayerStatsF32(values.size, spec["bins"])
    return [{"case": "stats", "engine": "numpy-f32", "first_ms": 0, "samples_ms": [0],
             "output": stats(values, 1, spec["activation"])}]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# What NumPy runs on


def openblas_path():
    """The OpenBLAS library NumPy loaded: from the process's memory map, else NumPy's bundled one."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "openblas" in os.path.basename(path).lower():
                    return path
    except OSError:
        pass
    bundled = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
    return bundled[0] if bundled else None


def openblas_call(lib, name, restype):
    """Calls OpenBLAS' `name` under the prefixes and suffixes wheels give it (scipy_…64_)."""
    for prefix in ("scipy_", ""):
        for suffix in ("64_", "_64", ""):
            fn = getattr(lib, f"{prefix}{name}{suffix}", None)
            if fn is not None:
                fn.restype = restype
                fn.argtypes = []
                value = fn()
                return value.decode() if isinstance(value, bytes) else value
    return None


def blas_facts():
    """NumPy's BLAS: build info from np.show_config, the running kernel from OpenBLAS itself."""
    facts = {}
    try:
        config = np.show_config(mode="dicts")
        blas = config.get("Build Dependencies", {}).get("blas", {})
        facts["name"] = blas.get("name")
        facts["version"] = blas.get("version")
        facts["simd"] = config.get("SIMD Extensions", {}).get("found", [])
    except Exception as error:  # noqa: BLE001 (older NumPy: no dicts mode)
        facts["error"] = str(error)
    path = openblas_path()
    if path:
        try:
            lib = ctypes.CDLL(path)
            facts["library"] = os.path.basename(path)
            facts["config"] = openblas_call(lib, "openblas_get_config", ctypes.c_char_p)
            facts["corename"] = openblas_call(lib, "openblas_get_corename", ctypes.c_char_p)
            facts["threads"] = openblas_call(lib, "openblas_get_num_threads", ctypes.c_int)
        except OSError as error:
            facts["error"] = str(error)
    facts["env"] = {
        key: os.environ.get(key)
        for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
    }
    return facts


def main():
    request = json.loads(sys.argv[1])
    suite = request["suite"]
    if suite == "sweep":
        cases = sweep_cases(request)
    elif suite == "components":
        cases = components(request)
    elif suite == "matmul":
        cases = matmul(request)
    elif suite == "stats":
        cases = layer_stats_request(request)
    else:
        raise SystemExit(f"unknown suite {suite!r}")
    report = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas_facts(),
        "cases": cases,
    }
    json.dump(report, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
