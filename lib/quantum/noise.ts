/**
 * Single-qubit noise channels with PennyLane's names and Kraus operators
 * (`DepolarizingChannel`, `AmplitudeDamping`, `PhaseDamping`, `BitFlip`, `PhaseFlip`). A channel
 * maps rho to sum_k K_k rho K_k^dagger; on a vectorised density matrix (row index bits before
 * column index bits) that is the superoperator sum_k K_k (x) conj(K_k) on (row wire, column wire).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { krausMatrices } from "./noise.ts";
 * equal(krausMatrices("DepolarizingChannel", 0.1).length, 4);
 * ```
 *
 * @module
 */
import type { Matrix } from "./gates.ts";

/** Names of the noise channels, as PennyLane spells them. */
export type ChannelName =
  | "DepolarizingChannel"
  | "AmplitudeDamping"
  | "PhaseDamping"
  | "BitFlip"
  | "PhaseFlip";

/** Static facts about a channel: diagram label and the name of its parameter. */
export const CHANNELS: Readonly<Record<ChannelName, { label: string; param: "p" | "gamma" }>> = {
  DepolarizingChannel: { label: "Depol", param: "p" },
  AmplitudeDamping: { label: "AmpD", param: "gamma" },
  PhaseDamping: { label: "PhaseD", param: "gamma" },
  BitFlip: { label: "BitFlip", param: "p" },
  PhaseFlip: { label: "PhaseFlip", param: "p" },
};

/** Returns true when `name` is a known channel. */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === "string" && Object.hasOwn(CHANNELS, name);
}

/**
 * Checks a channel parameter: a probability (or damping) in [0, 1], as PennyLane requires.
 *
 * @throws {RangeError} When the value is not a finite number in [0, 1].
 */
export function checkChannelParam(name: ChannelName, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    const what = CHANNELS[name].param;
    throw new RangeError(
      `Expected ${name} ${what} in [0, 1] but found ${String(value)}: pass a probability`,
    );
  }
  return value;
}

function scaled(k: number, m: [number, number][][]): Matrix<number> {
  return m.map((row) => row.map(([re, im]) => [k * re, k * im]));
}

const I: [number, number][][] = [[[1, 0], [0, 0]], [[0, 0], [1, 0]]];
const X: [number, number][][] = [[[0, 0], [1, 0]], [[1, 0], [0, 0]]];
const Y: [number, number][][] = [[[0, 0], [0, -1]], [[0, 1], [0, 0]]];
const Z: [number, number][][] = [[[1, 0], [0, 0]], [[0, 0], [-1, 0]]];

/**
 * PennyLane's Kraus operators of a channel.
 *
 * - DepolarizingChannel(p): sqrt(1-p) I, sqrt(p/3) X, sqrt(p/3) Y, sqrt(p/3) Z
 * - AmplitudeDamping(gamma): [[1, 0], [0, sqrt(1-gamma)]], [[0, sqrt(gamma)], [0, 0]]
 * - PhaseDamping(gamma): [[1, 0], [0, sqrt(1-gamma)]], [[0, 0], [0, sqrt(gamma)]]
 * - BitFlip(p): sqrt(1-p) I, sqrt(p) X
 * - PhaseFlip(p): sqrt(1-p) I, sqrt(p) Z
 *
 * @returns 2x2 complex matrices, row-major.
 */
export function krausMatrices(name: ChannelName, param: number): Matrix<number>[] {
  const p = checkChannelParam(name, param);
  const keep = Math.sqrt(1 - p);
  switch (name) {
    case "DepolarizingChannel": {
      const k = Math.sqrt(p / 3);
      return [scaled(keep, I), scaled(k, X), scaled(k, Y), scaled(k, Z)];
    }
    case "AmplitudeDamping":
      return [
        [[[1, 0], [0, 0]], [[0, 0], [keep, 0]]],
        [[[0, 0], [Math.sqrt(p), 0]], [[0, 0], [0, 0]]],
      ];
    case "PhaseDamping":
      return [
        [[[1, 0], [0, 0]], [[0, 0], [keep, 0]]],
        [[[0, 0], [0, 0]], [[0, 0], [Math.sqrt(p), 0]]],
      ];
    case "BitFlip":
      return [scaled(keep, I), scaled(Math.sqrt(p), X)];
    case "PhaseFlip":
      return [scaled(keep, I), scaled(Math.sqrt(p), Z)];
  }
}

/**
 * The channel's superoperator on a vectorised density matrix: sum_k K_k (x) conj(K_k), a 4x4
 * complex matrix on (row wire, column wire), row wire most significant.
 */
export function superoperator(name: ChannelName, param: number): Matrix<number> {
  const out: Matrix<number> = Array.from(
    { length: 4 },
    () => Array.from({ length: 4 }, () => [0, 0] as [number, number]),
  );
  for (const k of krausMatrices(name, param)) {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        for (let c = 0; c < 2; c++) {
          for (let d = 0; d < 2; d++) {
            const [xr, xi] = k[a]![c]! as [number, number];
            const [yr, yi] = k[b]![d]! as [number, number];
            // K[a][c] * conj(K[b][d])
            const cell = out[2 * a + b]![2 * c + d]! as [number, number];
            cell[0] += xr * yr + xi * yi;
            cell[1] += xi * yr - xr * yi;
          }
        }
      }
    }
  }
  return out;
}
