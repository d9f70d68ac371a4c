"""The book's experiment (ゼロから作るDeep Learning §6.2, weight_init_activation_histogram.py), in NumPy.

Reads {"seeds": [...], "layers": 5, "width": 100, "samples": 1000} on stdin and prints, for every
(activation, init) and seed, each layer's mean and std of the activations (float64, as the book computes)
and its saturation: the share of all values within 0.05 of a bound (sigmoid 0 or 1, tanh -1 or 1;
null for relu).
"""
import json
import sys

import numpy as np

ACTIVATIONS = {
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "relu": lambda x: np.maximum(0, x),
    "tanh": np.tanh,
}
BOUNDS = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
MARGIN = 0.05
SCALES = {"std:1": lambda n: 1.0, "std:0.01": lambda n: 0.01, "xavier": lambda n: np.sqrt(1.0 / n), "he": lambda n: np.sqrt(2.0 / n)}

job = json.load(sys.stdin)
out = {}
for act_name, act in ACTIVATIONS.items():
    for init, scale in SCALES.items():
        per_seed = []
        for seed in job["seeds"]:
            rng = np.random.default_rng(seed)
            x = rng.standard_normal((job["samples"], job["width"]))
            layers = []
            for _ in range(job["layers"]):
                w = rng.standard_normal((job["width"], job["width"])) * scale(job["width"])
                x = act(np.dot(x, w))
                bounds = BOUNDS.get(act_name)
                saturation = None
                if bounds is not None:
                    near = (x <= bounds[0] + MARGIN) | (x >= bounds[1] - MARGIN)
                    saturation = float(np.count_nonzero(near) / x.size)
                layers.append([float(x.mean()), float(x.std()), saturation])
            per_seed.append(layers)
        out[f"{act_name}/{init}"] = per_seed
json.dump(out, sys.stdout)
