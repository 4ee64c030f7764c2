// Private: the tfjs statevector and the one primitive that acts on it.
//
// A state is a float32 tensor [batch, 2 ** (wires + 1)]: amplitudes interleaved as [re, im],
// viewed as [batch, 2, ..., 2, 2] with one axis per wire and the complex axis last. The wire
// axes may be held in any order (`order[i]` is the wire on axis i + 1) so that consecutive
// gates on the same wires need no transposes; `canonical()` restores wire order.
import * as tf from "@tensorflow/tfjs";
import { type Algebra, type Entry, type Matrix, NUMBER_ALGEBRA, realRep } from "./gates.ts";

/**
 * A batched statevector with a lazily permuted wire order. When `real` is set, `t` holds only
 * real amplitudes [batch, 2 ** wires] (imaginary parts zero). When `norm2` is set, the state
 * is `t / sqrt(norm2)` (norm2 [batch, 1]): the circuit is linear in the state and every
 * measurement is quadratic, so normalisation is applied to the measured values at the end.
 */
export interface State {
  t: tf.Tensor;
  order: number[];
  batch: number;
  real?: boolean;
  norm2?: tf.Tensor | null;
}

/** The state with interleaved [re, im] amplitudes (pads a real state with zero imaginary parts). */
export function toComplex(s: State): State {
  if (!s.real) return s;
  // A broadcast multiply by [1, 0] rather than a pad: its gradient is a sum, not a strided
  // slice (slow on the wasm backend).
  const re = tf.reshape(s.t, [s.batch, -1, 1]);
  const t = tf.mul(re, tf.tensor3d([1, 0], [1, 1, 2]));
  return { ...s, t: tf.reshape(t, [s.batch, -1]), real: false };
}

function reshapeIfNeeded(t: tf.Tensor, shape: number[]): tf.Tensor {
  if (t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i])) return t;
  return tf.reshape(t, shape);
}

/** Tensor algebra for the shared gate definitions. */
export const TENSOR_ALGEBRA: Algebra<tf.Tensor> = {
  cos: (x) => tf.cos(x),
  sin: (x) => tf.sin(x),
  scale: (x, k) => tf.mul(x, k),
  add: (a, b) => tf.add(a, b),
  mul: (a, b) => tf.mul(a, b),
};

/**
 * Largest number of non-trivial axes (size > 1) of a transpose done in one step: the wasm
 * backend transposes up to 4 such axes quickly and falls back to a much slower generic loop
 * beyond (measured 0.3 ms against 15 ms for 2^17 floats).
 */
const MAX_TRANSPOSE_RANK = 4;

/**
 * Splits `target` (a new wire order) into runs that are also consecutive, in the same
 * direction, in `current`; a permutation of those runs is one transpose of merged axes.
 */
function runs(current: number[], target: number[]): number[][] {
  const out: number[][] = [];
  for (const w of target) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && current.indexOf(w) === current.indexOf(prev) + 1) {
      last.push(w);
    } else out.push([w]);
  }
  return out;
}

/**
 * Moves `wires` (in this order) to the last wire axes; no-op when already there. Runs of wires
 * that stay adjacent move as one merged axis, so a contiguous block of wires moves with one
 * low-rank transpose; when that would need a high-rank transpose, the wires move one at a time
 * (rank-5 transposes [batch, before, 2, after, 2] -> [batch, before, after, 2, 2]).
 */
export function bringToEnd(s: State, wires: number[]): State {
  s = toComplex(s);
  const n = s.order.length;
  const k = wires.length;
  if (s.order.slice(n - k).every((w, i) => w === wires[i])) return s;
  const target = [...s.order.filter((w) => !wires.includes(w)), ...wires];
  const groups = runs(s.order, target);
  const byPosition = [...groups].sort((a, b) => s.order.indexOf(a[0]!) - s.order.indexOf(b[0]!));
  const shape = [s.batch, ...byPosition.map((g) => 2 ** g.length), 2];
  if (shape.filter((d) => d > 1).length <= MAX_TRANSPOSE_RANK) {
    const perm = [0, ...groups.map((g) => byPosition.indexOf(g) + 1), groups.length + 1];
    const t = tf.transpose(tf.reshape(s.t, shape), perm);
    return { ...s, t: tf.reshape(t, [s.batch, -1]), order: target };
  }
  // Wires already sitting, in order, at the very end need not move.
  let start = 0;
  for (let j = k; j > 0; j--) {
    if (s.order.slice(n - j).every((w, i) => w === wires[i])) {
      start = j;
      break;
    }
  }
  let t = s.t;
  let order = s.order;
  for (const w of wires.slice(start)) {
    const pos = order.indexOf(w);
    const after = n - 1 - pos;
    if (after > 0) {
      const view = tf.reshape(t, [s.batch, 2 ** pos, 2, 2 ** after, 2]);
      t = tf.reshape(tf.transpose(view, [0, 1, 3, 2, 4]), [s.batch, -1]);
    }
    order = [...order.filter((x) => x !== w), w];
  }
  return { ...s, t, order };
}

/**
 * The order in which `wires` will sit at the end after {@linkcode bringToEnd} costs least: their
 * current relative order, so that wires already adjacent move together.
 */
export function cheapestTail(s: State, wires: number[]): number[] {
  return [...wires].sort((a, b) => s.order.indexOf(a) - s.order.indexOf(b));
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
    t = tf.matMul(reshapeIfNeeded(moved.t, [-1, d2]) as tf.Tensor2D, rep as tf.Tensor2D);
  } else {
    t = tf.matMul(tf.reshape(moved.t, [s.batch, -1, d2]) as tf.Tensor3D, rep as tf.Tensor3D);
  }
  return { ...moved, t: reshapeIfNeeded(t, [s.batch, moved.t.shape[1]!]) };
}

/**
 * Applies a whole-register matrix to a real state: `re [batch, 2^n]` times the (j, re) rows of
 * the representation, `[2^n, 2^(n+1)]`, with local wires numbered in the state's axis order.
 */
export function applyRealRows(s: State, rows: tf.Tensor2D): State {
  return { ...s, t: tf.matMul(s.t as tf.Tensor2D, rows), real: false };
}

/** |0...0> for each row: [batch, 2 ** (wires + 1)]. */
export function zeroState(batch: number, wires: number): State {
  const width = 2 << wires;
  const data = new Float32Array(batch * width);
  for (let b = 0; b < batch; b++) data[b * width] = 1;
  return { t: tf.tensor2d(data, [batch, width]), order: [...Array(wires).keys()], batch };
}

/** A state from real amplitudes [batch, 2 ** wires] (imaginary parts zero). */
export function realState(
  amplitudes: tf.Tensor2D,
  wires: number,
  norm2: tf.Tensor | null = null,
): State {
  return {
    t: amplitudes,
    order: [...Array(wires).keys()],
    batch: amplitudes.shape[0],
    real: true,
    norm2,
  };
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
