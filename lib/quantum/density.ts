/**
 * Exact, batched, differentiable density-matrix simulation for circuits with noise channels
 * (PennyLane's `default.mixed`). The density matrix rho [batch, 2^n, 2^n] is held vectorised
 * as a state on 2n wires (row index bits, then column index bits), so the statevector
 * primitive `applyRep` applies everything: a gate U on wires W acts as U on W and conj(U) on
 * W + n, a channel as its superoperator on (w, w + n). Operations before the first channel run
 * on the (faster) statevector and become |psi><psi| there. tfjs autodiff gives the gradients.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { baseMatrix, type GateName, NUMBER_ALGEBRA } from "./gates.ts";
import type { BasisOp, CompiledCircuit, GateOp, Op } from "./ops.ts";
import { isInputIndependent } from "./ops.ts";
import { superoperator } from "./noise.ts";
import { type Fusion, simulate } from "./simulator.ts";
import {
  applyRep,
  canonical,
  constantRep,
  type State,
  TENSOR_ALGEBRA,
  tensorRep,
} from "./_state.ts";
import { planBlocks } from "./_fusion.ts";
import { adjointBlockRep } from "./_adjoint.ts";
import { batchParam } from "./_params.ts";
import type { Distribution } from "./measure.ts";
import { DENSITY_MAX_WIRES, FUSION_BLOCK_WIRES } from "./constants.ts";

/** A batch of density matrices, vectorised as a state on `2 * wires` wires. */
export interface DensityState {
  s: State;
  wires: number;
}

/** Options of {@linkcode simulateDensity}. */
export interface DensityOptions {
  /** How the statevector prefix runs (see `Fusion`). @default {"adjoint"} */
  fusion?: Fusion;
}

// Sign mask turning the real representation of U into that of conj(U): the entries that hold
// imaginary parts, (2j, 2i + 1) and (2j + 1, 2i), change sign.
const masks = new Map<number, Float32Array>();
function conjMask(d2: number): Float32Array {
  let m = masks.get(d2);
  if (m === undefined) {
    m = new Float32Array(d2 * d2);
    for (let r = 0; r < d2; r++) {
      for (let c = 0; c < d2; c++) {
        m[r * d2 + c] = r % 2 === c % 2 ? 1 : -1;
      }
    }
    masks.set(d2, m);
  }
  return m;
}

/** The real representation of conj(U) from that of U ([2d, 2d] or [batch, 2d, 2d]). */
function conjRep(rep: tf.Tensor): tf.Tensor {
  const d2 = rep.shape[rep.rank - 1]!;
  return tf.mul(rep, tf.tensor2d(conjMask(d2), [d2, d2]));
}

/** Applies U (as its real representation) on `wires`: U rho U^dagger. */
function conjugateBy(rho: DensityState, wires: number[], rep: tf.Tensor): DensityState {
  const s = applyRep(rho.s, wires, rep);
  return { ...rho, s: applyRep(s, wires.map((w) => w + rho.wires), conjRep(rep)) };
}

/** rho = |psi><psi| from a statevector, keeping its deferred normalisation. */
function outer(s: State, wires: number): DensityState {
  const c = canonical(s);
  const N = 2 ** wires;
  const b = s.batch;
  const norm2 = s.norm2 ?? null;
  if (s.real && c.real) {
    const y = c.t;
    const t = tf.reshape(tf.mul(tf.reshape(y, [b, N, 1]), tf.reshape(y, [b, 1, N])), [b, N * N]);
    return { s: { t, order: [...Array(2 * wires).keys()], batch: b, real: true, norm2 }, wires };
  }
  const a = tf.reshape(c.t, [b, N, 2]);
  const [re, im] = tf.unstack(a, 2) as [tf.Tensor, tf.Tensor];
  const col = (x: tf.Tensor) => tf.reshape(x, [b, N, 1]);
  const row = (x: tf.Tensor) => tf.reshape(x, [b, 1, N]);
  // psi_i conj(psi_j) = (re_i re_j + im_i im_j) + i (im_i re_j - re_i im_j)
  const rr = tf.add(tf.mul(col(re), row(re)), tf.mul(col(im), row(im)));
  const ii = tf.sub(tf.mul(col(im), row(re)), tf.mul(col(re), row(im)));
  const t = tf.reshape(tf.stack([rr, ii], -1), [b, 2 * N * N]);
  return { s: { t, order: [...Array(2 * wires).keys()], batch: b, norm2 }, wires };
}

function applyInputGate(
  rho: DensityState,
  op: GateOp,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
): DensityState {
  const batch = rho.s.batch;
  const params = op.params.map((p) => batchParam(p, inputs, weights, batch));
  return conjugateBy(
    rho,
    op.wires,
    tensorRep(baseMatrix(op.name, params, TENSOR_ALGEBRA), [batch]),
  );
}

