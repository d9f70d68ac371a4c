import type { Core, F32Block } from '@initscope/core-wasm';
import type { WeightDraw } from './initializers.js';
import { orthogonalWeights } from './orthogonal.js';

/** True when a draw is σ times standard draws, so the kernel can apply σ (`scale`) to shared draws. */
export function isScaledDraw(
  draw: WeightDraw,
): draw is Extract<WeightDraw, { kind: 'normal' | 'truncated-normal' }> {
  return draw.kind === 'normal' || draw.kind === 'truncated-normal';
}

/** Fills `out` with the standard (σ = 1) draws of a scaled draw's stream. */
export function drawStandard(
  core: Core,
  kind: 'normal' | 'truncated-normal',
  out: F32Block,
  seed: number,
  stream: number,
): void {
  if (kind === 'normal') core.normalInto(out, seed, stream, 1);
  else core.truncatedNormalInto(out, seed, stream, 1);
}

/**
 * Fills `out` (fanIn × fanOut, row-major) with one layer's weights drawn from (seed, stream) and
 * returns the scale the layer's kernel applies to x·out. Normal and truncated-normal weights are
 * stored as standard draws z and scaled in the kernel (act(σ·(x·z))), so initializers that differ
 * only in σ share the same draws; every other kind is stored as is, with scale 1.
 */
export function drawWeights(
  core: Core,
  draw: WeightDraw,
  out: F32Block,
  fanIn: number,
  fanOut: number,
  seed: number,
  stream: number,
): number {
  switch (draw.kind) {
    case 'normal':
    case 'truncated-normal':
      drawStandard(core, draw.kind, out, seed, stream);
      return draw.std;
    case 'uniform':
      core.uniformInto(out, seed, stream, draw.lo, draw.hi);
      return 1;
    case 'orthogonal': {
      core.normalInto(out, seed, stream, 1);
      out.array.set(orthogonalWeights(out.array, fanIn, fanOut, draw.gain));
      return 1;
    }
    case 'constant':
      out.array.fill(draw.value);
      return 1;
  }
}
