/**
 * The gate catalogue: names, arity and matrices, written once over a tiny scalar algebra so
 * that the float64 reference simulator (numbers) and the tfjs simulator (tensors) share the
 * same definitions. Matrices follow PennyLane: `Rot(phi, theta, omega) = RZ(omega) RY(theta)
 * RZ(phi)`, controls come first in a gate's wires, and wire 0 is the most significant bit.
 *
 * @module
 */

/** Names of the primitive gates, as PennyLane spells them. */
export type GateName =
  | "RX"
  | "RY"
  | "RZ"
  | "Rot"
  | "PhaseShift"
  | "Hadamard"
  | "PauliX"
  | "PauliY"
  | "PauliZ"
  | "S"
  | "T"
  | "CNOT"
  | "CZ"
  | "CRX"
  | "CRY"
  | "CRZ"
  | "SWAP";

/** Static facts about one gate kind. */
export interface GateInfo {
  /** Number of wires the gate acts on (controls included). */
  wires: number;
  /** Number of real parameters. */
  params: number;
  /** Number of leading control wires (0 for uncontrolled gates and SWAP). */
  controls: number;
  /** The uncontrolled single-qubit gate a controlled gate applies, or null. */
  base: GateName | null;
  /** Short label for diagrams. */
  label: string;
  /** OpenQASM 2.0 (qelib1.inc) name, or null where the gate is written as a sequence. */
  qasm: string | null;
}

function info(
  wires: number,
  params: number,
  label: string,
  qasm: string | null,
  controls = 0,
  base: GateName | null = null,
): GateInfo {
  return { wires, params, controls, base, label, qasm };
}

/** Facts about every gate in {@linkcode GateName}. */
export const GATES: Readonly<Record<GateName, GateInfo>> = {
  RX: info(1, 1, "RX", "rx"),
  RY: info(1, 1, "RY", "ry"),
  RZ: info(1, 1, "RZ", "rz"),
  Rot: info(1, 3, "Rot", null),
  PhaseShift: info(1, 1, "P", "u1"),
  Hadamard: info(1, 0, "H", "h"),
  PauliX: info(1, 0, "X", "x"),
  PauliY: info(1, 0, "Y", "y"),
  PauliZ: info(1, 0, "Z", "z"),
  S: info(1, 0, "S", "s"),
  T: info(1, 0, "T", "t"),
  CNOT: info(2, 0, "X", "cx", 1, "PauliX"),
  CZ: info(2, 0, "Z", "cz", 1, "PauliZ"),
  CRX: info(2, 1, "RX", "crx", 1, "RX"),
  CRY: info(2, 1, "RY", "cry", 1, "RY"),
  CRZ: info(2, 1, "RZ", "crz", 1, "RZ"),
  SWAP: info(2, 0, "SWAP", "swap"),
};

/** Returns true when `name` is a known gate. */
export function isGateName(name: unknown): name is GateName {
  return typeof name === "string" && Object.hasOwn(GATES, name);
}

