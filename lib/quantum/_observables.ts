// Private: how each measurement maps basis-state probabilities to outputs, shared by the
// float64 reference and the tfjs measurement code.
import type { GateName, Matrix } from "./gates.ts";
import { baseMatrix, NUMBER_ALGEBRA } from "./gates.ts";
import type { Measurement, Pauli } from "./ops.ts";

/** Gates that rotate a Pauli's eigenbasis onto Z's (PennyLane's diagonalizing gates). */
export function diagonalizing(p: Pauli | "I"): GateName[] {
  if (p === "X") return ["Hadamard"];
  if (p === "Y") return ["PauliZ", "S", "Hadamard"];
  return [];
}

/** The basis rotations a measurement needs before reading probabilities, as [gate, wire]. */
export function measurementRotations(m: Measurement): [GateName, number][] {
  if (m.type === "probs") return [];
  if (m.type === "expval") return [];
  const out: [GateName, number][] = [];
  m.wires.forEach((w, i) => {
    for (const g of diagonalizing(m.word[i] as Pauli | "I")) out.push([g, w]);
  });
  return out;
}

/** +1 or -1: the Z eigenvalue of wire bit `bit` (position from the most significant end). */
export function zSign(index: number, wires: number, wire: number): number {
  return ((index >> (wires - 1 - wire)) & 1) === 0 ? 1 : -1;
}

/** Outputs of one measurement of a float64 interleaved state. */
export function applyObservableNumbers(
  state: Float64Array,
  m: Measurement,
  { wires, apply }: {
    /** The state's wire count. */
    wires: number;
    /** Applies a gate matrix `u` on wires `on` of an `n`-wire state in place. */
    apply: (s: Float64Array, n: number, on: number[], u: Matrix<number>) => void;
  },
): number[] {
  const dim = 2 ** wires;
  if (m.type === "expval") {
    return m.wires.map((w) => {
      const s = state.slice();
      for (const g of diagonalizing(m.pauli)) {
        apply(s, wires, [w], baseMatrix(g, [], NUMBER_ALGEBRA));
      }
      let e = 0;
      for (let i = 0; i < dim; i++) e += zSign(i, wires, w) * (s[2 * i]! ** 2 + s[2 * i + 1]! ** 2);
      return e;
    });
  }
  const s = state.slice();
  for (const [g, w] of measurementRotations(m)) {
    apply(s, wires, [w], baseMatrix(g, [], NUMBER_ALGEBRA));
  }
  const p = (i: number) => s[2 * i]! ** 2 + s[2 * i + 1]! ** 2;
  if (m.type === "expvalPauli") {
    let e = 0;
    for (let i = 0; i < dim; i++) {
      let sign = 1;
      m.wires.forEach((w, j) => {
        if (m.word[j] !== "I") sign *= zSign(i, wires, w);
      });
      e += sign * p(i);
    }
    return [e];
  }
  const out = new Array<number>(2 ** m.wires.length).fill(0);
  for (let i = 0; i < dim; i++) {
    let k = 0;
    for (const w of m.wires) k = 2 * k + ((i >> (wires - 1 - w)) & 1);
    out[k]! += p(i);
  }
  return out;
}
