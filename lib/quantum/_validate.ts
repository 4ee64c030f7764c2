// Private: argument checks shared by the builder and run(), with house-style messages.
import { MAX_WIRES } from "./constants.ts";

export function checkWireCount(wires: unknown): number {
  if (typeof wires !== "number" || !Number.isInteger(wires) || wires < 1 || wires > MAX_WIRES) {
    throw new RangeError(
      `Expected a wire count in 1..${MAX_WIRES} but found ${
        String(wires)
      }: pass an integer number of wires`,
    );
  }
  return wires;
}

/** Options of {@link checkWires}. */
export interface CheckWiresOptions {
  /** The circuit's wire count: valid indices are 0..n-1. */
  n: number;
  /** What the wires are for, named in the error messages. */
  what: string;
  /** The exact number of wires required, if any. */
  expected?: number;
}

export function checkWires(list: unknown, { n, what, expected }: CheckWiresOptions): number[] {
  const arr = typeof list === "number" ? [list] : list;
  if (!Array.isArray(arr)) {
    throw new TypeError(
      `Expected ${what} wires as an array but found ${typeof list}: pass wire indices`,
    );
  }
  for (const w of arr) {
    if (typeof w !== "number" || !Number.isInteger(w) || w < 0 || w >= n) {
      throw new RangeError(
        `Expected ${what} wires in 0..${n - 1} but found ${String(w)}: use wire indices below ${n}`,
      );
    }
  }
  if (new Set(arr).size !== arr.length) {
    throw new RangeError(
      `Expected distinct ${what} wires but found [${arr.join(", ")}]: list each wire once`,
    );
  }
  if (expected !== undefined && arr.length !== expected) {
    throw new RangeError(
      `Expected ${expected} wires for ${what} but found ${arr.length}: pass ${expected} wire indices`,
    );
  }
  if (arr.length === 0) {
    throw new RangeError(
      `Expected at least one wire for ${what} but found none: pass wire indices`,
    );
  }
  return [...arr] as number[];
}

export function checkLayers(layers: unknown, what: string): number {
  if (typeof layers !== "number" || !Number.isInteger(layers) || layers < 1) {
    throw new RangeError(
      `Expected ${what} layers to be a positive integer but found ${
        String(layers)
      }: pass 1 or more`,
    );
  }
  return layers;
}

export function checkFinite(x: unknown, what: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new TypeError(
      `Expected ${what} to be a finite number but found ${String(x)}: pass a number`,
    );
  }
  return x;
}
