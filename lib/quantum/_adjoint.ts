// Private: the unitary of a block of input-independent gates as ONE tfjs op with an analytic
// gradient (the adjoint method), computed in float64 from the shared gate definitions.
//
// Building a 16x16 unitary from eight angles with tensor ops costs dozens of tiny kernels
// whose fixed overhead dominates at batch 64; here the block costs one kernel forward and one
// backward, and the batch still flows through tensor ops (one matmul with the result). The
// tensor-op construction (_block.ts) stays available and the tests check both agree.
//
// With R = R_1 ... R_m (row-vector convention, R_i the lifted real representation of gate i),
// X_i = R_1 ... R_i and Y_i = G R_m^T ... R_{i+1}^T for the incoming gradient G:
//   dL/dtheta = sum over rows r of < Y_i[r], X_{i-1}[r] R(dU_i/dtheta) >,
// and R(U)^T = R(U^dagger), so Y_{i-1} is Y_i with U_i^dagger applied to every row.
import * as tf from "@tensorflow/tfjs";
import { type Algebra, baseMatrix, type Matrix } from "./gates.ts";
import type { GateOp } from "./ops.ts";
import { applyMatrixInPlace, opMatrix } from "./reference.ts";

/** Dual numbers: value and derivative along one seed direction. */
interface Dual {
  v: number;
  d: number;
}

const DUAL: Algebra<Dual> = {
  cos: (x) => ({ v: Math.cos(x.v), d: -Math.sin(x.v) * x.d }),
  sin: (x) => ({ v: Math.sin(x.v), d: Math.cos(x.v) * x.d }),
  scale: (x, k) => ({ v: x.v * k, d: x.d * k }),
  add: (a, b) => ({ v: a.v + b.v, d: a.d + b.d }),
  mul: (a, b) => ({ v: a.v * b.v, d: a.d * b.v + a.v * b.d }),
};

function derivative(op: GateOp, values: number[], p: number): Matrix<number> {
  const duals = values.map((v, i) => ({ v, d: i === p ? 1 : 0 }));
  const m = baseMatrix(op.name, duals, DUAL);
  const part = (e: Dual | number) => (typeof e === "number" ? 0 : e.d);
  return m.map((row) => row.map(([re, im]) => [part(re), part(im)]));
}

function dagger(m: Matrix<number>): Matrix<number> {
  return m.map((_, i) => m.map((row) => [row[i]![0] as number, -(row[i]![1] as number)]));
}

function forEachRow(x: Float64Array, D: number, f: (row: Float64Array) => void): void {
  for (let r = 0; r < D; r++) f(x.subarray(r * D, (r + 1) * D));
}

/**
 * The block's real representation [2^(k+1), 2^(k+1)] as one differentiable tfjs op.
 *
 * @param ops Gates with wires mapped to local indices 0..k-1.
 * @param weights All weight tensors of the circuit (only those referenced become op inputs).
 */
export function adjointBlockRep(
  ops: GateOp[],
  k: number,
  weights: tf.Tensor[],
  { realRows = false } = {},
): tf.Tensor2D {
  const D = 2 << k;
  // With realRows only the (j, re) rows are returned: [D / 2, D], for real input states.
  const rows = realRows ? D / 2 : D;
  const stride = realRows ? 2 : 1;
  const used = [
    ...new Set(ops.flatMap((o) => o.params.flatMap((p) => (p.kind === "weight" ? [p.block] : [])))),
  ];
  const run = (data: Map<number, Float32Array | Float64Array>) => {
    const all: ArrayLike<number>[] = [];
    for (const [b, v] of data) all[b] = v;
    const matrices = ops.map((o) => opMatrix(o, [], all));
    const values = ops.map((o) =>
      o.params.map((
        p,
      ) => (p.kind === "weight" ? all[p.block]![p.index]! : p.kind === "const" ? p.value : NaN))
    );
    return { matrices, values };
  };
  const forward = (...inputs: tf.Tensor[]) => {
    const data = new Map(used.map((b, i) => [b, inputs[i]!.dataSync() as Float32Array]));
    const { matrices, values } = run(data);
    const x = new Float64Array(D * D);
    for (let r = 0; r < D; r++) x[r * D + r] = 1;
    const before: (Float64Array | null)[] = [];
    ops.forEach((o, i) => {
      before.push(o.params.some((p) => p.kind === "weight") ? x.slice() : null);
      forEachRow(x, D, (row) => applyMatrixInPlace(row, k, o.wires, matrices[i]!));
    });
    const gradFunc = (dy: tf.Tensor) => {
      const g = dy.dataSync();
      const y = new Float64Array(D * D);
      for (let r = 0; r < rows; r++) y.set(g.subarray(r * D, (r + 1) * D), r * stride * D);
      const grads = new Map(used.map((b) => [b, new Float64Array(weights[b]!.size)]));
      const tmp = new Float64Array(D);
      for (let i = ops.length - 1; i >= 0; i--) {
        const o = ops[i]!;
        const xb = before[i];
        if (xb) {
          o.params.forEach((p, j) => {
            if (p.kind !== "weight") return;
            const dm = derivative(o, values[i]!, j);
            let sum = 0;
            for (let r = 0; r < D; r++) {
              tmp.set(xb.subarray(r * D, (r + 1) * D));
              applyMatrixInPlace(tmp, k, o.wires, dm);
              const yr = y.subarray(r * D, (r + 1) * D);
              for (let c = 0; c < D; c++) sum += yr[c]! * tmp[c]!;
            }
            grads.get(p.block)![p.index]! += sum;
          });
        }
        const adj = dagger(matrices[i]!);
        forEachRow(y, D, (row) => applyMatrixInPlace(row, k, o.wires, adj));
      }
      return used.map((b) => tf.tensor(Float32Array.from(grads.get(b)!), weights[b]!.shape));
    };
    const out = new Float32Array(rows * D);
    for (let r = 0; r < rows; r++) out.set(x.subarray(r * stride * D, (r * stride + 1) * D), r * D);
    return { value: tf.tensor2d(out, [rows, D]), gradFunc };
  };
  if (used.length === 0) return forward().value;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) =>
    forward(...(args.slice(0, used.length) as tf.Tensor[]))
  );
  return op(...used.map((b) => weights[b]!)) as tf.Tensor2D;
}
