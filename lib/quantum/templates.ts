/**
 * Templates and embeddings as declarative decompositions into primitive gates, following
 * PennyLane: they validate their arguments, know their weight shape and know nothing about
 * simulation.
 *
 * @module
 */
import type { GateName } from "./gates.ts";
import type { GateOp, ParamRef } from "./ops.ts";

/** Rotation gate of {@linkcode basicEntanglerOps}. */
export type Rotation = "RX" | "RY" | "RZ";
/** Rotation axis of {@linkcode angleEmbeddingOps}. */
export type Axis = "X" | "Y" | "Z";

function weight(block: number, index: number): ParamRef {
  return { kind: "weight", block, index };
}

function cnot(a: number, b: number, step: number): GateOp {
  return { kind: "gate", name: "CNOT", wires: [a, b], params: [], step };
}

/** Weight shape of BasicEntanglerLayers: `[layers, wires]`. */
export function basicEntanglerShape(layers: number, wires: number): number[] {
  return [layers, wires];
}

/**
 * BasicEntanglerLayers: per layer, `rotation(weights[l][i])` on each wire, then a CNOT ring:
 * none on 1 wire, CNOT(w0, w1) only on 2 wires, CNOT(w_i, w_{(i+1) mod n}) for all i beyond.
 */
export function basicEntanglerOps(
  wires: number[],
  { layers, rotation, block, step }: {
    /** Number of layers. */
    layers: number;
    /** The rotation gate of every wire. */
    rotation: Rotation;
    /** Index of the weight block the angles come from. */
    block: number;
    /** Index of the circuit step the gates belong to. */
    step: number;
  },
): GateOp[] {
  const n = wires.length;
  const ops: GateOp[] = [];
  for (let l = 0; l < layers; l++) {
    wires.forEach((w, i) =>
      ops.push({
        kind: "gate",
        name: rotation,
        wires: [w],
        params: [weight(block, l * n + i)],
        step,
      })
    );
    if (n === 2) ops.push(cnot(wires[0]!, wires[1]!, step));
    else if (n > 2) wires.forEach((w, i) => ops.push(cnot(w, wires[(i + 1) % n]!, step)));
  }
  return ops;
}

/** Weight shape of StronglyEntanglingLayers: `[layers, wires, 3]`. */
export function stronglyEntanglingShape(layers: number, wires: number): number[] {
  return [layers, wires, 3];
}

/** PennyLane's default ranges: `(l mod (n - 1)) + 1` per layer, or 0 on one wire. */
export function defaultRanges(layers: number, wires: number): number[] {
  return Array.from({ length: layers }, (_, l) => (wires > 1 ? (l % (wires - 1)) + 1 : 0));
}

/**
 * Checks StronglyEntanglingLayers ranges with PennyLane's rules.
 *
 * @throws {RangeError} When the length differs from `layers` or a range is zero or a multiple of the wire count.
 */
export function validateRanges(ranges: number[], layers: number, wires: number): void {
  if (ranges.length !== layers) {
    throw new RangeError(
      `Range sequence must be of length ${layers} but found ${ranges.length}: pass one range per layer`,
    );
  }
  if (wires === 1) return;
  const bad = ranges.find((r) => !Number.isInteger(r) || r % wires === 0);
  if (bad !== undefined) {
    throw new RangeError(
      `Ranges must not be zero nor divisible by the number of wires (${wires}) but found ${bad}: use ranges in 1..${
        wires - 1
      }`,
    );
  }
}

/**
 * StronglyEntanglingLayers: per layer, `Rot(w[l][i][0], w[l][i][1], w[l][i][2])` on each wire,
 * then (on more than one wire) CNOT(w_i, w_{(i + r_l) mod n}) for every i.
 */
export function stronglyEntanglingOps(
  wires: number[],
  { layers, ranges, block, step }: {
    /** Number of layers. */
    layers: number;
    /** CNOT range of each layer. */
    ranges: number[];
    /** Index of the weight block the angles come from. */
    block: number;
    /** Index of the circuit step the gates belong to. */
    step: number;
  },
): GateOp[] {
  const n = wires.length;
  const ops: GateOp[] = [];
  for (let l = 0; l < layers; l++) {
    wires.forEach((w, i) => {
      const base = (l * n + i) * 3;
      ops.push({
        kind: "gate",
        name: "Rot",
        wires: [w],
        params: [0, 1, 2].map((k) => weight(block, base + k)),
        step,
      });
    });
    if (n > 1) wires.forEach((w, i) => ops.push(cnot(w, wires[(i + ranges[l]!) % n]!, step)));
  }
  return ops;
}

/** AngleEmbedding: `R{axis}(x_i)` on wire i, parameters read from input columns `offset + i`. */
export function angleEmbeddingOps(
  wires: number[],
  { axis, offset, step }: {
    /** Rotation axis. */
    axis: Axis;
    /** First input column read. */
    offset: number;
    /** Index of the circuit step the gates belong to. */
    step: number;
  },
): GateOp[] {
  const name = `R${axis}` as GateName;
  return wires.map((w, i) => ({
    kind: "gate",
    name,
    wires: [w],
    params: [{ kind: "input", index: offset + i }],
    step,
  }));
}
