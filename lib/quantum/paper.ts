/**
 * The circuit of the paper's hybrid model (listing 1 of arXiv:2509.13353).
 *
 * @module
 */
import { Circuit } from "./circuit.ts";

/** Qubits of the paper's circuit. */
export const PAPER_WIRES = 4;
/** BasicEntanglerLayers of the paper's circuit. */
export const PAPER_LAYERS = 2;

/**
 * The paper's circuit: 4 wires, AmplitudeEmbedding of 16 features (normalised), two
 * BasicEntanglerLayers with RX rotations and a CNOT ring, Pauli-Z expectation on each wire.
 *
 * @returns A new circuit with `inputSize` 16, `outputSize` 4 and `weightShapes()` `[[2, 4]]`.
 *
 * @example
 * ```ts
 * import { deepEqual as assertEquals } from "node:assert/strict";
 * assertEquals(paperCircuit().weightShapes(), [[2, 4]]);
 * ```
 */
export function paperCircuit(): Circuit {
  return new Circuit(PAPER_WIRES)
    .amplitudeEmbedding({ normalize: true })
    .basicEntanglerLayers(PAPER_LAYERS, { rotation: "RX" })
    .expval("Z");
}
