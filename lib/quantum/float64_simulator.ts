/**
 * A plain float64 statevector simulator over the same compiled operations and gate
 * definitions as the tfjs simulator. Production code depends on it: it folds the constant
 * blocks of the fused path into unitaries, gives the adjoint method its gate matrices and
 * resolves parameters for the QASM export. Tests also use it as the float64 oracle (float32
 * tensors cannot be compared to 1e-6 with other simulators).
 *
 * @module
 */
import { baseMatrix, type Matrix, NUMBER_ALGEBRA } from "./gates.ts";
import type { CompiledCircuit, GateOp, Op, ParamRef } from "./ops.ts";
import { applyObservableNumbers } from "./_observables.ts";
import { MIN_SQUARED_NORM } from "./constants.ts";

/** Resolves a parameter to a number for one input row. */
export function paramValue(
  p: ParamRef,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): number {
  if (p.kind === "const") return p.value;
  if (p.kind === "input") return input[p.index] ?? NaN;
  const block = weights[p.block];
  const v = block?.[p.index];
  if (v === undefined) {
    throw new RangeError(
      `Expected weight block ${p.block} index ${p.index} but found none: check weight shapes`,
    );
  }
  return v;
}

/**
 * Applies a complex matrix to the given wires of an interleaved [re, im] float64 state, in
 * place. Wire 0 is the most significant bit.
 */
export function applyMatrixInPlace(
  state: Float64Array,
  wires: number,
  on: number[],
  u: Matrix<number>,
): void {
  const k = on.length;
  const d = 1 << k;
  const masks = on.map((w) => 1 << (wires - 1 - w));
  const all = masks.reduce((a, b) => a | b, 0);
  const idx = new Array<number>(d);
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  for (let base = 0; base < 1 << wires; base++) {
    if ((base & all) !== 0) continue;
    for (let j = 0; j < d; j++) {
      let x = base;
      for (let b = 0; b < k; b++) if ((j >> (k - 1 - b)) & 1) x |= masks[b]!;
      idx[j] = x;
      re[j] = state[2 * x]!;
      im[j] = state[2 * x + 1]!;
    }
    for (let i = 0; i < d; i++) {
      let sr = 0;
      let si = 0;
      const row = u[i]!;
      for (let j = 0; j < d; j++) {
        const [ur, ui] = row[j]! as [number, number];
        sr += ur * re[j]! - ui * im[j]!;
        si += ur * im[j]! + ui * re[j]!;
      }
      state[2 * idx[i]!] = sr;
      state[2 * idx[i]! + 1] = si;
    }
  }
}

/** The numeric matrix of a gate op for one input row. */
export function opMatrix(
  op: GateOp,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): Matrix<number> {
  return baseMatrix(op.name, op.params.map((p) => paramValue(p, input, weights)), NUMBER_ALGEBRA);
}

const X_MATRIX: Matrix<number> = [[[0, 0], [1, 0]], [[1, 0], [0, 0]]];

function applyOp(
  state: Float64Array<ArrayBuffer>,
  c: CompiledCircuit,
  op: Op,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): Float64Array<ArrayBuffer> {
  if (op.kind === "gate") {
    applyMatrixInPlace(state, c.wires, op.wires, opMatrix(op, input, weights));
    return state;
  }
  if (op.kind === "basis") {
    op.wires.forEach((w, i) => {
      if (input[op.offset + i] === 1) applyMatrixInPlace(state, c.wires, [w], X_MATRIX);
    });
    return state;
  }
  const dim = 2 ** c.wires;
  const x = new Float64Array(dim).fill(op.padWith ?? 0);
  for (let i = 0; i < op.size; i++) x[i] = input[op.offset + i]!;
  let norm = Math.hypot(...x);
  if (!op.normalize) norm = 1;
  const out = new Float64Array(2 * dim);
  if (norm * norm < MIN_SQUARED_NORM) out[0] = 1;
  else for (let i = 0; i < dim; i++) out[2 * i] = x[i]! / norm;
  return out;
}

/**
 * The final state of a circuit for one input row.
 *
 * @returns Interleaved [re, im] amplitudes, length `2 * 2 ** wires`.
 */
export function float64State(
  c: CompiledCircuit,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): Float64Array {
  let state = new Float64Array(2 * 2 ** c.wires);
  state[0] = 1;
  for (const op of c.ops) state = applyOp(state, c, op, input, weights);
  return state;
}

/**
 * Runs a compiled circuit on one input row in float64 (exact, no shots).
 *
 * @returns The measurement outputs, length `c.outputSize`.
 */
export function float64Run(
  c: CompiledCircuit,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): number[] {
  const state = float64State(c, input, weights);
  return c.measurements.flatMap((m) =>
    applyObservableNumbers(state, m, { wires: c.wires, apply: applyMatrixInPlace })
  );
}

/** The unitary of a gate sequence on `wires` local wires (ops use local wire indices). */
export function float64Unitary(
  ops: GateOp[],
  wires: number,
  weights: ArrayLike<number>[],
): Matrix<number> {
  const d = 2 ** wires;
  const u: Matrix<number> = Array.from(
    { length: d },
    () => Array.from({ length: d }, () => [0, 0]),
  );
  for (let j = 0; j < d; j++) {
    const state = new Float64Array(2 * d);
    state[2 * j] = 1;
    for (const op of ops) applyMatrixInPlace(state, wires, op.wires, opMatrix(op, [], weights));
    for (let i = 0; i < d; i++) u[i]![j] = [state[2 * i]!, state[2 * i + 1]!];
  }
  return u;
}
