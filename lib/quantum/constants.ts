/**
 * Named limits and tolerances of the quantum module.
 *
 * @module
 */

/** Most wires a circuit may have (a float32 state of 2^22 amplitudes is 32 MiB per tensor). */
export const MAX_WIRES = 22;

/**
 * Under `normalize`, a feature row whose squared norm is below this is embedded as the basis
 * state |0...0> with zero gradient, instead of dividing by (nearly) zero. The value keeps the
 * float32 gradient of `x / |x|` (which scales as |x|^-3 in intermediate terms) finite.
 */
export const MIN_SQUARED_NORM = 1e-20;

/** Without `normalize`, rows must have norm 1 within this (float32 features). */
export const NORM_TOLERANCE = 1e-4;

/** Up to this many wires, measurements reduce probabilities with one matmul. */
export const MATMUL_MEASURE_MAX_WIRES = 12;

/** Fused blocks on circuits up to this many wires span the whole register. */
export const FULL_FUSION_MAX_WIRES = 6;

/** On larger circuits, fused blocks act on at most this many wires. */
export const FUSION_BLOCK_WIRES = 4;
