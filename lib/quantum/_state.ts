// Private: the tfjs statevector and the one primitive that acts on it.
//
// A state is a float32 tensor [batch, 2 ** (wires + 1)]: amplitudes interleaved as [re, im],
// viewed as [batch, 2, ..., 2, 2] with one axis per wire and the complex axis last. The wire
// axes may be held in any order (`order[i]` is the wire on axis i + 1) so that consecutive
// gates on the same wires need no transposes; `canonical()` restores wire order.
import * as tf from "@tensorflow/tfjs";
import { type Algebra, type Entry, type Matrix, NUMBER_ALGEBRA, realRep } from "./gates.ts";

/** A batched statevector with a lazily permuted wire order. */
export interface State {
  t: tf.Tensor;
  order: number[];
  batch: number;
}

/** Tensor algebra for the shared gate definitions. */
export const TENSOR_ALGEBRA: Algebra<tf.Tensor> = {
  cos: (x) => tf.cos(x),
  sin: (x) => tf.sin(x),
  scale: (x, k) => tf.mul(x, k),
  add: (a, b) => tf.add(a, b),
  mul: (a, b) => tf.mul(a, b),
};

function wireShape(batch: number, wires: number): number[] {
  return [batch, ...new Array<number>(wires).fill(2), 2];
}

/** Moves `wires` (in this order) to the last wire axes; no-op when already there. */
export function bringToEnd(s: State, wires: number[]): State {
  const n = s.order.length;
  const k = wires.length;
  const tail = s.order.slice(n - k);
  if (tail.every((w, i) => w === wires[i])) return s;
  const order = [...s.order.filter((w) => !wires.includes(w)), ...wires];
  const perm = [0, ...order.map((w) => s.order.indexOf(w) + 1), n + 1];
  const t = tf.transpose(tf.reshape(s.t, wireShape(s.batch, n)), perm);
  return { t: tf.reshape(t, [s.batch, -1]), order, batch: s.batch };
}

/** The same state with wires in natural order (wire 0 most significant). */
export function canonical(s: State): State {
  return bringToEnd(s, s.order.map((_, i) => i));
}

/**
 * Applies a gate given by its real representation (see `realRep`) to `wires`.
 *
 * @param rep `[2d, 2d]` shared by the batch, or `[batch, 2d, 2d]` per sample, d = 2 ** wires.length.
 */
export function applyRep(s: State, wires: number[], rep: tf.Tensor): State {
  const moved = bringToEnd(s, wires);
  const d2 = 2 << wires.length;
  let t: tf.Tensor;
  if (rep.rank === 2) {
    t = tf.matMul(tf.reshape(moved.t, [-1, d2]) as tf.Tensor2D, rep as tf.Tensor2D);
  } else {
    t = tf.matMul(tf.reshape(moved.t, [s.batch, -1, d2]) as tf.Tensor3D, rep as tf.Tensor3D);
  }
  return { t: tf.reshape(t, [s.batch, -1]), order: moved.order, batch: s.batch };
}

/** |0...0> for each row: [batch, 2 ** (wires + 1)]. */
export function zeroState(batch: number, wires: number): State {
  const width = 2 << wires;
  const data = new Float32Array(batch * width);
  for (let b = 0; b < batch; b++) data[b * width] = 1;
  return { t: tf.tensor2d(data, [batch, width]), order: [...Array(wires).keys()], batch };
}

/** A state from real amplitudes [batch, 2 ** wires] (imaginary parts zero). */
export function realState(amplitudes: tf.Tensor2D, wires: number): State {
  const [batch] = amplitudes.shape;
  const t = tf.pad(tf.reshape(amplitudes, [batch, -1, 1]), [[0, 0], [0, 0], [0, 1]]);
  return { t: tf.reshape(t, [batch, -1]), order: [...Array(wires).keys()], batch };
}

/** The real representation of a constant matrix as a float32 tensor [2d, 2d]. */
export function constantRep(u: Matrix<number>): tf.Tensor2D {
  return tf.tensor2d(realRep(u, NUMBER_ALGEBRA) as number[][]);
}

/**
 * The real representation of a parameterised matrix whose tensor entries all share `shape`
 * (for example `[gates]` or `[batch]`), stacked into `[...shape, 2d, 2d]`.
 */
export function tensorRep(u: Matrix<tf.Tensor>, shape: number[]): tf.Tensor {
  const rep = realRep(u, TENSOR_ALGEBRA);
  const fills = new Map<number, tf.Tensor>();
  const asTensor = (e: Entry<tf.Tensor>): tf.Tensor => {
    if (typeof e !== "number") return e;
    let f = fills.get(e);
    if (f === undefined) {
      f = tf.fill(shape, e);
      fills.set(e, f);
    }
    return f;
  };
  const d2 = rep.length;
  const stacked = tf.stack(rep.flat().map(asTensor), -1);
  return tf.reshape(stacked, [...shape, d2, d2]);
}
