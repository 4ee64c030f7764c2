// Private: the unitary of a block of input-independent gates, built from the weights with a
// handful of tensor ops so that its cost does not grow with the batch.
//
// Each gate's small real representation r ([d, d], d = 2^(gate wires + 1)) is lifted to the
// block's D x D representation by a constant linear map (one matmul for all gates on the same
// wires); runs of constant gates are folded in float64; the lifted factors are multiplied in
// order. The result R acts on row vectors, so a row-vector state v becomes v R.
import * as tf from "@tensorflow/tfjs";
import type { Matrix } from "./gates.ts";
import { NUMBER_ALGEBRA, realRep } from "./gates.ts";
import type { GateOp } from "./ops.ts";
import { float64Unitary } from "./float64_simulator.ts";

const liftCache = new Map<string, Float32Array>();

/**
 * The constant [d*d, D*D] matrix mapping a gate's flattened real representation on local
 * `wires` to its flattened representation on a `k`-wire block.
 */
function liftMatrix(k: number, wires: number[]): Float32Array {
  const key = `${k}:${wires.join(",")}`;
  const cached = liftCache.get(key);
  if (cached !== undefined) return cached;
  const kg = wires.length;
  const d = 2 << kg;
  const D = 2 << k;
  const masks = wires.map((w) => 1 << (k - 1 - w));
  const all = masks.reduce((a, b) => a | b, 0);
  const sub = (full: number) => masks.reduce((acc, m) => 2 * acc + ((full & m) ? 1 : 0), 0);
  const e = new Float32Array(d * d * D * D);
  for (let jf = 0; jf < D / 2; jf++) {
    for (let if_ = 0; if_ < D / 2; if_++) {
      if ((jf & ~all) !== (if_ & ~all)) continue;
      const js = sub(jf);
      const is = sub(if_);
      for (let c = 0; c < 2; c++) {
        for (let c2 = 0; c2 < 2; c2++) {
          const row = (2 * js + c) * d + (2 * is + c2);
          const col = (2 * jf + c) * D + (2 * if_ + c2);
          e[row * D * D + col] = 1;
        }
      }
    }
  }
  liftCache.set(key, e);
  return e;
}

/** A constant D x D real representation of a gate run on the block's local wires. */
function foldConstants(run: GateOp[], k: number): tf.Tensor2D {
  const u: Matrix<number> = float64Unitary(run, k, []);
  return tf.tensor2d(realRep(u, NUMBER_ALGEBRA) as number[][]);
}

/**
 * The block's real representation [2^(k+1), 2^(k+1)].
 *
 * @param ops Gates with wires already mapped to local indices 0..k-1.
 * @param reps The small real representation of each non-constant gate (same order as ops).
 */
export function blockRep(ops: GateOp[], k: number, reps: (op: number) => tf.Tensor): tf.Tensor2D {
  const D = 2 << k;
  const isConst = (o: GateOp) => o.params.every((p) => p.kind === "const");
  // Lift all parameterised gates, one matmul per distinct wire tuple.
  const groups = new Map<string, number[]>();
  ops.forEach((o, i) => {
    if (isConst(o)) return;
    const key = o.wires.join(",");
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const lifted = new Map<number, tf.Tensor>();
  const entries = [...groups].map(([key, members]) => ({
    wires: key.split(",").map(Number),
    members,
  }));
  const first = entries[0];
  const uniform = first !== undefined &&
    entries.every((e) =>
      e.wires.length === first.wires.length && e.members.length === first.members.length
    );
  if (uniform && entries.length > 1) {
    // One batched matmul lifts every gate: [groups, members, d*d] x [groups, d*d, D*D].
    const d = 2 << first.wires.length;
    const g = first.members.length;
    const order = entries.flatMap((e) => e.members);
    const small = tf.reshape(tf.stack(order.map(reps)), [entries.length, g, d * d]);
    const lifts = new Float32Array(entries.length * d * d * D * D);
    entries.forEach((e, i) => lifts.set(liftMatrix(k, e.wires), i * d * d * D * D));
    const big = tf.matMul(small, tf.tensor3d(lifts, [entries.length, d * d, D * D]));
    tf.unstack(tf.reshape(big, [order.length, D, D])).forEach((t, j) => lifted.set(order[j]!, t));
  } else {
    for (const { wires, members } of entries) {
      const d = 2 << wires.length;
      const small = members.length === 1
        ? tf.reshape(reps(members[0]!), [1, d * d])
        : tf.reshape(tf.stack(members.map(reps)), [members.length, d * d]);
      const big = tf.matMul(small, tf.tensor2d(liftMatrix(k, wires), [d * d, D * D]));
      if (members.length === 1) lifted.set(members[0]!, tf.reshape(big, [D, D]));
      else {tf.unstack(tf.reshape(big, [members.length, D, D])).forEach((t, j) =>
          lifted.set(members[j]!, t)
        );}
    }
  }
  let product: tf.Tensor2D | null = null;
  for (let i = 0; i < ops.length;) {
    let factor: tf.Tensor2D;
    if (isConst(ops[i]!)) {
      let j = i;
      while (j < ops.length && isConst(ops[j]!)) j++;
      factor = foldConstants(ops.slice(i, j), k);
      i = j;
    } else {
      factor = lifted.get(i)! as tf.Tensor2D;
      i++;
    }
    product = product === null ? factor : tf.matMul(product, factor);
  }
  return product ?? tf.eye(D);
}
