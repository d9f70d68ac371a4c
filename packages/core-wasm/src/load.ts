// Instantiates build/release.wasm in Node (file read) or a browser (fetch), or from given bytes.

import { Core } from './core.js';
import type { WasmBytes, WasmMemory, WasmModule } from './wasm-types.js';

/** Options of `loadCore`. */
export interface LoadOptions {
  /** The module as bytes or a compiled module; @default build/release.wasm next to this package */
  wasm?: WasmBytes | WasmModule;
}

/** Where the release build lives relative to `src/` and `dist/` (bundlers rewrite this as an asset URL). */
const releaseWasmUrl = new URL('../build/release.wasm', import.meta.url);

// A variable specifier keeps browser bundlers from resolving a Node built-in.
const nodeFsSpecifier = 'node:fs/promises';

/** Loads and instantiates the WASM core. Never uses the asc `--bindings` glue; caches nothing. */
export async function loadCore(options: LoadOptions = {}): Promise<Core> {
  const source = options.wasm ?? (await readPackagedWasm(releaseWasmUrl));
  const module =
    source instanceof WebAssembly.Module
      ? source
      : await WebAssembly.compile(source as BufferSource);
  let memory: WasmMemory | undefined;
  const imports = {
    env: {
      // asc's assertion hook (only the debug build calls it)
      abort(message: number, file: number, line: number, column: number): never {
        const text = memory ? `${readString(memory, message)} at ${readString(memory, file)}` : '';
        throw new Error(`core-wasm abort: ${text}:${line}:${column}`);
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  memory = instance.exports.memory as WebAssembly.Memory;
  return new Core(instance);
}

/** Whether this runs in Node (else: a browser or a Web Worker). */
export function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof process?.versions?.node === 'string';
}

/** The bytes of a wasm file of this package: a file read in Node, a fetch elsewhere. */
export async function readPackagedWasm(url: URL): Promise<WasmBytes> {
  if (isNode() && url.protocol === 'file:') {
    const fs = (await import(
      /* @vite-ignore */ nodeFsSpecifier
    )) as typeof import('node:fs/promises');
    try {
      return await fs.readFile(url);
    } catch (error) {
      throw new Error(
        `loadCore: cannot read ${url.pathname} (build it: npm run build -w @initscope/core-wasm): ${(error as Error).message}`,
      );
    }
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`loadCore: fetching ${url.href} failed with HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

// an AssemblyScript string: UTF-16 code units, byte length stored just before the pointer
function readString(memory: WasmMemory, ptr: number): string {
  if (!ptr) return '';
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0] as number;
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}
