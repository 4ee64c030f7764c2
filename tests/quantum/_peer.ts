// Shared helpers for comparing with the independent simulator, the npm package quantum-circuit.
import QuantumCircuit from "quantum-circuit";
import type { GateName } from "../../lib/quantum/mod.ts";
import type { CompiledCircuit } from "../../lib/quantum/ops.ts";
import { paramValue } from "../../lib/quantum/float64_simulator.ts";

const PEER_NAMES: Partial<Record<GateName, string>> = {
  RX: "rx",
  RY: "ry",
  RZ: "rz",
  PhaseShift: "u1",
  Hadamard: "h",
  PauliX: "x",
  PauliY: "y",
  PauliZ: "z",
  S: "s",
  T: "t",
  CNOT: "cx",
  CZ: "cz",
  CRX: "crx",
  CRY: "cry",
  CRZ: "crz",
  SWAP: "swap",
};

export type Peer = InstanceType<typeof QuantumCircuit>;

/** Adds our gate to a quantum-circuit circuit; its wire q is our wire n - 1 - q. */
export function addPeerGate(
  qc: Peer,
  n: number,
  name: GateName,
  wires: number[],
  params: number[],
): void {
  const q = wires.map((w) => n - 1 - w);
  if (name === "Rot") {
    for (const [g, v] of [["rz", params[0]], ["ry", params[1]], ["rz", params[2]]] as const) {
      addPeerGate(qc, n, g === "rz" ? "RZ" : "RY", wires, [v!]);
    }
    return;
  }
  if (name === "MultiRZ") {
    // exp(-i theta/2 Z Z) = CNOT, RZ(theta) on the target, CNOT
    addPeerGate(qc, n, "CNOT", wires, []);
    addPeerGate(qc, n, "RZ", [wires[1]!], params);
    addPeerGate(qc, n, "CNOT", wires, []);
    return;
  }
  const peerName = PEER_NAMES[name]!;
  const names: string[] = qc.basicGates[peerName].params ?? [];
  const options = { params: Object.fromEntries(names.map((p, i) => [p, params[i]])) };
  qc.addGate(peerName, -1, q.length === 1 ? q[0] : q, options);
}

/** The peer's statevector as interleaved [re, im] (indices agree once wires are mirrored). */
export function peerState(qc: Peer, n: number, initial?: number[]): Float64Array {
  qc.run(null, initial ? { initialState: initial } : {});
  const out = new Float64Array(2 << n);
  for (const [key, amp] of Object.entries(qc.state as Record<string, { re: number; im: number }>)) {
    out[2 * Number(key)] = amp.re;
    out[2 * Number(key) + 1] = amp.im;
  }
  return out;
}

/**
 * The peer circuit of a compiled circuit's gates for one input row (no embeddings other than
 * gates; amplitude embeddings go in as the peer's initial state).
 */
export function peerFromCompiled(
  c: CompiledCircuit,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): Peer {
  const qc = new QuantumCircuit(c.wires);
  for (const op of c.ops) {
    if (op.kind !== "gate") {
      throw new TypeError(`Expected only gates but found ${op.kind}: use gate-only circuits`);
    }
    addPeerGate(
      qc,
      c.wires,
      op.name,
      op.wires,
      op.params.map((p) => paramValue(p, input, weights)),
    );
  }
  return qc;
}

/** The peer's basis-state probabilities in our index order. */
export function peerProbabilities(qc: Peer, n: number, initial?: number[]): number[] {
  const s = peerState(qc, n, initial);
  return Array.from({ length: 2 ** n }, (_, i) => s[2 * i]! ** 2 + s[2 * i + 1]! ** 2);
}
