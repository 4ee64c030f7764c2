/**
 * Builder steps (the JSON form of a circuit) and their compilation into primitive operations.
 *
 * @module
 */
import { type GateName, GATES } from "./gates.ts";
import type { CompiledCircuit, GateOp, Measurement, Op, ParamRef, ShotsSpec } from "./ops.ts";
import { measurementWidth } from "./ops.ts";
import { type ChannelName, CHANNELS } from "./noise.ts";
import {
  angleEmbeddingOps,
  type Axis,
  basicEntanglerOps,
  basicEntanglerShape,
  iqpEmbeddingOps,
  randomLayersArchitecture,
  randomLayersOps,
  type Rotation,
  stronglyEntanglingOps,
  stronglyEntanglingShape,
} from "./templates.ts";

/**
 * A gate parameter as given to the builder: a constant, the name of a named trainable
 * parameter (all named parameters form one weight block; a name used twice is one weight), or
 * an input column.
 */
export type GateParam = number | string | { input: number };

/** One builder call, as stored in {@linkcode CircuitJSON}. */
export type Step =
  | { type: "amplitudeEmbedding"; normalize: boolean; padWith: number | null; features: number }
  | { type: "angleEmbedding"; rotation: Axis; wires: number[]; offset?: number }
  | {
    type: "iqpEmbedding";
    wires: number[];
    repeats: number;
    pattern: [number, number][];
    offset?: number;
  }
  | {
    type: "randomLayers";
    layers: number;
    rotations: number;
    ratioImprim: number;
    gates: Rotation[];
    seed: number;
    wires: number[];
  }
  | { type: "noise"; channel: ChannelName; wires: number[]; param: number }
  | { type: "basisEmbedding"; wires: number[] }
  | { type: "basicEntanglerLayers"; layers: number; rotation: Rotation; wires: number[] }
  | { type: "stronglyEntanglingLayers"; layers: number; ranges: number[]; wires: number[] }
  | { type: "gate"; name: GateName; wires: number[]; params: GateParam[] | null };

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
  const names = new Map<string, number>();
  let namedBlock: number | null = null;
  const named = (name: string): ParamRef => {
    if (namedBlock === null) {
      namedBlock = weightShapes.length;
      weightShapes.push([0]);
    }
    let index = names.get(name);
    if (index === undefined) {
      index = names.size;
      names.set(name, index);
      weightShapes[namedBlock]![0] = names.size;
    }
    return { kind: "weight", block: namedBlock, index };
  };
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
      case "angleEmbedding": {
        const offset = s.offset ?? inputSize;
        ops.push(...angleEmbeddingOps(s.wires, { axis: s.rotation, offset, step }));
        inputSize = Math.max(inputSize, offset + s.wires.length);
        break;
      }
      case "iqpEmbedding": {
        const offset = s.offset ?? inputSize;
        ops.push(
          ...iqpEmbeddingOps(s.wires, { repeats: s.repeats, pattern: s.pattern, offset, step }),
        );
        inputSize = Math.max(inputSize, offset + s.wires.length);
        break;
      }
      case "randomLayers": {
        const arch = randomLayersArchitecture(s.wires, s);
        ops.push(...randomLayersOps(arch, { block: weightShapes.length, step }));
        weightShapes.push([s.layers, s.rotations]);
        break;
      }
      case "noise":
        for (const wire of s.wires) {
          ops.push({ kind: "noise", channel: s.channel, wire, param: s.param, step });
        }
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
          : s.params.map((value): ParamRef => {
            if (typeof value === "number") return { kind: "const", value };
            if (typeof value === "string") return named(value);
            inputSize = Math.max(inputSize, value.input + 1);
            return { kind: "input", index: value.input };
          });
        if (s.params === null && count > 0) weightShapes.push([count]);
        ops.push({ kind: "gate", name: s.name, wires: s.wires, params, step });
        break;
      }
    }
  });
  const outputSize = measurements.reduce((a, m) => a + measurementWidth(m), 0);
  return {
    wires,
    ops,
    measurements,
    weightShapes,
    inputSize,
    outputSize,
    shots,
    parameterNames: [...names.keys()],
    namedBlock,
  };
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
    case "iqpEmbedding":
      return "IQPEmbedding";
    case "randomLayers":
      return "RandomLayers";
    case "noise":
      return `${CHANNELS[s.channel].label}(${s.param})`;
    case "gate":
      return s.name;
  }
}
