/**
 * The batched, differentiable statevector simulator on tfjs tensors. Input-independent runs
 * of gates are fused into blocks whose unitaries are built from the weights (by simulating
 * the block on an identity batch, so autodiff flows through them) and applied to the whole
 * batch as one matmul; input-dependent gates are applied batched with per-row matrices.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { baseMatrix, GATES, type Matrix, NUMBER_ALGEBRA } from "./gates.ts";
import type { AmplitudeOp, BasisOp, CompiledCircuit, GateOp } from "./ops.ts";
import { isInputIndependent } from "./ops.ts";
import { blockRep } from "./_block.ts";
import { adjointBlockRep } from "./_adjoint.ts";
import {
  applyRealRows,
  applyRep,
  cheapestTail,
  constantRep,
  realState,
  type State,
  TENSOR_ALGEBRA,
  tensorRep,
  zeroState,
} from "./_state.ts";
import { planBlocks } from "./_fusion.ts";
import {
  FULL_FUSION_MAX_WIRES,
  FUSION_BLOCK_WIRES,
  MIN_SQUARED_NORM,
  NORM_TOLERANCE,
} from "./constants.ts";

export type { State } from "./_state.ts";

/**
 * How input-independent gates are applied: the whole circuit as one op with a hand-written
 * gradient where it qualifies ("kernel": amplitude embedding, input-independent gates,
 * Z-diagonal exact measurements, few wires; otherwise as "adjoint"), fused into block
 * unitaries computed by one adjoint-differentiated op ("adjoint"), fused with the unitary built
 * from tensor ops and differentiated by tfjs ("autodiff"), or gate by gate ("none").
 */
export type Fusion = "kernel" | "adjoint" | "autodiff" | "none";

/** Options of {@linkcode simulate}. */
export interface SimulateOptions {
  /** See {@linkcode Fusion} ("kernel" applies here as "adjoint"). @default {"adjoint"} */
  fusion?: Fusion;
}

/** Per-run cache of the real representations of weight-parameterised gates. */
class RepCache {
  #reps = new Map<GateOp, tf.Tensor>();
  constructor(private c: CompiledCircuit, private weights: tf.Tensor[]) {}

  /** The [2d, 2d] representation of an input-independent gate. */
  get(op: GateOp): tf.Tensor {
    const cached = this.#reps.get(op);
    if (cached !== undefined) return cached;
    const first = op.params[0];
    if (first === undefined || op.params.every((p) => p.kind === "const")) {
      return constantRep(
        baseMatrix(
          op.name,
          op.params.map((p) => (p.kind === "const" ? p.value : NaN)),
          NUMBER_ALGEBRA,
        ),
      );
    }
    if (first.kind === "weight") this.#fillBlock(first.block);
    const rep = this.#reps.get(op);
    if (rep === undefined) {
      throw new TypeError(
        `Expected ${op.name} parameters from one weight block but found a mix: use one weight block per gate`,
      );
    }
    return rep;
  }

  // Builds every gate of a weight block at once: one cos/sin/stack for the whole block.
  #fillBlock(block: number): void {
    const ops = this.c.ops.filter((o): o is GateOp =>
      o.kind === "gate" && o.params.length > 0 &&
      o.params.every((p) => p.kind === "weight" && p.block === block)
    );
    const name = ops[0]!.name;
    const count = GATES[name].params;
    const w = this.weights[block]!;
    const rows = w.size / count;
    const tiled = ops.every((o, g) =>
      o.name === name &&
      o.params.every((p, i) => p.kind === "weight" && p.index === g * count + i)
    ) && ops.length === rows;
    if (tiled) {
      const cols = unstack(tf.reshape(w, [rows, count]), 1);
      const reps = unstack(tensorRep(baseMatrix(name, cols, TENSOR_ALGEBRA), [rows]), 0);
      ops.forEach((o, g) => this.#reps.set(o, reps[g]!));
      return;
    }
    const flat = tf.reshape(w, [-1]);
    for (const o of ops) {
      const params = o.params.map((p) =>
        tf.reshape(tf.slice(flat, [(p as { index: number }).index], [1]), [])
      );
      this.#reps.set(o, tensorRep(baseMatrix(o.name, params, TENSOR_ALGEBRA), []));
    }
  }
}

