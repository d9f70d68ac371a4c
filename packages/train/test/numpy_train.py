"""The book's ch06/weight_init_compare.py (『ゼロから作るDeep Learning』 §6.2.4) in float64 NumPy,
written for initscope's tests: MultiLayerNet 784-100-100-100-100-10, zero biases, SGD, batches from
np.random.choice, the loss on the batch after each update. Reads the IDX files given in argv[1].
Usage: numpy_train.py DATA_DIR SEED ITERATIONS ACTIVATION INIT[,INIT...]  → JSON on stdout."""
import json
import sys
import time

import numpy as np


def idx(path):
    raw = open(path, 'rb').read()
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * d:8 + 4 * d], 'big') for d in range(rank)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(dir):
    x = idx(f'{dir}/train-images-idx3-ubyte').reshape(-1, 784).astype(np.float32) / 255.0
    t = idx(f'{dir}/train-labels-idx1-ubyte').astype(np.int64)
    xt = idx(f'{dir}/t10k-images-idx3-ubyte').reshape(-1, 784).astype(np.float32) / 255.0
    tt = idx(f'{dir}/t10k-labels-idx1-ubyte').astype(np.int64)
    return x, t, xt, tt


def act(name):
    if name == 'relu':
        return (lambda a: np.maximum(0, a)), (lambda a, h: (a > 0).astype(a.dtype))
    s = lambda a: 1 / (1 + np.exp(-a))
    return s, (lambda a, h: h * (1.0 - h))


def scale_of(init, n):
    if init == 'he':
        return np.sqrt(2.0 / n)
    if init == 'xavier':
        return np.sqrt(1.0 / n)
    return float(init.split(':')[1])


def softmax(x):
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


def main():
    dir, seed, iterations, activation, inits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5].split(',')
    x, t, xt, tt = load(dir)
    np.random.seed(seed)
    widths = [784, 100, 100, 100, 100, 10]
    f, df = act(activation)
    nets = {}
    for init in inits:
        nets[init] = [(scale_of(init, widths[l]) * np.random.randn(widths[l], widths[l + 1]), np.zeros(widths[l + 1])) for l in range(5)]

    def forward(net, xb):
        hs, as_ = [xb], []
        h = xb
        for l, (W, b) in enumerate(net):
            a = h @ W + b
            as_.append(a)
            h = f(a) if l < 4 else a
            hs.append(h)
        return hs, as_

    def loss_of(net, xb, tb):
        y = softmax(forward(net, xb)[1][-1])
        return -np.sum(np.log(y[np.arange(len(tb)), tb] + 1e-7)) / len(tb)

    losses = {init: [] for init in inits}
    start = time.perf_counter()
    for i in range(iterations):
        mask = np.random.choice(x.shape[0], 128)
        xb, tb = x[mask], t[mask]
        for init in inits:
            net = nets[init]
            hs, as_ = forward(net, xb)
            y = softmax(as_[-1])
            d = y.copy()
            d[np.arange(len(tb)), tb] -= 1
            d /= len(tb)
            grads = []
            for l in range(4, -1, -1):
                W, b = net[l]
                grads.append((hs[l].T @ d, d.sum(axis=0)))
                if l > 0:
                    d = (d @ W.T) * df(as_[l - 1], hs[l])
            grads.reverse()
            nets[init] = [(W - 0.01 * gW, b - 0.01 * gb) for (W, b), (gW, gb) in zip(net, grads)]
            losses[init].append(float(loss_of(nets[init], xb, tb)))
    elapsed = time.perf_counter() - start
    out = {'seconds': elapsed, 'runs': {}}
    for init in inits:
        logits = forward(nets[init], xt)[1][-1]
        out['runs'][init] = {
            'finalLoss': float(np.mean(losses[init][-100:])),
            'testAccuracy': float(np.mean(np.argmax(logits, axis=1) == tt)),
        }
    print(json.dumps(out))


main()
