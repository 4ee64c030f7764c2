// Private: one convenience builder method per primitive gate, mixed into Circuit so that the
// class file stays about the circuit itself.
import type { GateName } from "./gates.ts";

/** Convenience methods for single gates; angles omitted make the gate trainable. */
export interface GateMethods {
  /** RX(angle) on `wire`; trainable when `angle` is omitted. */
  rx(wire: number, angle?: number): this;
  /** RY(angle) on `wire`; trainable when `angle` is omitted. */
  ry(wire: number, angle?: number): this;
  /** RZ(angle) on `wire`; trainable when `angle` is omitted. */
  rz(wire: number, angle?: number): this;
  /** Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi); trainable when omitted. */
  rot(wire: number, angles?: [number, number, number]): this;
  /** PhaseShift(phi) = diag(1, e^{i phi}); trainable when omitted. */
  phaseShift(wire: number, phi?: number): this;
  /** Hadamard on `wire`. */
  hadamard(wire: number): this;
  /** PauliX on `wire`. */
  pauliX(wire: number): this;
  /** PauliY on `wire`. */
  pauliY(wire: number): this;
  /** PauliZ on `wire`. */
  pauliZ(wire: number): this;
  /** S = diag(1, i) on `wire`. */
  s(wire: number): this;
  /** T = diag(1, e^{i pi/4}) on `wire`. */
  t(wire: number): this;
  /** CNOT with `control` and `target`. */
  cnot(control: number, target: number): this;
  /** Controlled-Z. */
  cz(control: number, target: number): this;
  /** Controlled RX; trainable when `angle` is omitted. */
  crx(control: number, target: number, angle?: number): this;
  /** Controlled RY; trainable when `angle` is omitted. */
  cry(control: number, target: number, angle?: number): this;
  /** Controlled RZ; trainable when `angle` is omitted. */
  crz(control: number, target: number, angle?: number): this;
  /** SWAP of two wires. */
  swap(a: number, b: number): this;
}

interface Gated {
  gate(name: GateName, wires: number | number[], params?: number[]): unknown;
}

function one(name: GateName) {
  return function (this: Gated, wire: number, angle?: number) {
    return this.gate(name, [wire], angle === undefined ? undefined : [angle]);
  };
}

function fixed(name: GateName) {
  return function (this: Gated, ...wires: number[]) {
    return this.gate(name, wires);
  };
}

function two(name: GateName) {
  return function (this: Gated, control: number, target: number, angle?: number) {
    return this.gate(name, [control, target], angle === undefined ? undefined : [angle]);
  };
}

/** Installs the {@linkcode GateMethods} on a prototype that has `gate()`. */
export function addGateMethods(proto: Gated): void {
  Object.assign(proto, {
    rx: one("RX"),
    ry: one("RY"),
    rz: one("RZ"),
    rot(this: Gated, wire: number, angles?: [number, number, number]) {
      return this.gate("Rot", [wire], angles);
    },
    phaseShift: one("PhaseShift"),
    hadamard: fixed("Hadamard"),
    pauliX: fixed("PauliX"),
    pauliY: fixed("PauliY"),
    pauliZ: fixed("PauliZ"),
    s: fixed("S"),
    t: fixed("T"),
    cnot: fixed("CNOT"),
    cz: fixed("CZ"),
    crx: two("CRX"),
    cry: two("CRY"),
    crz: two("CRZ"),
    swap: fixed("SWAP"),
  });
}
