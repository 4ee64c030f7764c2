/**
 * Measurements of a batched tfjs state: Pauli expectations per wire, Pauli words and
 * probabilities, exact or estimated from seeded finite shots.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { baseMatrix, type GateName, NUMBER_ALGEBRA } from "./gates.ts";
import type { Measurement, ShotsSpec } from "./ops.ts";
import { diagonalizing, measurementRotations } from "./_observables.ts";
import { applyRep, constantRep, type State } from "./_state.ts";
import { SPLIT_MEASURE_MIN_WIRES } from "./constants.ts";
import { stream } from "../random/mod.ts";

/**
 * What measurements read: basis-state probabilities of a batch of states (pure or mixed), in
 * the wire order `order` (`order[i]` is the wire of index bit i, most significant first).
 */
export interface Distribution {
  batch: number;
  order: number[];
  /** Unnormalised probabilities [batch, 2 ** wires]; divide by `norm2` when set. */
  probs(): tf.Tensor2D;
  /** The distribution after applying constant single-wire gates (basis changes). */
  rotate(gates: [GateName, number][]): Distribution;
  /** Squared norms [batch, 1] that outputs are divided by, or null. */
  norm2: tf.Tensor | null;
}

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

/** The measurement view of a statevector. */
export function stateDistribution(s: State): Distribution {
  return {
    batch: s.batch,
    order: s.order,
    norm2: s.norm2 ?? null,
    probs: () => probabilities(s),
    rotate: (gates) => stateDistribution(rotate(s, gates)),
  };
}

/** The part of a state or distribution that says where each wire sits. */
interface Layout {
  batch: number;
  order: number[];
}

/** Bit position (from the most significant end) of `wire` in the state's current layout. */
function position(s: Layout, wire: number): number {
  return s.order.indexOf(wire);
}

/**
 * Signs [rows * rep, wires] of Z on `wires` for the `bits` index bits starting at bit
 * position `from` (0 wires outside that range give zero columns); `rep` repeats each row for
 * interleaved [re, im] entries.
 */
function signMatrix(
  s: Layout,
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
function zFromSquares(s: Layout, q: tf.Tensor2D, wires: number[], rep: number): tf.Tensor2D {
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

function zColumns(s: Layout, p: tf.Tensor2D, wires: number[]): tf.Tensor2D {
  return zFromSquares(s, p, wires, 1);
}

function wordColumn(s: Layout, p: tf.Tensor2D, word: string, wires: number[]): tf.Tensor2D {
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

function marginal(s: Layout, p: tf.Tensor2D, wires: number[]): tf.Tensor2D {
  const n = s.order.length;
  const shaped = tf.reshape(p, [s.batch, ...new Array<number>(n).fill(2)]);
  const drop = s.order.map((w, i) => (wires.includes(w) ? -1 : i + 1)).filter((a) => a >= 0);
  const kept = s.order.filter((w) => wires.includes(w));
  const summed = drop.length > 0 ? tf.sum(shaped, drop) : shaped;
  const perm = [0, ...wires.map((w) => kept.indexOf(w) + 1)];
  return tf.reshape(tf.transpose(summed, perm), [s.batch, -1]) as tf.Tensor2D;
}

/**
 * One measurement as (distribution it samples from, map from that distribution to outputs,
 * map applied after normalisation: the identity, or 1 - e^2 for a Pauli variance).
 */
interface Readout {
  p: tf.Tensor2D;
  read: (p: tf.Tensor2D) => tf.Tensor2D;
  post: ((e: tf.Tensor2D) => tf.Tensor2D) | null;
}

function variance(e: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(1, tf.square(e)) as tf.Tensor2D;
}

function readouts(d: Distribution, m: Measurement, base: tf.Tensor2D): Readout[] {
  if (m.type === "probs") return [{ p: base, read: (p) => marginal(d, p, m.wires), post: null }];
  if (m.type === "expvalPauli") {
    const r = d.rotate(measurementRotations(m));
    return [{ p: r.probs(), read: (p) => wordColumn(r, p, m.word, m.wires), post: null }];
  }
  const post = m.type === "var" ? variance : null;
  if (m.pauli === "Z") return [{ p: base, read: (p) => zColumns(d, p, m.wires), post }];
  return m.wires.map((w) => {
    const r = d.rotate(diagonalizing(m.pauli).map((g) => [g, w]));
    return { p: r.probs(), read: (p: tf.Tensor2D) => zColumns(r, p, [w]), post };
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
      const lo = draw(cumulative, random() * acc);
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
  return measureDistribution(stateDistribution(s), measurements, shots);
}

/**
 * Measures a distribution (of a statevector or a density matrix).
 *
 * @returns `[batch, outputs]`; the caller owns it (call inside `tf.tidy`).
 */
export function measureDistribution(
  d: Distribution,
  measurements: Measurement[],
  shots: ShotsSpec | null,
): tf.Tensor2D {
  const base = d.probs();
  const all = measurements.flatMap((m) => readouts(d, m, base));
  const random = shots === null ? null : stream(shots.seed);
  const columns = all.map(({ p, read, post }) => {
    const raw = read(p);
    const normalised = d.norm2 ? tf.div(raw, d.norm2) as tf.Tensor2D : raw;
    const exact = post ? post(normalised) : normalised;
    if (shots === null || random === null) return exact;
    const estimate = read(sampleFrequencies(p, shots.shots, random));
    return straightThrough(exact, post ? post(estimate) : estimate);
  });
  return (columns.length === 1 ? columns[0]! : tf.concat(columns, 1)) as tf.Tensor2D;
}

/** Options of {@linkcode sampleBits}. */
export interface SampleOptions {
  /** Number of samples per row. */
  shots: number;
  /** Seed of the sampler. @default {0} */
  seed?: number;
  /** Wires whose bits are returned, in this order. @default {all wires} */
  wires?: number[];
}

/**
 * Draws computational-basis samples from each row's distribution (PennyLane's `qml.sample()`
 * of the given wires).
 *
 * @returns `[batch][shots][wires.length]` bits (0 or 1).
 */
export function sampleBits(
  d: Distribution,
  { shots, seed = 0, wires }: SampleOptions,
): number[][][] {
  const n = d.order.length;
  const ws = wires ?? [...Array(n).keys()];
  const p = d.probs();
  const [batch, dim] = p.shape;
  const data = p.dataSync();
  p.dispose();
  const random = stream(seed);
  const cumulative = new Float64Array(dim);
  const shifts = ws.map((w) => n - 1 - d.order.indexOf(w));
  const out: number[][][] = [];
  for (let b = 0; b < batch; b++) {
    let acc = 0;
    for (let i = 0; i < dim; i++) cumulative[i] = acc += Math.max(0, data[b * dim + i]!);
    const rows: number[][] = [];
    for (let k = 0; k < shots; k++) {
      const index = draw(cumulative, random() * acc);
      rows.push(shifts.map((s) => (index >> s) & 1));
    }
    out.push(rows);
  }
  return out;
}

/** The first index whose cumulative probability exceeds `u` (binary search). */
function draw(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Counts of each observed bit string per row (PennyLane's `qml.counts()`: keys are bit
 * strings of the wires in order, wire order as given; only observed outcomes).
 */
export function countBits(samples: number[][][]): Record<string, number>[] {
  return samples.map((rows) => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = r.join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  });
}
