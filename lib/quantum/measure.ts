/**
 * Measurements of a batched tfjs state: Pauli expectations per wire, Pauli words and
 * probabilities, exact or estimated from seeded finite shots.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { baseMatrix, NUMBER_ALGEBRA } from "./gates.ts";
import type { Measurement, ShotsSpec } from "./ops.ts";
import { diagonalizing, measurementRotations } from "./_observables.ts";
import { applyRep, constantRep, type State } from "./_state.ts";
import { MATMUL_MEASURE_MAX_WIRES } from "./constants.ts";

function rotate(s: State, gates: [string, number][]): State {
  for (const [g, w] of gates) {
    s = applyRep(s, [w], constantRep(baseMatrix(g as "Hadamard", [], NUMBER_ALGEBRA)));
  }
  return s;
}

/** Unnormalised basis-state probabilities in the state's axis order: [batch, 2 ** wires]. */
function probabilities(s: State): tf.Tensor2D {
  if (s.real) return tf.square(s.t) as tf.Tensor2D;
  return tf.sum(tf.reshape(tf.square(s.t), [s.batch, -1, 2]), -1) as tf.Tensor2D;
}

/** The constant [2^n (x2 when interleaved), wires] matrix of Z signs in the state's layout. */
function zSignMatrix(s: State, wires: number[], interleaved: boolean): tf.Tensor2D {
  const n = s.order.length;
  const dim = 2 ** n;
  const rep = interleaved ? 2 : 1;
  const signs = new Float32Array(dim * rep * wires.length);
  wires.forEach((w, j) => {
    const shift = n - 1 - position(s, w);
    for (let i = 0; i < dim; i++) {
      for (let c = 0; c < rep; c++) {
        signs[(i * rep + c) * wires.length + j] = (i >> shift) & 1 ? -1 : 1;
      }
    }
  });
  return tf.tensor2d(signs, [dim * rep, wires.length]);
}

/** Bit position (from the most significant end) of `wire` in the state's current layout. */
function position(s: State, wire: number): number {
  return s.order.indexOf(wire);
}

function zColumns(s: State, p: tf.Tensor2D, wires: number[]): tf.Tensor2D {
  const n = s.order.length;
  if (n <= MATMUL_MEASURE_MAX_WIRES) return tf.matMul(p, zSignMatrix(s, wires, false));
  const pm = tf.tensor2d([[1], [-1]]);
  return tf.concat(
    wires.map((w) => {
      const pos = position(s, w);
      const pair = tf.sum(tf.reshape(p, [s.batch, 2 ** pos, 2, -1]), [1, 3]) as tf.Tensor2D;
      return tf.matMul(pair, pm);
    }),
    1,
  );
}

function wordColumn(s: State, p: tf.Tensor2D, word: string, wires: number[]): tf.Tensor2D {
  const n = s.order.length;
  const dim = 2 ** n;
  const signs = new Float32Array(dim).fill(1);
  wires.forEach((w, j) => {
    if (word[j] === "I") return;
    const shift = n - 1 - position(s, w);
    for (let i = 0; i < dim; i++) if ((i >> shift) & 1) signs[i] = -signs[i]!;
  });
  return tf.sum(tf.mul(p, tf.tensor1d(signs)), 1, true) as tf.Tensor2D;
}

function marginal(s: State, p: tf.Tensor2D, wires: number[]): tf.Tensor2D {
  const n = s.order.length;
  const shaped = tf.reshape(p, [s.batch, ...new Array<number>(n).fill(2)]);
  const drop = s.order.map((w, i) => (wires.includes(w) ? -1 : i + 1)).filter((a) => a >= 0);
  const kept = s.order.filter((w) => wires.includes(w));
  const summed = drop.length > 0 ? tf.sum(shaped, drop) : shaped;
  const perm = [0, ...wires.map((w) => kept.indexOf(w) + 1)];
  return tf.reshape(tf.transpose(summed, perm), [s.batch, -1]) as tf.Tensor2D;
}

