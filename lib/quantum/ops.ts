/**
 * The compiled form of a circuit: a flat list of primitive operations whose parameters point
 * into constants, weight blocks or input columns, and the measurements. Templates and
 * embeddings compile to this; simulators only read it.
 *
 * @module
 */
import type { GateName } from "./gates.ts";
import type { ChannelName } from "./noise.ts";

/** Where a gate parameter comes from. */
export type ParamRef =
  | { kind: "const"; value: number }
  | { kind: "weight"; block: number; index: number }
  | {
    kind: "input";
    index: number;
    /** When set, the value is `input[index] * input[times]` (IQPEmbedding's entanglers). */
    times?: number;
  };

/** One primitive gate; wires list controls first. */
export interface GateOp {
  kind: "gate";
  name: GateName;
  wires: number[];
  params: ParamRef[];
  /** Index of the builder step this gate came from (for drawing). */
  step: number;
}

/** State preparation from input columns `[offset, offset + size)` on all wires. */
export interface AmplitudeOp {
  kind: "amplitude";
  wires: number[];
  offset: number;
  size: number;
  normalize: boolean;
  padWith: number | null;
  step: number;
}

/** PauliX on each wire whose input bit (columns `[offset, offset + wires.length)`) is 1. */
export interface BasisOp {
  kind: "basis";
  wires: number[];
  offset: number;
  step: number;
}

/** A noise channel on one wire (simulated with a density matrix). */
export interface NoiseOp {
  kind: "noise";
  channel: ChannelName;
  wire: number;
  /** The channel's probability or damping parameter (p or gamma). */
  param: number;
  step: number;
}

/** Any compiled operation. */
export type Op = GateOp | AmplitudeOp | BasisOp | NoiseOp;

/** Single-letter Pauli observables. */
export type Pauli = "X" | "Y" | "Z";

/** A measurement; outputs are concatenated in the order measurements were added. */
export type Measurement =
  | { type: "expval"; pauli: Pauli; wires: number[] }
  | { type: "var"; pauli: Pauli; wires: number[] }
  | { type: "expvalPauli"; word: string; wires: number[] }
  | { type: "probs"; wires: number[] };

/** Number of output columns a measurement contributes. */
export function measurementWidth(m: Measurement): number {
  if (m.type === "expval" || m.type === "var") return m.wires.length;
  if (m.type === "expvalPauli") return 1;
  return 2 ** m.wires.length;
}

/** Finite-shot sampling settings. */
export interface ShotsSpec {
  shots: number;
  seed: number;
}

/** Everything a simulator needs to run a circuit. */
export interface CompiledCircuit {
  wires: number;
  ops: Op[];
  measurements: Measurement[];
  weightShapes: number[][];
  inputSize: number;
  outputSize: number;
  shots: ShotsSpec | null;
  /** Names of named trainable parameters (gate parameters given as strings), by index. */
  parameterNames: string[];
  /** The weight block holding the named parameters, or null when there are none. */
  namedBlock: number | null;
}

/** True when the circuit has noise channels (and so needs a density matrix). */
export function isNoisy(c: CompiledCircuit): boolean {
  return c.ops.some((o) => o.kind === "noise");
}

/** True when a gate's parameters do not depend on the input row. */
export function isInputIndependent(op: Op): op is GateOp {
  return op.kind === "gate" && op.params.every((p) => p.kind !== "input");
}
