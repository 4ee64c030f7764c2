/**
 * A batched, differentiable statevector simulator on tfjs tensors and a tfjs layer around it:
 * PennyLane's embeddings, templates and measurements with PennyLane's wire order (wire 0 is
 * the most significant bit), drawing to text and SVG, JSON and OpenQASM 2.0 export.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { deepEqual as assertEquals } from "node:assert/strict";
 * import { Circuit } from "./mod.ts";
 * const c = new Circuit(4)
 *   .amplitudeEmbedding({ normalize: true })
 *   .basicEntanglerLayers(2)
 *   .expval("Z");
 * assertEquals(c.weightShapes(), [[2, 4]]);
 * const y = c.run(tf.ones([8, 16]), [tf.zeros([2, 4])]);
 * assertEquals(y.shape, [8, 4]);
 * ```
 *
 * @module
 */
export { Circuit, type RunOptions } from "./circuit.ts";
export { type AmplitudeEmbeddingOptions, CircuitBuilder } from "./builder.ts";
export type { CircuitJSON, Step } from "./compile.ts";
export { QuantumLayer, type QuantumLayerArgs } from "./layer.ts";
export { PAPER_LAYERS, PAPER_WIRES, paperCircuit } from "./paper.ts";
export { type GateInfo, type GateName, GATES } from "./gates.ts";
export type { Measurement, Pauli, ShotsSpec } from "./ops.ts";
export type { Axis, Rotation } from "./templates.ts";
export type { Fusion } from "./simulator.ts";
export type { DrawOptions } from "./draw.ts";
export type { SVGOptions } from "./svg.ts";
export { float64Run, float64State } from "./float64_simulator.ts";
export { MAX_WIRES, MIN_SQUARED_NORM, NORM_TOLERANCE } from "./constants.ts";
