// Agreement with an independent simulator, the npm package quantum-circuit, on random circuits.
//
// Our float64 reference simulator shares the gate definitions with the tfjs simulator, so it
// is compared with quantum-circuit to PEER_TOLERANCE (1e-6); the float32 tfjs simulator is
// then compared with both to FLOAT32_TOLERANCE (float32 rounding over a few dozen gates).
import * as tf from "@tensorflow/tfjs";
import { ok } from "node:assert/strict";
import QuantumCircuit from "quantum-circuit";
import { Circuit, float64State, type GateName, GATES } from "../../lib/quantum/mod.ts";
import type { GateOp } from "../../lib/quantum/ops.ts";
import { FLOAT32_TOLERANCE, maxDiff, randomMatrix, rng, useBackend, values } from "./_helpers.ts";

/** Required agreement between our float64 simulator and quantum-circuit (the 1e-6). */
const PEER_TOLERANCE = 1e-6;

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

type Peer = InstanceType<typeof QuantumCircuit>;

/** Adds our gate to a quantum-circuit circuit; its wire q is our wire n - 1 - q. */
function addPeerGate(qc: Peer, n: number, name: GateName, wires: number[], params: number[]): void {
  const q = wires.map((w) => n - 1 - w);
  if (name === "Rot") {
    for (const [g, v] of [["rz", params[0]], ["ry", params[1]], ["rz", params[2]]] as const) {
      addPeerGate(qc, n, g === "rz" ? "RZ" : "RY", wires, [v!]);
    }
    return;
  }
  const peerName = PEER_NAMES[name]!;
  const names: string[] = qc.basicGates[peerName].params ?? [];
  const options = { params: Object.fromEntries(names.map((p, i) => [p, params[i]])) };
  qc.addGate(peerName, -1, q.length === 1 ? q[0] : q, options);
}

/** The peer's statevector as interleaved [re, im] (indices agree once wires are mirrored). */
function peerState(qc: Peer, n: number, initial?: number[]): Float64Array {
  qc.run(null, initial ? { initialState: initial } : {});
  const out = new Float64Array(2 << n);
  for (const [key, amp] of Object.entries(qc.state as Record<string, { re: number; im: number }>)) {
    out[2 * Number(key)] = amp.re;
    out[2 * Number(key) + 1] = amp.im;
  }
  return out;
}

function randomCircuit(
  n: number,
  depth: number,
  random: () => number,
): { circuit: Circuit; peer: Peer } {
  const names = (Object.keys(GATES) as GateName[]).filter((g) => GATES[g].wires <= n);
  const circuit = new Circuit(n).amplitudeEmbedding({ normalize: true });
  const peer = new QuantumCircuit(n);
  for (let i = 0; i < depth; i++) {
    const name = names[Math.floor(random() * names.length)]!;
    const wires = [...Array(n).keys()].sort(() => random() - 0.5).slice(0, GATES[name].wires);
    const params = Array.from({ length: GATES[name].params }, () => (random() - 0.5) * 4 * Math.PI);
    circuit.gate(name, wires, params);
    addPeerGate(peer, n, name, wires, params);
  }
  return { circuit: circuit.probs().expval("X").expval("Y"), peer };
}

Deno.test("float64State() agrees with quantum-circuit on random circuits of 1 to 6 wires", () => {
  const random = rng(7);
  for (let n = 1; n <= 6; n++) {
    for (let trial = 0; trial < 4; trial++) {
      const { circuit, peer } = randomCircuit(n, 6 + 4 * n, random);
      const x = randomMatrix(random, 1, 2 ** n)[0]!;
      const norm = Math.hypot(...x);
      const ours = float64State(circuit.compiled, x, []);
      const theirs = peerState(peer, n, x.map((v) => v / norm));
      const d = maxDiff(ours, theirs);
      ok(d < PEER_TOLERANCE, `${n} wires, trial ${trial}: max difference ${d}`);
    }
  }
});

Deno.test("Circuit.run() agrees with quantum-circuit on random circuits of 1 to 6 wires", async () => {
  await useBackend();
  const random = rng(11);
  for (let n = 1; n <= 6; n++) {
    const { circuit, peer } = randomCircuit(n, 6 + 4 * n, random);
    const xs = randomMatrix(random, 3, 2 ** n);
    const out = values(() => circuit.run(tf.tensor2d(xs), []));
    xs.forEach((x, row) => {
      const norm = Math.hypot(...x);
      const s = peerState(peer, n, x.map((v) => v / norm));
      const probs = Array.from({ length: 2 ** n }, (_, i) => s[2 * i]! ** 2 + s[2 * i + 1]! ** 2);
      const d = maxDiff(out[row]!.slice(0, 2 ** n), probs);
      ok(d < FLOAT32_TOLERANCE, `${n} wires, row ${row}: max probability difference ${d}`);
    });
  }
});

Deno.test("stronglyEntanglingLayers() agrees with the same gates in quantum-circuit", async () => {
  await useBackend();
  const random = rng(3);
  const n = 4;
  const w = Array.from({ length: 2 }, () => randomMatrix(random, n, 3, -Math.PI, Math.PI));
  const circuit = new Circuit(n).stronglyEntanglingLayers(2, { ranges: [1, 3] }).probs();
  const peer = new QuantumCircuit(n);
  [1, 3].forEach((r, l) => {
    for (let i = 0; i < n; i++) addPeerGate(peer, n, "Rot", [i], w[l]![i]!);
    for (let i = 0; i < n; i++) addPeerGate(peer, n, "CNOT", [i, (i + r) % n], []);
  });
  const s = peerState(peer, n);
  const probs = Array.from({ length: 2 ** n }, (_, i) => s[2 * i]! ** 2 + s[2 * i + 1]! ** 2);
  const out = values(() => circuit.run(tf.zeros([1, 0]), [tf.tensor3d(w)]))[0]!;
  ok(maxDiff(out, probs) < FLOAT32_TOLERANCE);
  ok(circuit.compiled.ops.every((o) => o.kind !== "gate" || (o as GateOp).wires.length <= 2));
});
