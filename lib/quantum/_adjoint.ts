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
import { opMatrix, paramValue } from "./float64_simulator.ts";
import { applyPlan, daggerPlan, plan } from "./_kernel.ts";

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

/** A block unitary computed in float64, with the adjoint-method gradient of its weights. */
export interface BlockUnitary {
  /** Row j is U e_j (column j of U), complex interleaved: `x[j * 2N + 2c (+1)]` = re (im) of U[c][j]. */
  x: Float64Array;
  /**
   * Gradients of the weight blocks in `used` from `z`, the gradient of the loss with respect to
   * the entries of `x` (same layout); `z` is overwritten.
   */
  grads(z: Float64Array): Map<number, Float64Array>;
}

/**
 * The unitary of `ops` on `k` local wires from the weights' values, keeping what the adjoint
 * method needs to differentiate it.
 *
 * @param values Weight values by block index (only blocks the ops reference are read).
 * @param sizes Element counts of the weight blocks by block index.
 */
export function blockUnitary(
  ops: GateOp[],
  k: number,
  { values, sizes }: { values: ArrayLike<number>[]; sizes: number[] },
): BlockUnitary {
  const N = 1 << k;
  const D = 2 * N;
  const params = ops.map((o) => o.params.map((p) => paramValue(p, [], values)));
  const plans = ops.map((o) => plan(k, o.wires, opMatrix(o, [], values)));
  const x = new Float64Array(N * D);
  for (let j = 0; j < N; j++) x[j * D + 2 * j] = 1;
  const before: (Float64Array | null)[] = ops.map((o, i) => {
    const snapshot = o.params.some((p) => p.kind === "weight") ? x.slice() : null;
    applyPlan(x, N, plans[i]!);
    return snapshot;
  });
  const grads = (z: Float64Array) => {
    const out = new Map<number, Float64Array>();
    for (let i = ops.length - 1; i >= 0; i--) {
      const o = ops[i]!;
      const xb = before[i];
      if (xb) {
        o.params.forEach((p, j) => {
          if (p.kind !== "weight") return;
          const v = xb.slice();
          applyPlan(v, N, plan(k, o.wires, derivative(o, params[i]!, j)));
          let sum = 0;
          for (let t = 0; t < v.length; t++) sum += z[t]! * v[t]!;
          let g = out.get(p.block);
          if (g === undefined) out.set(p.block, g = new Float64Array(sizes[p.block]!));
          g[p.index]! += sum;
        });
      }
      applyPlan(z, N, daggerPlan(plans[i]!));
    }
    return out;
  };
  return { x, grads };
}

/** Weight blocks referenced by `ops`, in order of first use. */
export function usedBlocks(ops: GateOp[]): number[] {
  return [
    ...new Set(ops.flatMap((o) => o.params.flatMap((p) => (p.kind === "weight" ? [p.block] : [])))),
  ];
}

/**
 * The block's real representation [2^(k+1), 2^(k+1)] as one differentiable tfjs op; with
 * `realRows` only its (j, re) rows, [2^k, 2^(k+1)], for real input states.
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
  const N = 1 << k;
  const D = 2 * N;
  const used = usedBlocks(ops);
  const sizes = weights.map((w) => w.size);
  const forward = (...inputs: tf.Tensor[]) => {
    const all: ArrayLike<number>[] = [];
    used.forEach((b, i) => (all[b] = inputs[i]!.dataSync()));
    const { x, grads } = blockUnitary(ops, k, { values: all, sizes });
    const rows = realRows ? N : D;
    const out = new Float32Array(rows * D);
    for (let j = 0; j < N; j++) {
      const r = realRows ? j : 2 * j;
      for (let c = 0; c < N; c++) {
        const re = x[j * D + 2 * c]!;
        const im = x[j * D + 2 * c + 1]!;
        out[r * D + 2 * c] = re;
        out[r * D + 2 * c + 1] = im;
        // Row (j, im) is i U e_j.
        if (!realRows) {
          out[(r + 1) * D + 2 * c] = -im;
          out[(r + 1) * D + 2 * c + 1] = re;
        }
      }
    }
    const gradFunc = (dy: tf.Tensor) => {
      const g = dy.dataSync();
      // Rows (j, re) = a and (j, im) = b of the incoming gradient combine into z_j = a - i b:
      // <a, v> + <b, i v> = Re(conj(z_j) v) for every complex v, and U^dagger acts on z alike.
      const z = new Float64Array(N * D);
      for (let j = 0; j < N; j++) {
        const ra = realRows ? j : 2 * j;
        for (let c = 0; c < N; c++) {
          const br = realRows ? 0 : g[(ra + 1) * D + 2 * c]!;
          const bi = realRows ? 0 : g[(ra + 1) * D + 2 * c + 1]!;
          z[j * D + 2 * c] = g[ra * D + 2 * c]! + bi;
          z[j * D + 2 * c + 1] = g[ra * D + 2 * c + 1]! - br;
        }
      }
      const gw = grads(z);
      return used.map((b) =>
        tf.tensor(Float32Array.from(gw.get(b) ?? new Float64Array(sizes[b]!)), weights[b]!.shape)
      );
    };
    return { value: tf.tensor2d(out, [rows, D]), gradFunc };
  };
  if (used.length === 0) return forward().value;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) =>
    forward(...(args.slice(0, used.length) as tf.Tensor[]))
  );
  return op(...used.map((b) => weights[b]!)) as tf.Tensor2D;
}
