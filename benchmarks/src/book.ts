import {
  bookActivations,
  bookInits,
  defaultBins,
  defaultLayers,
  defaultSamples,
  defaultWidth,
  parseInit,
  weightSecondMoment,
} from '@initscope/sim';

/** The book's three activations, the ones every engine implements. */
export type BookActivation = (typeof bookActivations)[number];

/** σ of an initializer id for a square layer of `width` (the book's inits are all plain normals). */
export function bookStd(init: string, width: number): number {
  const draw = parseInit(init).draw(width, width, { activation: 'linear' });
  return Math.sqrt(weightSecondMoment(draw, width, width));
}

/** The book's §6.2 sweep: every activation × the book's four initializers, 5 layers of 100, X (1000, 100). */
export interface BookSweep {
  activations: readonly BookActivation[];
  inits: readonly string[];
  layers: number;
  width: number;
  samples: number;
  bins: number;
}

/** The sweep every engine runs in the `sweep` suite (sim's defaults). */
export const bookSweep: BookSweep = {
  activations: bookActivations,
  inits: bookInits,
  layers: defaultLayers,
  width: defaultWidth,
  samples: defaultSamples,
  bins: defaultBins,
};

/** Napkin numbers of one sweep: what any engine has to compute. */
export interface SweepWork {
  runs: number;
  layers: number;
  /** 2·samples·width² per layer. */
  flop: number;
  /** N(0, 1) draws: X once, then every layer's weights. */
  normals: number;
  /** Post-activation values: activated once, then two statistics passes each. */
  values: number;
  /** Least bytes: per layer read x and w, write z (f32), then read z twice for statistics. */
  bytes: number;
}

/** The work of `sweep`. */
export function sweepWork(sweep: BookSweep = bookSweep): SweepWork {
  const runs = sweep.activations.length * sweep.inits.length;
  const layers = runs * sweep.layers;
  const { samples, width } = sweep;
  const perLayerBytes =
    4 * (samples * width + width * width + samples * width + 2 * samples * width);
  return {
    runs,
    layers,
    flop: layers * 2 * samples * width * width,
    normals: samples * width + layers * width * width,
    values: layers * samples * width,
    bytes: layers * perLayerBytes,
  };
}

/** Matrix products (samples, width)·(width, width) and N(0, 1) draws of one sweep, as an engine runs it. */
export interface SweepCounts {
  products: number;
  normals: number;
}

/** The peers: X once, then every run draws its own weights and multiplies every layer. */
export function peerSweepCounts(sweep: BookSweep = bookSweep): SweepCounts {
  const runs = sweep.activations.length * sweep.inits.length;
  return {
    products: runs * sweep.layers,
    normals: sweep.samples * sweep.width + runs * sweep.layers * sweep.width ** 2,
  };
}

/**
 * initscope's `sweep()`: X and one standard draw per layer serve every run (each initializer scales
 * the same draws: common random numbers), and layer 1's X·W is multiplied once for all runs.
 */
export function sharedSweepCounts(sweep: BookSweep = bookSweep): SweepCounts {
  const runs = sweep.activations.length * sweep.inits.length;
  return {
    products: 1 + runs * (sweep.layers - 1),
    normals: sweep.samples * sweep.width + sweep.layers * sweep.width ** 2,
  };
}

/** One `simulate()` per run: nothing shared, every run draws its X and weights and multiplies every layer. */
export function independentSweepCounts(sweep: BookSweep = bookSweep): SweepCounts {
  const runs = sweep.activations.length * sweep.inits.length;
  return {
    products: runs * sweep.layers,
    normals: runs * (sweep.samples * sweep.width + sweep.layers * sweep.width ** 2),
  };
}