// tf.unstack of a size-1 axis has a broken gradient in tfjs 4.22 (its gradient receives one
// tensor where it expects an array), so that case is a reshape instead.
function unstack(t: tf.Tensor, axis: number): tf.Tensor[] {
  if (t.shape[axis] !== 1) return tf.unstack(t, axis);
  return [tf.squeeze(t, [axis])];
}

/** What applying one fused block needs: the state's tail wires and the gates renumbered. */
interface Block {
  /** The block's wires in the order they sit at the end of the state. */
  tail: number[];
  /** The block's gates with wires numbered within `tail`. */
  local: GateOp[];
  /** The gates as compiled. */
  ops: GateOp[];
}

/** How a fused block's unitary is built and differentiated. */
type BlockMethod = (s: State, block: Block, reps: RepCache, weights: tf.Tensor[]) => State;

// One op for the block's unitary, differentiated by the adjoint method.
function adjointBlock(
  s: State,
  { tail, local }: Block,
  _reps: RepCache,
  weights: tf.Tensor[],
): State {
  const k = tail.length;
  if (s.real && k === s.order.length) {
    return applyRealRows(s, adjointBlockRep(local, k, weights, { realRows: true }));
  }
  return applyRep(s, tail, adjointBlockRep(local, k, weights));
}

// The block's unitary built from tensor ops, differentiated by tfjs.
function autodiffBlock(s: State, { tail, local, ops }: Block, reps: RepCache): State {
  if (ops.length === 1) return applyRep(s, ops[0]!.wires, reps.get(ops[0]!));
  return applyRep(s, tail, blockRep(local, tail.length, (i) => reps.get(ops[i]!)));
}

// The differentiation method of each fused strategy ("kernel" falls back to the adjoint here).
const BLOCK_METHODS: Record<Exclude<Fusion, "none">, BlockMethod> = {
  kernel: adjointBlock,
  adjoint: adjointBlock,
  autodiff: autodiffBlock,
};

// Applies a block of input-independent gates: gate by gate ("none"), or fused and applied by
// the block method of the strategy.
function applyBlock(
  s: State,
  { wires, ops }: { wires: number[]; ops: GateOp[] },
  reps: RepCache,
  weights: tf.Tensor[],
  fusion: Fusion,
): State {
  if (fusion === "none") {
    for (const o of ops) s = applyRep(s, o.wires, reps.get(o));
    return s;
  }
  // Number the block's wires by where they will sit, so that bringing them to the end moves
  // wires that are already adjacent together (one transpose) and needs no reordering.
  const tail = cheapestTail(s, wires);
  const local = ops.map((o) => ({ ...o, wires: o.wires.map((w) => tail.indexOf(w)) }));
  return BLOCK_METHODS[fusion](s, { tail, local, ops }, reps, weights);
}

function inputColumn(inputs: tf.Tensor2D, index: number): tf.Tensor1D {
  return tf.reshape(tf.slice(inputs, [0, index], [-1, 1]), [-1]);
}

function applyInputGate(s: State, op: GateOp, inputs: tf.Tensor2D, weights: tf.Tensor[]): State {
  const batch = s.batch;
  const params = op.params.map((p) => {
    if (p.kind === "input") return inputColumn(inputs, p.index);
    if (p.kind === "const") return tf.fill([batch], p.value);
    const v = tf.reshape(tf.slice(tf.reshape(weights[p.block]!, [-1]), [p.index], [1]), []);
    return tf.mul(tf.ones([batch]), v);
  });
  return applyRep(s, op.wires, tensorRep(baseMatrix(op.name, params, TENSOR_ALGEBRA), [batch]));
}

