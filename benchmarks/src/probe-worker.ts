// One thread of the machine probe (probe.ts): a private Core (its own, unshared memory) and a
// product small enough to stay in this core's caches, run as many times as each message asks.
// Nothing is shared with the other threads but the start and end messages.

import { parentPort } from 'node:worker_threads';
import { loadCore } from '@initscope/core-wasm';

/** m = k = n of the probe's product: a, b, out and packed b take 256 KiB, within a core's L2. */
export const probeSize = 128;

const port = parentPort;
if (!port) throw new Error('probe-worker.js runs as a worker thread');
const core = await loadCore();
const values = probeSize * probeSize;
const [a, b, out] = [core.alloc(values), core.alloc(values), core.alloc(values)];
for (let i = 0; i < values; i++) {
  a.array[i] = Math.sin(i);
  b.array[i] = Math.cos(i);
}
port.on('message', (products: number) => {
  for (let i = 0; i < products; i++) core.matmulInto(a, b, out, probeSize, probeSize, probeSize);
  port.postMessage(products);
});
port.postMessage('ready');
