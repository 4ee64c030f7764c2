// Private: a fast path for noise channels that only end a circuit and are followed by Z-basis
// measurements. Every channel here maps diagonal to diagonal and its diagonal output depends
// only on the diagonal input, so the measured probabilities are the statevector's, moved by
// each channel's 2x2 transition matrix T[a][b] = sum_k |K_k[a][b]|^2 on its wire. No density
// matrix is built; tfjs autodiff differentiates the few tensor ops.
import * as tf from "@tensorflow/tfjs";
import type { CompiledCircuit, Measurement, NoiseOp } from "./ops.ts";
import { krausMatrices } from "./noise.ts";
import { type Fusion, simulate } from "./simulator.ts";
import { canonical, type State } from "./_state.ts";
import type { Distribution } from "./measure.ts";

function zBasis(m: Measurement): boolean {
  if (m.type === "expval" || m.type === "var") return m.pauli === "Z";
  if (m.type === "expvalPauli") return /^[IZ]+$/.test(m.word);
  return true;
}

/** The channels that end `c`, when they are its only noise and it measures in the Z basis. */
function channelTail(c: CompiledCircuit): NoiseOp[] | null {
  const first = c.ops.findIndex((o) => o.kind === "noise");
  if (first === -1 || !c.measurements.every(zBasis)) return null;
  const tail = c.ops.slice(first);
  return tail.every((o) => o.kind === "noise") ? tail as NoiseOp[] : null;
}

function transition(op: NoiseOp): number[][] {
  const t = [[0, 0], [0, 0]];
  for (const k of krausMatrices(op.channel, op.param)) {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        const [re, im] = k[a]![b]! as [number, number];
        t[a]![b]! += re * re + im * im;
      }
    }
  }
  return t;
}

/** |psi|^2 in wire order [batch, 2^n]. */
function probabilities(s: State, n: number): tf.Tensor2D {
  const c = canonical(s);
  const sq = tf.square(c.t);
  return (c.real ? sq : tf.sum(tf.reshape(sq, [s.batch, 2 ** n, 2]), -1)) as tf.Tensor2D;
}

/** Applies a 2x2 column-stochastic matrix to wire `w` of probabilities [batch, 2^n]. */
function moveWire(p: tf.Tensor2D, n: number, w: number, t: number[][]): tf.Tensor2D {
  const batch = p.shape[0];
  const view = tf.reshape(p, [batch * 2 ** w, 2, 2 ** (n - w - 1)]);
  const p0 = tf.slice(view, [0, 0, 0], [-1, 1, -1]);
  const p1 = tf.slice(view, [0, 1, 0], [-1, 1, -1]);
  const q0 = tf.add(tf.mul(p0, t[0]![0]!), tf.mul(p1, t[0]![1]!));
  const q1 = tf.add(tf.mul(p0, t[1]![0]!), tf.mul(p1, t[1]![1]!));
  return tf.reshape(tf.concat([q0, q1], 1), [batch, -1]) as tf.Tensor2D;
}

/**
 * The measured distribution of `c` when its noise is a tail of channels before Z-basis
 * measurements, or null when the density-matrix simulator is needed.
 */
export function channelTailDistribution(
  c: CompiledCircuit,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
  fusion: Fusion,
): Distribution | null {
  const tail = channelTail(c);
  if (tail === null) return null;
  const s = simulate({ ...c, ops: c.ops.slice(0, c.ops.length - tail.length) }, inputs, weights, {
    fusion,
  });
  let p = probabilities(s, c.wires);
  for (const op of tail) p = moveWire(p, c.wires, op.wire, transition(op));
  const probs = p;
  const d: Distribution = {
    batch: s.batch,
    order: [...Array(c.wires).keys()],
    norm2: s.norm2 ?? null,
    probs: () => probs,
    rotate: (gates) => {
      if (gates.length === 0) return d;
      throw new TypeError(
        "Expected Z-basis measurements after a channel tail but found a basis change: use the density simulator",
      );
    },
  };
  return d;
}
