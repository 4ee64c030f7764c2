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
import { SPLIT_MEASURE_MIN_WIRES } from "./constants.ts";
import { stream } from "../random/mod.ts";

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

/** Bit position (from the most significant end) of `wire` in the state's current layout. */
function position(s: State, wire: number): number {
  return s.order.indexOf(wire);
}

/**
 * Signs [rows * rep, wires] of Z on `wires` for the `bits` index bits starting at bit
 * position `from` (0 wires outside that range give zero columns); `rep` repeats each row for
 * interleaved [re, im] entries.
 */
function signMatrix(
  s: State,
  wires: number[],
  from: number,
  bits: number,
  rep: number,
): tf.Tensor2D {
  const rows = 2 ** bits;
  const m = wires.length;
  const signs = new Float32Array(rows * rep * m);
  wires.forEach((w, j) => {
    const pos = position(s, w) - from;
    if (pos < 0 || pos >= bits) return;
    const shift = bits - 1 - pos;
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < rep; c++) signs[(i * rep + c) * m + j] = (i >> shift) & 1 ? -1 : 1;
    }
  });
  return tf.tensor2d(signs, [rows * rep, m]);
}

/**
 * Z expectations (unnormalised) of `wires` from squared amplitudes `q` [batch, 2^n * rep]:
 * one matmul with a sign matrix on small registers; on larger ones the high and low halves of
 * the index are marginalised first, so the sign matrices stay small.
 */
function zFromSquares(s: State, q: tf.Tensor2D, wires: number[], rep: number): tf.Tensor2D {
  const n = s.order.length;
  if (n < SPLIT_MEASURE_MIN_WIRES) return tf.matMul(q, signMatrix(s, wires, 0, n, rep));
  const high = Math.floor(n / 2);
  const q3 = tf.reshape(q, [s.batch, 2 ** high, -1]);
  const inHigh = wires.some((w) => position(s, w) < high);
  const inLow = wires.some((w) => position(s, w) >= high);
  const parts: tf.Tensor2D[] = [];
  if (inHigh) parts.push(tf.matMul(tf.sum(q3, 2) as tf.Tensor2D, signMatrix(s, wires, 0, high, 1)));
  if (inLow) {
    parts.push(tf.matMul(tf.sum(q3, 1) as tf.Tensor2D, signMatrix(s, wires, high, n - high, rep)));
  }
  return (parts.length === 1 ? parts[0]! : tf.add(parts[0]!, parts[1]!)) as tf.Tensor2D;
}

function zColumns(s: State, p: tf.Tensor2D, wires: number[]): tf.Tensor2D {
  return zFromSquares(s, p, wires, 1);
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
  // Fast path: Pauli-Z expectations only, exact: straight from the squared amplitudes.
  if (shots === null && measurements.every((m) => m.type === "expval" && m.pauli === "Z")) {
    const wires = measurements.flatMap((m) => m.wires);
    const out = zFromSquares(s, tf.square(s.t) as tf.Tensor2D, wires, s.real ? 1 : 2);
    return (s.norm2 ? tf.div(out, s.norm2) : out) as tf.Tensor2D;
  }
  const base = probabilities(s);
  const all = measurements.flatMap((m) => readouts(s, m, base));
  const random = shots === null ? null : stream(shots.seed);
  const columns = all.map(({ p, read }) => {
    const raw = read(p);
    const exact = s.norm2 ? tf.div(raw, s.norm2) as tf.Tensor2D : raw;
    if (shots === null || random === null) return exact;
    return straightThrough(exact, read(sampleFrequencies(p, shots.shots, random)));
  });
  return (columns.length === 1 ? columns[0]! : tf.concat(columns, 1)) as tf.Tensor2D;
}