/** Arithmetic the gate definitions need; implemented for numbers and for tensors. */
export interface Algebra<T> {
  cos(x: T): T;
  sin(x: T): T;
  /** `x * k` for a constant k. */
  scale(x: T, k: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
}

/** A real entry: a constant number or a value of the algebra. */
export type Entry<T> = T | number;
/** A complex entry as [real, imaginary]. */
export type Complex<T> = [Entry<T>, Entry<T>];
/** A square complex matrix, row-major. */
export type Matrix<T> = Complex<T>[][];

/** Number algebra used by the float64 reference simulator and constant folding. */
export const NUMBER_ALGEBRA: Algebra<number> = {
  cos: Math.cos,
  sin: Math.sin,
  scale: (x, k) => x * k,
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
};

function half<T>(alg: Algebra<T>, x: T): [T, T] {
  const h = alg.scale(x, 0.5);
  return [alg.cos(h), alg.sin(h)];
}

function neg<T>(alg: Algebra<T>, x: Entry<T>): Entry<T> {
  return typeof x === "number" ? -x : alg.scale(x, -1);
}

/** e^{i a} times a real amplitude r, with `a` a sum of algebra values scaled by constants. */
function phased<T>(alg: Algebra<T>, r: Entry<T>, angle: T): Complex<T> {
  const c = alg.cos(angle);
  const s = alg.sin(angle);
  if (typeof r === "number") return [alg.scale(c, r), alg.scale(s, r)];
  return [alg.mul(c, r), alg.mul(s, r)];
}

const R = Math.SQRT1_2;

/**
 * The 2x2 matrix of a single-qubit gate (or the 4x4 of SWAP) for the given parameters.
 *
 * @param name An uncontrolled gate name.
 * @param params Parameters in PennyLane order.
 * @param alg The algebra the parameters live in.
 * @returns The complex matrix, row-major.
 */
export function baseMatrix<T>(name: GateName, params: T[], alg: Algebra<T>): Matrix<T> {
  const p = (i: number): T => {
    const v = params[i];
    if (v === undefined) {
      throw new RangeError(
        `Expected ${
          GATES[name].params
        } parameters for ${name} but found ${params.length}: pass all of them`,
      );
    }
    return v;
  };
  switch (name) {
    case "RX": {
      const [c, s] = half(alg, p(0));
      return [[[c, 0], [0, neg(alg, s)]], [[0, neg(alg, s)], [c, 0]]];
    }
    case "RY": {
      const [c, s] = half(alg, p(0));
      return [[[c, 0], [neg(alg, s), 0]], [[s, 0], [c, 0]]];
    }
    case "RZ": {
      const [c, s] = half(alg, p(0));
      return [[[c, neg(alg, s)], [0, 0]], [[0, 0], [c, s]]];
    }
    case "PhaseShift": {
      return [[[1, 0], [0, 0]], [[0, 0], [alg.cos(p(0)), alg.sin(p(0))]]];
    }
    case "Rot": {
      // Rot(phi, theta, omega) = [[e^{-i(phi+omega)/2} c, -e^{i(phi-omega)/2} s],
      //                           [e^{-i(phi-omega)/2} s,  e^{i(phi+omega)/2} c]]
      const [c, s] = half(alg, p(1));
      const sum = alg.scale(alg.add(p(0), p(2)), 0.5);
      const diff = alg.scale(alg.add(p(0), alg.scale(p(2), -1)), 0.5);
      return [
        [phased(alg, c, alg.scale(sum, -1)), phased(alg, neg(alg, s), diff)],
        [phased(alg, s, alg.scale(diff, -1)), phased(alg, c, sum)],
      ];
    }
    case "Hadamard":
      return [[[R, 0], [R, 0]], [[R, 0], [-R, 0]]];
    case "PauliX":
      return [[[0, 0], [1, 0]], [[1, 0], [0, 0]]];
    case "PauliY":
      return [[[0, 0], [0, -1]], [[0, 1], [0, 0]]];
    case "PauliZ":
      return [[[1, 0], [0, 0]], [[0, 0], [-1, 0]]];
    case "S":
      return [[[1, 0], [0, 0]], [[0, 0], [0, 1]]];
    case "T":
      return [[[1, 0], [0, 0]], [[0, 0], [R, R]]];
    case "SWAP": {
      const m: Matrix<T> = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => [0, 0]));
      for (const [i, j] of [[0, 0], [1, 2], [2, 1], [3, 3]] as const) m[i]![j] = [1, 0];
      return m;
    }
    default: {
      const g = GATES[name];
      if (g.base === null) {
        throw new TypeError(`Expected a known gate but found ${name}: see GATES`);
      }
      return controlled(baseMatrix(g.base, params, alg), g.controls);
    }
  }
}

/** Embeds `u` as the bottom-right block of an identity: the gate controlled on `controls` wires. */
export function controlled<T>(u: Matrix<T>, controls: number): Matrix<T> {
  const d = u.length << controls;
  const offset = d - u.length;
  const m: Matrix<T> = [];
  for (let i = 0; i < d; i++) {
    const row: Complex<T>[] = [];
    for (let j = 0; j < d; j++) {
      if (i >= offset && j >= offset) row.push(u[i - offset]![j - offset]!);
      else row.push([i === j ? 1 : 0, 0]);
    }
    m.push(row);
  }
  return m;
}

/**
 * The real representation of a complex d x d matrix acting on row vectors of interleaved
 * [re, im] amplitudes: row (j, re) is U e_j and row (j, im) is i U e_j, so `v R` is `U v`.
 *
 * @returns A 2d x 2d matrix of entries.
 */
export function realRep<T>(u: Matrix<T>, alg: Algebra<T>): Entry<T>[][] {
  const d = u.length;
  const out: Entry<T>[][] = Array.from({ length: 2 * d }, () => new Array(2 * d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const [re, im] = u[i]![j]!;
      out[2 * j]![2 * i] = re;
      out[2 * j]![2 * i + 1] = im;
      out[2 * j + 1]![2 * i] = neg(alg, im);
      out[2 * j + 1]![2 * i + 1] = re;
    }
  }
  return out;
}
