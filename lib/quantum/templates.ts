/**
 * Templates and embeddings as declarative decompositions into primitive gates, following
 * PennyLane: they validate their arguments, know their weight shape and know nothing about
 * simulation.
 *
 * @module
 */
import type { GateName } from "./gates.ts";
import type { GateOp, ParamRef } from "./ops.ts";
import { stream } from "../random/mod.ts";

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

/** PennyLane's default IQPEmbedding pattern: every pair of wires, in `combinations` order. */
export function defaultPattern(wires: number[]): [number, number][] {
  const out: [number, number][] = [];
  wires.forEach((a, i) => wires.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}

/**
 * IQPEmbedding, as PennyLane decomposes it: per repeat, Hadamard then RZ(x_i) on each
 * `wires[i]`, then MultiRZ(x_i * x_j) on each pattern pair, where i and j are the positions
 * of the pair's wires in `wires`.
 */
export function iqpEmbeddingOps(
  wires: number[],
  { repeats, pattern, offset, step }: {
    /** Times the embedding is repeated. */
    repeats: number;
    /** Wire pairs of the MultiRZ entanglers. */
    pattern: [number, number][];
    /** First input column read. */
    offset: number;
    /** Index of the circuit step the gates belong to. */
    step: number;
  },
): GateOp[] {
  const ops: GateOp[] = [];
  for (let r = 0; r < repeats; r++) {
    wires.forEach((w, i) => {
      ops.push({ kind: "gate", name: "Hadamard", wires: [w], params: [], step });
      ops.push({
        kind: "gate",
        name: "RZ",
        wires: [w],
        params: [{ kind: "input", index: offset + i }],
        step,
      });
    });
    for (const [a, b] of pattern) {
      ops.push({
        kind: "gate",
        name: "MultiRZ",
        wires: [a, b],
        params: [{
          kind: "input",
          index: offset + wires.indexOf(a),
          times: offset + wires.indexOf(b),
        }],
        step,
      });
    }
  }
  return ops;
}

/** One gate of a RandomLayers architecture: a rotation with its weight column, or a CNOT. */
export type RandomGate = { rotation: Rotation; wire: number; index: number } | {
  cnot: [number, number];
};

/**
 * The architecture RandomLayers draws, with PennyLane's rules: per layer, until `rotations`
 * rotations are placed, a uniform draw above `ratioImprim` places a rotation chosen uniformly
 * from `gates` on a uniformly chosen wire (taking the next weight), otherwise a CNOT on two
 * distinct uniformly chosen wires (none on one wire). The stream is the project's seeded
 * generator, so the same seed gives the same circuit here, not PennyLane's numpy draws.
 */
export function randomLayersArchitecture(
  wires: number[],
  { layers, rotations, ratioImprim, gates, seed }: {
    /** Number of layers. */
    layers: number;
    /** Rotations (weights) per layer. */
    rotations: number;
    /** A uniform draw above this places a rotation, otherwise a CNOT. */
    ratioImprim: number;
    /** Rotation gates to draw from. */
    gates: Rotation[];
    /** Seed of the architecture (stream "random-layers"). */
    seed: number;
  },
): RandomGate[][] {
  const random = stream(seed, "random-layers");
  const pick = <T>(xs: T[]): T => xs[Math.min(xs.length - 1, Math.floor(random() * xs.length))]!;
  const out: RandomGate[][] = [];
  for (let l = 0; l < layers; l++) {
    const layer: RandomGate[] = [];
    let i = 0;
    while (i < rotations) {
      if (random() > ratioImprim) {
        layer.push({ rotation: pick(gates), wire: pick(wires), index: l * rotations + i });
        i++;
      } else if (wires.length > 1) {
        const a = pick(wires);
        const b = pick(wires.filter((w) => w !== a));
        layer.push({ cnot: [a, b] });
      }
    }
    out.push(layer);
  }
  return out;
}

/** RandomLayers as primitive gates (weights `[layers, rotations]`, one block). */
export function randomLayersOps(
  architecture: RandomGate[][],
  { block, step }: {
    /** Index of the weight block the angles come from. */
    block: number;
    /** Index of the circuit step the gates belong to. */
    step: number;
  },
): GateOp[] {
  return architecture.flat().map((g) =>
    "cnot" in g
      ? cnot(g.cnot[0], g.cnot[1], step)
      : { kind: "gate", name: g.rotation, wires: [g.wire], params: [weight(block, g.index)], step }
  );
}
