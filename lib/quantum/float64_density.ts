/**
 * A plain float64 density-matrix simulator: rho as an explicit complex 2^n x 2^n matrix,
 * gates as U rho U^dagger and channels as sum_k K_k rho K_k^dagger, applied column by column.
 * It shares only the gate and Kraus definitions with the tfjs density simulator (which works
 * on a vectorised rho with superoperators), so it is the tests' independent oracle for noise.
 *
 * @module
 */
import { type Matrix } from "./gates.ts";
import type { CompiledCircuit } from "./ops.ts";
import { krausMatrices } from "./noise.ts";
import { applyMatrixInPlace, opMatrix } from "./float64_simulator.ts";
import { outputsFromProbabilities } from "./_observables.ts";
import { baseMatrix, NUMBER_ALGEBRA } from "./gates.ts";
import { MIN_SQUARED_NORM } from "./constants.ts";

/** rho as interleaved [re, im], row-major: entry (i, j) at 2 * (i * N + j). */
type Rho = Float64Array;

/** A rho (applied to every column). */
function left(rho: Rho, n: number, on: number[], a: Matrix<number>): Rho {
  const N = 2 ** n;
  const out = new Float64Array(rho.length);
  const col = new Float64Array(2 * N);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      col[2 * i] = rho[2 * (i * N + j)]!;
      col[2 * i + 1] = rho[2 * (i * N + j) + 1]!;
    }
    applyMatrixInPlace(col, n, on, a);
    for (let i = 0; i < N; i++) {
      out[2 * (i * N + j)] = col[2 * i]!;
      out[2 * (i * N + j) + 1] = col[2 * i + 1]!;
    }
  }
  return out;
}

function dagger(rho: Rho, N: number): Rho {
  const out = new Float64Array(rho.length);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      out[2 * (j * N + i)] = rho[2 * (i * N + j)]!;
      out[2 * (j * N + i) + 1] = -rho[2 * (i * N + j) + 1]!;
    }
  }
  return out;
}

/** A rho A^dagger = (A (A rho)^dagger)^dagger. */
function conjugate(rho: Rho, n: number, on: number[], a: Matrix<number>): Rho {
  const N = 2 ** n;
  return dagger(left(dagger(left(rho, n, on, a), N), n, on, a), N);
}

/**
 * The final density matrix of a circuit for one input row.
 *
 * @returns Interleaved [re, im] entries, row-major, length `2 * 4 ** wires`.
 */
export function float64Density(
  c: CompiledCircuit,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): Float64Array {
  const n = c.wires;
  const N = 2 ** n;
  let rho: Rho = new Float64Array(2 * N * N);
  rho[0] = 1;
  for (const op of c.ops) {
    if (op.kind === "gate") rho = conjugate(rho, n, op.wires, opMatrix(op, input, weights));
    else if (op.kind === "noise") {
      const terms = krausMatrices(op.channel, op.param).map((k) => conjugate(rho, n, [op.wire], k));
      rho = terms.reduce((a, t) => a.map((v, i) => v + t[i]!));
    } else if (op.kind === "basis") {
      op.wires.forEach((w, i) => {
        if (input[op.offset + i] === 1) {
          rho = conjugate(rho, n, [w], baseMatrix("PauliX", [], NUMBER_ALGEBRA));
        }
      });
    } else {
      const x = Float64Array.from(
        { length: N },
        (_, i) => (i < op.size ? input[op.offset + i]! : op.padWith ?? 0),
      );
      const sq = x.reduce((a, v) => a + v * v, 0);
      if (op.normalize && sq < MIN_SQUARED_NORM) x.fill(0, 1).set([1]);
      const norm = op.normalize ? Math.sqrt(x.reduce((a, v) => a + v * v, 0)) : 1;
      rho = new Float64Array(2 * N * N);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) rho[2 * (i * N + j)] = (x[i]! * x[j]!) / (norm * norm);
      }
    }
  }
  return rho;
}

/**
 * Runs a compiled circuit (noise channels allowed) on one input row in float64, exactly.
 *
 * @returns The measurement outputs, length `c.outputSize`.
 */
export function float64DensityRun(
  c: CompiledCircuit,
  input: ArrayLike<number>,
  weights: ArrayLike<number>[],
): number[] {
  const rho = float64Density(c, input, weights);
  const n = c.wires;
  const N = 2 ** n;
  return c.measurements.flatMap((m) =>
    outputsFromProbabilities(n, m, (rotations) => {
      let r = rho;
      for (const [g, w] of rotations) r = conjugate(r, n, [w], baseMatrix(g, [], NUMBER_ALGEBRA));
      return Float64Array.from({ length: N }, (_, i) => r[2 * (i * N + i)]!);
    })
  );
}
