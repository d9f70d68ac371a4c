// The few WebAssembly types core-wasm's API names, declared here so that its type declarations
// compile for a consumer without the DOM lib (lib ES2023 + types node). The real objects
// (WebAssembly.Memory, Instance, Module) fit these shapes.

/** What core-wasm reads of a `WebAssembly.Memory`. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(delta: number): number;
}

/** What core-wasm reads of a `WebAssembly.Instance`. */
export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

/** A compiled `WebAssembly.Module` (opaque here). */
export type WasmModule = object;

/** The module's bytes (`BufferSource`). */
export type WasmBytes = ArrayBuffer | ArrayBufferView;
