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
  numpy      (train) the book's fig. 6-15 code as printed: MultiLayerNet, Affine/Relu/SoftmaxWithLoss,
             SGD, float64 weights on float32 images, on initscope's initial weights and batches.
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
from collections import OrderedDict

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


# ---------------------------------------------------------------------------------------------
# Training: the book's fig. 6-15 (ch06/weight_init_compare.py) with common/layers.py,
# common/multi_layer_net.py and common/optimizer.py as printed (float64 weights, float32 images
# as load_mnist(normalize=True)), on initscope's initial weights and mini-batches, plus the
# evaluation initscope train makes by default (test accuracy and loss, train accuracy on the first
# 10,000 training images, every eval_every iterations and after the last).


def load_idx(path):
    raw = open(path, "rb").read()
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * d : 8 + 4 * d], "big") for d in range(rank)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * rank).reshape(dims)


def load_mnist(directory):
    """dataset/mnist.py's load_mnist(normalize=True, flatten=True, one_hot_label=False)."""
    out = []
    for images, labels in (("train-images-idx3-ubyte", "train-labels-idx1-ubyte"), ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")):
        x = load_idx(os.path.join(directory, images))
        x = x.reshape(x.shape[0], -1).astype(np.float32)
        x /= 255.0
        out += [x, load_idx(os.path.join(directory, labels))]
    return out


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = sigmoid(x)
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


class MultiLayerNet:
    """common/multi_layer_net.py with the initial weights given (the book draws them with
    np.random.randn times the initializer's scale; here they are initscope's draws)."""

    def __init__(self, weights, activation="relu", weight_decay_lambda=0):
        self.hidden_layer_num = len(weights) - 1
        self.weight_decay_lambda = weight_decay_lambda
        self.params = {}
        for idx, W in enumerate(weights, 1):
            self.params["W" + str(idx)] = W.copy()
            self.params["b" + str(idx)] = np.zeros(W.shape[1])
        activation_layer = {"sigmoid": Sigmoid, "relu": Relu}
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers["Affine" + str(idx)] = Affine(self.params["W" + str(idx)], self.params["b" + str(idx)])
            self.layers["Activation_function" + str(idx)] = activation_layer[activation]()
        idx = self.hidden_layer_num + 1
        self.layers["Affine" + str(idx)] = Affine(self.params["W" + str(idx)], self.params["b" + str(idx)])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        weight_decay = 0
        for idx in range(1, self.hidden_layer_num + 2):
            W = self.params["W" + str(idx)]
            weight_decay += 0.5 * self.weight_decay_lambda * np.sum(W**2)
        return self.last_layer.forward(y, t) + weight_decay

    def accuracy(self, x, t):
        y = self.predict(x)
        y = np.argmax(y, axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        accuracy = np.sum(y == t) / float(x.shape[0])
        return accuracy

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.last_layer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            grads["W" + str(idx)] = self.layers["Affine" + str(idx)].dW + self.weight_decay_lambda * self.layers["Affine" + str(idx)].W
            grads["b" + str(idx)] = self.layers["Affine" + str(idx)].db
        return grads


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


def book_train(spec, data, weights, indices):
    """weight_init_compare.py's loop (batches given), every network on each batch in turn."""
    x_train, t_train, x_test, t_test = data
    subset = min(spec["subset"], x_train.shape[0])
    iterations, eval_every = spec["iterations"], spec["eval_every"]
    networks = {key: MultiLayerNet(weights[key], spec["activation"]) for key in spec["inits"]}
    optimizer = SGD(lr=spec["lr"])
    train_loss = {key: [] for key in spec["inits"]}
    evals = {key: [] for key in spec["inits"]}

    def record(i):
        if i % eval_every != 0 and i != iterations:
            return
        for key, network in networks.items():
            evals[key].append(
                {
                    "iteration": i,
                    "testAccuracy": float(network.accuracy(x_test, t_test)),
                    "testLoss": float(network.loss(x_test, t_test)),
                    "trainAccuracy": float(network.accuracy(x_train[:subset], t_train[:subset])),
                }
            )

    for i in range(iterations):
        record(i)
        batch_mask = indices[i]
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        for key in spec["inits"]:
            grads = networks[key].gradient(x_batch, t_batch)
            optimizer.update(networks[key].params, grads)
            loss = networks[key].loss(x_batch, t_batch)
            train_loss[key].append(loss)
    record(iterations)
    return train_loss, evals


def train_cases(request):
    spec = request["train"]
    data = load_mnist(spec["data"])
    layers = len(spec["widths"]) - 1
    weights = {}
    for r, key in enumerate(spec["inits"]):
        weights[key] = [
            read_f32(spec["dir"], f"w{r}-{l}.f32").astype(np.float64).reshape(spec["widths"][l], spec["widths"][l + 1])
            for l in range(layers)
        ]
    indices = np.fromfile(os.path.join(spec["dir"], "indices.u32"), dtype=np.uint32)
    indices = indices.astype(np.intp).reshape(spec["iterations"], spec["batch"])

    def keep(result):
        train_loss, evals = result
        return {"runs": [{"init": key, "loss": [float(v) for v in train_loss[key]], "evals": evals[key]} for key in spec["inits"]]}

    return [timed(spec["case"], "numpy", lambda: book_train(spec, data, weights, indices), request, keep=keep)]


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
    elif suite == "train":
        cases = train_cases(request)
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
