/**
 * OpenQASM 2.0 export of a circuit bound to one input row and the weights. Wire i becomes
 * `q[i]`. Amplitude embedding is written as a real-amplitude state preparation from RY and
 * CNOT gates (uniformly controlled rotations, Mottonen et al. 2004); measurements are not
 * written (they are expectation values, not QASM instructions).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { GATES } from "./gates.ts";
import type { AmplitudeOp, CompiledCircuit } from "./ops.ts";
import { paramValue } from "./float64_simulator.ts";
import { MIN_SQUARED_NORM } from "./constants.ts";

function num(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : `${x}`;
}

function toNumbers(x: ArrayLike<number> | tf.Tensor): ArrayLike<number> {
  return x instanceof tf.Tensor ? x.dataSync() : x;
}

function gray(i: number): number {
  return i ^ (i >> 1);
}

/**
 * A uniformly controlled RY: for each control pattern j (controls read as a binary number,
 * first control most significant), RY(angles[j]) on `target`. Gray-code decomposition into
 * 2^k RY and 2^k CNOT gates.
 */
function uniformlyControlledRY(controls: number[], target: number, angles: number[]): string[] {
  const k = controls.length;
  if (k === 0) return [`ry(${num(angles[0]!)}) q[${target}];`];
  const size = 1 << k;
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    let theta = 0;
    for (let j = 0; j < size; j++) {
      let dot = 0;
      let x = j & gray(i);
      while (x) {
        dot ^= x & 1;
        x >>= 1;
      }
      theta += (dot ? -1 : 1) * angles[j]!;
    }
    out.push(`ry(${num(theta / size)}) q[${target}];`);
    const changed = gray(i) ^ gray((i + 1) % size);
    const bit = 31 - Math.clz32(changed);
    out.push(`cx q[${controls[k - 1 - bit]!}],q[${target}];`);
  }
  return out;
}

function amplitudeQASM(op: AmplitudeOp, input: ArrayLike<number>, n: number): string[] {
  const dim = 2 ** n;
  const x = Array.from(
    { length: dim },
    (_, i) => (i < op.size ? input[op.offset + i]! : op.padWith ?? 0),
  );
  const squared = x.reduce((a, v) => a + v * v, 0);
  if (op.normalize && squared < MIN_SQUARED_NORM) return [];
  const norm = op.normalize ? Math.sqrt(squared) : 1;
  let level = x.map((v) => v / norm);
  const out: string[][] = [];
  // Work from the least significant wire up: at each level, pair amplitudes and keep norms.
  for (let q = n - 1; q >= 0; q--) {
    const angles: number[] = [];
    const next: number[] = [];
    for (let j = 0; j < level.length / 2; j++) {
      const a = level[2 * j]!;
      const b = level[2 * j + 1]!;
      const r = Math.hypot(a, b);
      // The last level keeps signs via atan2; higher levels see non-negative norms.
      angles.push(2 * Math.atan2(b, a));
      next.push(r);
    }
    out.unshift(uniformlyControlledRY([...Array(q).keys()], q, angles));
    level = next;
  }
  return out.flat();
}

/**
 * Writes the circuit as OpenQASM 2.0 with all parameters bound.
 *
 * @param input One row of `c.inputSize` features.
 * @param weights One array or tensor per weight block.
 * @returns The program text.
 */
export function toQASM(
  c: CompiledCircuit,
  input: ArrayLike<number> | tf.Tensor,
  weights: (tf.Tensor | ArrayLike<number>)[],
): string {
  const row = toNumbers(input);
  if (row.length !== c.inputSize) {
    throw new RangeError(
      `Expected an input row of ${c.inputSize} features but found ${row.length}: pass one row`,
    );
  }
  if (weights.length !== c.weightShapes.length) {
    throw new RangeError(
      `Expected ${c.weightShapes.length} weight blocks but found ${weights.length}: pass circuit.weightShapes() tensors`,
    );
  }
  const w = weights.map(toNumbers);
  const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', `qreg q[${c.wires}];`];
  for (const op of c.ops) {
    if (op.kind === "amplitude") lines.push(...amplitudeQASM(op, row, c.wires));
    else if (op.kind === "basis") {
      op.wires.forEach((q, i) => row[op.offset + i] === 1 && lines.push(`x q[${q}];`));
    } else {
      const p = op.params.map((r) => paramValue(r, row, w));
      const qs = op.wires.map((q) => `q[${q}]`).join(",");
      if (op.name === "Rot") {
        lines.push(
          `rz(${num(p[0]!)}) ${qs};`,
          `ry(${num(p[1]!)}) ${qs};`,
          `rz(${num(p[2]!)}) ${qs};`,
        );
      } else {
        const args = p.length > 0 ? `(${p.map(num).join(",")})` : "";
        lines.push(`${GATES[op.name].qasm}${args} ${qs};`);
      }
    }
  }
  return lines.join("\n") + "\n";
}