function applyBasis(rho: DensityState, op: BasisOp, inputs: tf.Tensor2D): DensityState {
  const bits = tf.slice(inputs, [0, op.offset], [-1, op.wires.length]);
  const bad = Array.from(bits.dataSync()).findIndex((v) => v !== 0 && v !== 1);
  if (bad >= 0) {
    throw new RangeError(
      `Basis state must only consist of 0s and 1s but found a non-bit in row ${
        Math.floor(bad / op.wires.length)
      }: pass bits`,
    );
  }
  op.wires.forEach((w, i) => {
    const b = tf.reshape(tf.slice(inputs, [0, op.offset + i], [-1, 1]), [-1]);
    const keep = tf.sub(1, b);
    const u = [[[keep, 0], [b, 0]], [[b, 0], [keep, 0]]] as never;
    rho = conjugateBy(rho, [w], tensorRep(u, [rho.s.batch]));
  });
  return rho;
}

function applyBlocks(rho: DensityState, gates: GateOp[], weights: tf.Tensor[]): DensityState {
  for (const block of planBlocks(gates, FUSION_BLOCK_WIRES)) {
    const local = block.ops.map((o) => ({
      ...o,
      wires: o.wires.map((w) => block.wires.indexOf(w)),
    }));
    rho = conjugateBy(rho, block.wires, adjointBlockRep(local, block.wires.length, weights));
  }
  return rho;
}

/**
 * Runs a compiled circuit on a batch as density matrices.
 *
 * @param inputs `[batch, c.inputSize]` float32 features (validated by the caller).
 * @returns The final density state; the caller owns its tensors (call inside `tf.tidy`).
 * @throws {RangeError} When the circuit has more than `DENSITY_MAX_WIRES` wires.
 */
export function simulateDensity(
  c: CompiledCircuit,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
  { fusion = "adjoint" }: DensityOptions = {},
): DensityState {
  if (c.wires > DENSITY_MAX_WIRES) {
    throw new RangeError(
      `Expected at most ${DENSITY_MAX_WIRES} wires for a density-matrix simulation but found ${c.wires}: remove the noise channels or use fewer wires`,
    );
  }
  const first = c.ops.findIndex((o) => o.kind === "noise");
  const split = first === -1 ? c.ops.length : first;
  const prefix: CompiledCircuit = { ...c, ops: c.ops.slice(0, split) };
  let rho = outer(simulate(prefix, inputs, weights, { fusion }), c.wires);
  let pending: GateOp[] = [];
  const flush = () => {
    rho = applyBlocks(rho, pending, weights);
    pending = [];
  };
  for (const op of c.ops.slice(split) as Op[]) {
    if (isInputIndependent(op)) {
      pending.push(op);
      continue;
    }
    flush();
    if (op.kind === "noise") {
      const rep = constantRep(superoperator(op.channel, op.param));
      rho = { ...rho, s: applyRep(rho.s, [op.wire, op.wire + c.wires], rep) };
    } else if (op.kind === "basis") rho = applyBasis(rho, op, inputs);
    else if (op.kind === "amplitude") {
      throw new RangeError(
        `Expected amplitudeEmbedding before any noise channel but found it after one: move it first`,
      );
    } else rho = applyInputGate(rho, op as GateOp, inputs, weights);
  }
  flush();
  return rho;
}

/** The real part of rho's diagonal [batch, 2^n] (unnormalised). */
function diagonal(rho: DensityState): tf.Tensor2D {
  const c = canonical(rho.s);
  const N = 2 ** rho.wires;
  const b = rho.s.batch;
  const re = c.real
    ? c.t
    : tf.reshape(tf.slice(tf.reshape(c.t, [b, N * N, 2]), [0, 0, 0], [-1, -1, 1]), [b, N * N]);
  // Entry (i, i) sits at i * (N + 1): pad to N * (N + 1) and read column 0 of [N, N + 1].
  const padded = tf.pad(re, [[0, 0], [0, N]]);
  return tf.reshape(tf.slice(tf.reshape(padded, [b, N, N + 1]), [0, 0, 0], [-1, -1, 1]), [b, N]);
}

/** The measurement view of a density state (probabilities in wire order 0..n-1). */
export function densityDistribution(rho: DensityState): Distribution {
  return {
    batch: rho.s.batch,
    order: [...Array(rho.wires).keys()],
    norm2: rho.s.norm2 ?? null,
    probs: () => diagonal(rho),
    rotate: (gates: [GateName, number][]) => {
      let r = rho;
      for (const [g, w] of gates) {
        r = conjugateBy(r, [w], constantRep(baseMatrix(g, [], NUMBER_ALGEBRA)));
      }
      return densityDistribution(r);
    },
  };
}
