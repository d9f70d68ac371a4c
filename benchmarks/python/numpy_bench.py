"""NumPy peer of initscope's benchmarks: the book's vectorized code, validated, then timed here.

Usage: python3 numpy_bench.py '<request JSON>'   (see benchmarks/src/engines/numpy.ts)
Prints one JSON object: {"python", "numpy", "cases": [{"case", "first_ms", "samples_ms", "output"}]}.
Timing follows the Node side (src/measure.ts): a first run (validated by the caller), a warmup
unless that run took longer than time_ms, then runs until time_ms is spent and at least
min_samples (slow_samples for a slow first run) are taken.
"""

import json
import platform
import sys
import time

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def tanh(x):
    return np.tanh(x)


ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}


def layer_stats(z, layer, activation, bins):
    """Statistics of one layer in the results contract's shape (DESIGN.md)."""
    finite = np.isfinite(z)
    non_finite = int(z.size - np.count_nonzero(finite))
    v = z if non_finite == 0 else z[finite]
    zeros = int(z.size - np.count_nonzero(z)) - int(np.count_nonzero(np.isnan(z)))
    if v.size == 0:
        mean = std = lo_v = hi_v = None
    else:
        mean, std = float(v.mean()), float(v.std())
        lo_v, hi_v = float(v.min()), float(v.max())
    if activation == "sigmoid":
        lo, hi = 0.0, 1.0
    elif activation == "tanh":
        lo, hi = -1.0, 1.0
    else:
        lo, hi = 0.0, (hi_v if hi_v is not None and hi_v > 0 else 1.0)
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
            runs.append({
                "activation": activation,
                "init": init["id"],
                "state": "completed",
                "weightStd": [scale] * layers,
                "layers": stats,
            })
    return {"runs": runs}


def timed(name, fn, request):
    """Runs fn once (its result goes back for validation), then samples it."""
    start = time.perf_counter()
    output = fn()
    first_ms = (time.perf_counter() - start) * 1e3
    samples = []
    slow = first_ms > request["time_ms"]
    if not slow:
        warm_until = time.perf_counter() + request["warmup_ms"] / 1e3
        runs = 0
        while runs < request["warmup_runs"] or time.perf_counter() < warm_until:
            fn()
            runs += 1
    least = request["slow_samples"] if slow else request["min_samples"]
    total = 0.0
    while len(samples) < least or total < request["time_ms"]:
        start = time.perf_counter()
        fn()
        ms = (time.perf_counter() - start) * 1e3
        samples.append(ms)
        total += ms
    return {"case": name, "first_ms": first_ms, "samples_ms": samples, "output": output}


def components(request):
    """Component kernels on float32 arrays: normals, each activation, a 30-bin histogram."""
    spec = request["components"]
    n, bins = spec["length"], spec["bins"]
    rng = np.random.default_rng(request["seed"])
    x = rng.standard_normal(n, dtype=np.float32)
    x64 = x.astype(np.float64)
    out = np.empty(n, dtype=np.float32)
    cases = []

    def normal():
        rng.standard_normal(out=out, dtype=np.float32)
        return {"mean": float(out.mean(dtype=np.float64)), "std": float(out.std(dtype=np.float64))}

    cases.append(timed("normal", normal, request))
    for name, f in ACTIVATIONS.items():
        exact = f(x64)

        def activation(f=f, exact=exact):
            y = f(x)
            return {"dtype": str(y.dtype), "max_abs_error": float(np.max(np.abs(y - exact)))}

        cases.append(timed(name, activation, request))
    s = sigmoid(x)

    def histogram():
        counts, _ = np.histogram(s, bins, range=(0.0, 1.0))
        return {"counts": [int(c) for c in counts], "total": n}

    cases.append(timed("histogram", histogram, request))
    return cases


def main():
    request = json.loads(sys.argv[1])
    if request["suite"] == "sweep":
        cases = [timed("book", lambda: book_sweep(request["seed"], request["sweep"]), request)]
    elif request["suite"] == "components":
        cases = components(request)
    else:
        raise SystemExit(f"unknown suite {request['suite']!r}")
    report = {"python": platform.python_version(), "numpy": np.__version__, "cases": cases}
    json.dump(report, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
