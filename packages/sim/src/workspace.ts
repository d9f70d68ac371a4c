import type { Core, F32Block } from '@initscope/core-wasm';
import type { ResolvedSweepConfig } from './config.js';
import { bufferSizes, keepsInput, sharedBudget } from './memory.js';
import { inputStream } from './streams.js';

/**
 * The buffers a sweep needs, allocated once and reused by every run (sized by `bufferSizes`, counted by `runBuffers` in memory.ts):
 * two layer buffers (in, out), one weight matrix, the biases, and for the backward pass every layer's
 * pre-activations plus δ, its back-propagated product and the weight gradient. When a sweep has
 * several runs and the matrices are small, it also keeps what runs share: X, the standard weight draws
 * and layer 1's X·W (common random numbers: every initializer scales the same draws).
 */
export class Workspace {
  readonly #core: Core;
  readonly #blocks: F32Block[] = [];
  readonly #config: ResolvedSweepConfig;
  readonly #shared = new Map<string, F32Block>();
  readonly #share: boolean;
  #sharedValues = 0;
  /** X ~ N(0, 1) kept for every run of the sweep, or undefined when each run draws it again. */
  readonly input: F32Block | undefined;
  readonly layers: [F32Block, F32Block];
  readonly weights: F32Block;
  readonly bias: F32Block | undefined;
  /** Pre-activations A^l of every layer (index l − 1), with gradients only. */
  readonly pre: F32Block[] = [];
  readonly delta: F32Block | undefined;
  readonly product: F32Block | undefined;
  readonly weightGrad: F32Block | undefined;

  constructor(core: Core, config: ResolvedSweepConfig, runs: number) {
    this.#core = core;
    this.#config = config;
    const { samples, widths } = config;
    const { layerValues, weightValues } = bufferSizes(config);
    this.#share = runs > 1 && keepsInput(config);
    this.input = this.#share ? this.#alloc(samples * (widths[0] as number)) : undefined;
    this.layers = [this.#alloc(layerValues), this.#alloc(layerValues)];
    this.weights = this.#alloc(weightValues);
    this.bias = config.biasStd > 0 ? this.#alloc(Math.max(...widths)) : undefined;
    if (config.gradients) {
      for (let l = 1; l < widths.length; l++) {
        this.pre.push(this.#alloc(samples * (widths[l] as number)));
      }
      this.delta = this.#alloc(layerValues);
      this.product = this.#alloc(layerValues);
      this.weightGrad = this.#alloc(weightValues);
    }
    if (this.input) core.normalInto(this.input, config.seed, inputStream, 1);
  }

  #alloc(length: number): F32Block {
    const block = this.#core.alloc(length);
    this.#blocks.push(block);
    return block;
  }

  /** X for one run: the shared input, or freshly drawn into `into` (same values either way). */
  inputFor(into: F32Block): F32Block {
    if (this.input) return this.input;
    const x = this.#core.view(into, this.#config.samples * (this.#config.widths[0] as number));
    this.#core.normalInto(x, this.#config.seed, inputStream, 1);
    return x;
  }

  /** True when the sweep keeps shared matrices (several runs, small enough). */
  get shares(): boolean {
    return this.#share;
  }

  /**
   * A matrix every run of the sweep computes the same way, kept under `key` after `fill` first
   * computes it; without sharing, `fill` writes into `fallback` every time.
   */
  shared(key: string, length: number, fallback: F32Block, fill: (out: F32Block) => void): F32Block {
    const kept = this.#shared.get(key);
    if (kept) return kept;
    if (!this.#share || this.#sharedValues + length > sharedBudget) {
      const out = this.#core.view(fallback, length);
      fill(out);
      return out;
    }
    const out = this.#alloc(length);
    this.#sharedValues += length;
    fill(out);
    this.#shared.set(key, out);
    return out;
  }

  /** Returns every buffer to the core. */
  free(): void {
    for (const block of this.#blocks) this.#core.free(block);
    this.#blocks.length = 0;
    this.#shared.clear();
  }
}