/** One measurement as (distribution it samples from, map from that distribution to outputs). */
interface Readout {
  p: tf.Tensor2D;
  read: (p: tf.Tensor2D) => tf.Tensor2D;
}

function readouts(s: State, m: Measurement, base: tf.Tensor2D): Readout[] {
  if (m.type === "probs") return [{ p: base, read: (p) => marginal(s, p, m.wires) }];
  if (m.type === "expvalPauli") {
    const r = rotate(s, measurementRotations(m));
    return [{ p: probabilities(r), read: (p) => wordColumn(r, p, m.word, m.wires) }];
  }
  if (m.pauli === "Z") return [{ p: base, read: (p) => zColumns(s, p, m.wires) }];
  return m.wires.map((w) => {
    const r = rotate(s, diagonalizing(m.pauli).map((g) => [g, w]));
    return { p: probabilities(r), read: (p: tf.Tensor2D) => zColumns(r, p, [w]) };
  });
}

/** A small seeded PRNG (mulberry32) for reproducible shots. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Empirical frequencies of `shots` draws per row of `p`. */
function sampleFrequencies(p: tf.Tensor2D, shots: number, random: () => number): tf.Tensor2D {
  const [batch, dim] = p.shape;
  const data = p.dataSync();
  const freq = new Float32Array(batch * dim);
  const cumulative = new Float64Array(dim);
  for (let b = 0; b < batch; b++) {
    let acc = 0;
    for (let i = 0; i < dim; i++) cumulative[i] = acc += data[b * dim + i]!;
    for (let k = 0; k < shots; k++) {
      const u = random() * acc;
      let lo = 0;
      let hi = dim - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      freq[b * dim + lo]! += 1 / shots;
    }
  }
  return tf.tensor2d(freq, [batch, dim]);
}

// Forward: the shot estimate; backward: the exact expectation's gradient (straight-through),
// which is what a shot-based parameter-shift estimate is unbiased for.
function straightThrough(exact: tf.Tensor2D, estimate: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.add(tf.mul(args[0] as tf.Tensor, 0), estimate),
    gradFunc: (dy: tf.Tensor) => dy,
  }));
  return f(exact) as tf.Tensor2D;
}

/**
 * Measures a state.
 *
 * @param s The final state of `simulate`.
 * @param measurements The circuit's measurements, in output order.
 * @param shots Finite-shot settings, or null for exact expectations.
 * @returns `[batch, outputs]`; the caller owns it (call inside `tf.tidy`).
 */
export function measure(
  s: State,
  measurements: Measurement[],
  shots: ShotsSpec | null,
): tf.Tensor2D {
  const n = s.order.length;
  // Fast path: Pauli-Z expectations only, exact: one matmul on the squared amplitudes.
  if (
    shots === null && n <= MATMUL_MEASURE_MAX_WIRES &&
    measurements.every((m) => m.type === "expval" && m.pauli === "Z")
  ) {
    const wires = measurements.flatMap((m) => m.wires);
    const out = tf.matMul(tf.square(s.t) as tf.Tensor2D, zSignMatrix(s, wires, !s.real));
    return (s.norm2 ? tf.div(out, s.norm2) : out) as tf.Tensor2D;
  }
  const base = probabilities(s);
  const all = measurements.flatMap((m) => readouts(s, m, base));
  const random = shots === null ? null : mulberry32(shots.seed);
  const columns = all.map(({ p, read }) => {
    const raw = read(p);
    const exact = s.norm2 ? tf.div(raw, s.norm2) as tf.Tensor2D : raw;
    if (shots === null || random === null) return exact;
    return straightThrough(exact, read(sampleFrequencies(p, shots.shots, random)));
  });
  return (columns.length === 1 ? columns[0]! : tf.concat(columns, 1)) as tf.Tensor2D;
}
