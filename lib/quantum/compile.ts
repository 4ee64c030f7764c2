/**
 * Builder steps (the JSON form of a circuit) and their compilation into primitive operations.
 *
 * @module
 */
import { type GateName, GATES } from "./gates.ts";
import type { CompiledCircuit, GateOp, Measurement, Op, ShotsSpec } from "./ops.ts";
import { measurementWidth } from "./ops.ts";
import {
  angleEmbeddingOps,
  type Axis,
  basicEntanglerOps,
  basicEntanglerShape,
  type Rotation,
  stronglyEntanglingOps,
  stronglyEntanglingShape,
} from "./templates.ts";

/** One builder call, as stored in {@linkcode CircuitJSON}. */
export type Step =
  | { type: "amplitudeEmbedding"; normalize: boolean; padWith: number | null; features: number }
  | { type: "angleEmbedding"; rotation: Axis; wires: number[] }
  | { type: "basisEmbedding"; wires: number[] }
  | { type: "basicEntanglerLayers"; layers: number; rotation: Rotation; wires: number[] }
  | { type: "stronglyEntanglingLayers"; layers: number; ranges: number[]; wires: number[] }
  | { type: "gate"; name: GateName; wires: number[]; params: number[] | null };

/** The serialised form of a circuit (`Circuit.toJSON()`). */
export interface CircuitJSON {
  format: "hqc-circuit";
  version: 1;
  wires: number;
  steps: Step[];
  measurements: Measurement[];
  shots: ShotsSpec | null;
}

/** Compiles steps into primitive operations, weight blocks and sizes. */
export function compile(
  wires: number,
  { steps, measurements, shots }: {
    /** The circuit's steps in order. */
    steps: Step[];
    /** What is measured at the end. */
    measurements: Measurement[];
    /** Sampled measurements, or `null` for exact expectations. */
    shots: ShotsSpec | null;
  },
): CompiledCircuit {
  const ops: Op[] = [];
  const weightShapes: number[][] = [];
  let inputSize = 0;
  const all = [...Array(wires).keys()];
  steps.forEach((s, step) => {
    switch (s.type) {
      case "amplitudeEmbedding":
        ops.push({
          kind: "amplitude",
          wires: all,
          offset: inputSize,
          size: s.features,
          normalize: s.normalize,
          padWith: s.padWith,
          step,
        });
        inputSize += s.features;
        break;
      case "angleEmbedding":
        ops.push(...angleEmbeddingOps(s.wires, { axis: s.rotation, offset: inputSize, step }));
        inputSize += s.wires.length;
        break;
      case "basisEmbedding":
        ops.push({ kind: "basis", wires: s.wires, offset: inputSize, step });
        inputSize += s.wires.length;
        break;
      case "basicEntanglerLayers":
        ops.push(...basicEntanglerOps(s.wires, {
          layers: s.layers,
          rotation: s.rotation,
          block: weightShapes.length,
          step,
        }));
        weightShapes.push(basicEntanglerShape(s.layers, s.wires.length));
        break;
      case "stronglyEntanglingLayers":
        ops.push(...stronglyEntanglingOps(s.wires, {
          layers: s.layers,
          ranges: s.ranges,
          block: weightShapes.length,
          step,
        }));
        weightShapes.push(stronglyEntanglingShape(s.layers, s.wires.length));
        break;
      case "gate": {
        const count = GATES[s.name].params;
        const block = weightShapes.length;
        const params: GateOp["params"] = s.params === null
          ? Array.from({ length: count }, (_, index) => ({ kind: "weight", block, index }))
          : s.params.map((value) => ({ kind: "const", value }));
        if (s.params === null && count > 0) weightShapes.push([count]);
        ops.push({ kind: "gate", name: s.name, wires: s.wires, params, step });
        break;
      }
    }
  });
  const outputSize = measurements.reduce((a, m) => a + measurementWidth(m), 0);
  return { wires, ops, measurements, weightShapes, inputSize, outputSize, shots };
}

/** A short label for a step, used by the text and SVG drawings. */
export function stepLabel(s: Step): string {
  switch (s.type) {
    case "amplitudeEmbedding":
      return "AmplitudeEmbedding";
    case "angleEmbedding":
      return `AngleEmbedding(${s.rotation})`;
    case "basisEmbedding":
      return "BasisEmbedding";
    case "basicEntanglerLayers":
      return `BasicEntanglerLayers(${s.rotation})`;
    case "stronglyEntanglingLayers":
      return "StronglyEntanglingLayers";
    case "gate":
      return s.name;
  }
}
