/**
 * Named limits and tolerances of the quantum module.
 *
 * @module
 */

/** Most wires a circuit may have (a float32 state of 2^22 amplitudes is 32 MiB per tensor). */
export const MAX_WIRES = 22;

/**
 * Under `normalize`, a feature row whose squared norm is below this is embedded as the
 * normalised `x + e0`, that is |0...0> (to within 1e-6), with the finite gradient the circuit
 * has at |0...0>, instead of dividing by (nearly) zero. Normalisation divides measured
 * probabilities by the squared norm, whose own square must stay a normal float32 (> 1e-38)
 * for the gradient: 1e-12 leaves ample room.
 */
export const MIN_SQUARED_NORM = 1e-12;

/** Without `normalize`, rows must have norm 1 within this (float32 features). */
export const NORM_TOLERANCE = 1e-4;

/**
 * From this many wires on, Z expectations marginalise the two halves of the basis index before
 * multiplying by sign matrices, which keeps those matrices at about 2^(wires/2) rows.
 */
export const SPLIT_MEASURE_MIN_WIRES = 9;

/** Fused blocks on circuits up to this many wires span the whole register. */
export const FULL_FUSION_MAX_WIRES = 5;

/** On larger circuits, fused blocks act on at most this many wires. */
export const FUSION_BLOCK_WIRES = 4;

/**
 * The whole-circuit kernel (`fusion: "kernel"`) builds the full 2^n x 2^n unitary, which costs
 * about as much as the batch itself when 2^n <= batch; it runs up to this many wires then (and
 * up to `FULL_FUSION_MAX_WIRES` wires at any batch size, where the adjoint path builds the same
 * unitary anyway).
 */
export const KERNEL_MAX_WIRES = 10;

/**
 * Most wires of a density-matrix simulation (circuits with noise channels): rho is held as
 * 2 * 4^n float32 numbers per row, 8 MiB per row at 10 wires.
 */
export const DENSITY_MAX_WIRES = 10;
