/** One layer's statistics in plain JS, as the JS peers compute them per layer: sim's reference. */
export { layerStatsOf } from '@initscope/sim/reference';
