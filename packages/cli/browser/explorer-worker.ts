/**
 * The explorer's Web Worker: sim + core-wasm, bundled at build time (scripts/build-explorer.mjs) into
 * dist/explorer-worker.js, which `initscope explore` hands to the report package's page builder as text.
 * Messages in: `{ type: 'wasm', bytes }` once, then `{ type: 'run', id, options }` (SweepOptions).
 * A newer `run` aborts the one in progress (sweep yields between layers); only the newest is answered.
 * Out: `progress`, `done` with the exact `initscope run --json` text, or `error` with the message.
 */
import { type Core, loadCore } from '@initscope/core-wasm';
import { type SweepOptions, sweep } from '@initscope/sim';

interface RunMessage {
  type: 'run';
  id: number;
  options: SweepOptions;
}
type InMessage = { type: 'wasm'; bytes: ArrayBuffer } | RunMessage;

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: InMessage }) => void) | null;
};

let core: Promise<Core> | undefined;
let current: AbortController | undefined;
let running: Promise<void> = Promise.resolve();
let newest = 0;

async function run(message: RunMessage, controller: AbortController): Promise<void> {
  const started = performance.now();
  let lastProgress = 0;
  try {
    if (!core) throw new Error('the WASM module was not sent to the worker');
    const results = await sweep(message.options, {
      core: await core,
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastProgress < 50) return;
        lastProgress = now;
        scope.postMessage({ type: 'progress', id: message.id, done, total });
      },
    });
    const json = `${JSON.stringify(results, null, 2)}\n`;
    scope.postMessage({ type: 'done', id: message.id, json, ms: performance.now() - started });
  } catch (error) {
    if (controller.signal.aborted) return;
    scope.postMessage({
      type: 'error',
      id: message.id,
      message: String((error as Error).message ?? error),
    });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'wasm') {
    core = loadCore({ wasm: message.bytes });
    return;
  }
  newest = message.id;
  current?.abort(new Error('superseded'));
  const controller = new AbortController();
  current = controller;
  // One sweep at a time on the one core: the next waits for the aborted one to stop.
  running = running.then(() => (message.id === newest ? run(message, controller) : undefined));
};
