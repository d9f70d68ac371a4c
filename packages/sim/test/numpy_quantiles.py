"""np.quantile (default method 'linear') of each block of float32 values in a file.

Reads {"file": path, "lengths": [...], "levels": [...]} on stdin; the file holds the blocks' float32
values back to back (little-endian). Prints, per block, the quantiles of its finite values at the
levels (float64), or null when none is finite.
"""
import json
import sys

import numpy as np

job = json.load(sys.stdin)
values = np.fromfile(job["file"], dtype="<f4").astype(np.float64)
out = []
start = 0
for length in job["lengths"]:
    block = values[start:start + length]
    start += length
    finite = block[np.isfinite(block)]
    out.append(None if finite.size == 0 else [float(q) for q in np.quantile(finite, job["levels"])])
json.dump(out, sys.stdout)