function applyBasis(s: State, op: BasisOp, inputs: tf.Tensor2D): State {
  const bits = tf.slice(inputs, [0, op.offset], [-1, op.wires.length]);
  const values = bits.dataSync();
  const bad = values.findIndex((v) => v !== 0 && v !== 1);
  if (bad >= 0) {
    throw new RangeError(
      `Basis state must only consist of 0s and 1s but found ${values[bad]} at row ${
        Math.floor(bad / op.wires.length)
      }: pass bits`,
    );
  }
  op.wires.forEach((w, i) => {
    const b = inputColumn(inputs, op.offset + i);
    const keep = tf.sub(1, b);
    const u: Matrix<tf.Tensor> = [[[keep, 0], [b, 0]], [[b, 0], [keep, 0]]];
    s = applyRep(s, [w], tensorRep(u, [s.batch]));
  });
  return s;
}

function amplitudeState(op: AmplitudeOp, inputs: tf.Tensor2D, wires: number): State {
  const dim = 2 ** wires;
  let x: tf.Tensor2D = op.offset === 0 && op.size === inputs.shape[1]
    ? inputs
    : tf.slice(inputs, [0, op.offset], [-1, op.size]);
  if (op.size < dim) x = tf.pad(x, [[0, 0], [0, dim - op.size]], op.padWith ?? 0);
  const squared = tf.sum(tf.square(x), 1, true);
  if (!op.normalize) {
    const norms = squared.dataSync();
    const bad = norms.findIndex((v) => Math.abs(Math.sqrt(v) - 1) > NORM_TOLERANCE);
    if (bad >= 0) {
      throw new RangeError(
        `Features must be a vector of norm 1 but found norm ${
          Math.sqrt(norms[bad]!)
        } in row ${bad}: pass normalize: true or normalize the features`,
      );
    }
    return realState(x, wires);
  }
  // Normalisation is deferred to measurement (see State.norm2). A row with (near) zero norm is
  // embedded as x + e0, normalised: |0...0> to within 1e-6, with the finite gradient the
  // circuit has at |0...0>. The mask comes from step(), whose gradient is zero (a boolean
  // comparison has none), so nothing divides by zero and no NaN reaches the gradient.
  const isZero = tf.step(tf.sub(MIN_SQUARED_NORM, squared));
  const e0 = new Float32Array(dim);
  e0[0] = 1;
  const y = tf.add(x, tf.mul(isZero, tf.tensor2d(e0, [1, dim]))) as tf.Tensor2D;
  return realState(y, wires, tf.sum(tf.square(y), 1, true));
}

/**
 * Runs the operations of a compiled circuit on a batch.
 *
 * @param c The compiled circuit.
 * @param inputs `[batch, c.inputSize]` features (validated by the caller).
 * @param weights One tensor per weight block, shaped as `c.weightShapes`.
 * @returns The final state; the caller owns its tensors (call inside `tf.tidy`).
 */
export function simulate(
  c: CompiledCircuit,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
  { fusion = "adjoint" }: SimulateOptions = {},
): State {
  const batch = inputs.shape[0];
  const reps = new RepCache(c, weights);
  const maxWires = c.wires <= FULL_FUSION_MAX_WIRES ? c.wires : FUSION_BLOCK_WIRES;
  let s = zeroState(batch, c.wires);
  let pending: GateOp[] = [];
  const flush = () => {
    for (const block of planBlocks(pending, maxWires)) {
      s = applyBlock(s, block, reps, weights, fusion);
    }
    pending = [];
  };
  for (const op of c.ops) {
    if (isInputIndependent(op)) {
      pending.push(op);
      continue;
    }
    flush();
    if (op.kind === "amplitude") s = amplitudeState(op, inputs, c.wires);
    else if (op.kind === "basis") s = applyBasis(s, op, inputs);
    else s = applyInputGate(s, op, inputs, weights);
  }
  flush();
  return s;
}
