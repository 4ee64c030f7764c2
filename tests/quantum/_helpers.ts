// Shared helpers of the quantum tests: backend selection, random data, comparisons.
import * as tf from "@tensorflow/tfjs";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { mulberry32 } from "../../lib/random/mod.ts";

/** Largest float32-vs-float64 difference accepted for circuits of a few dozen gates. */
export const FLOAT32_TOLERANCE = 2e-5;

/** Selects a tfjs backend for the current test (the cpu backend unless a test says otherwise). */
export async function useBackend(backend: "cpu" | "wasm" = "cpu"): Promise<void> {
  await setupRuntime({ backend });
}

/** A seeded PRNG (the project's mulberry32) for reproducible random circuits and data. */
export const rng: (seed: number) => () => number = mulberry32;

/** `rows x cols` uniform numbers in [lo, hi). */
export function randomMatrix(
  random: () => number,
  rows: number,
  cols: number,
  lo = -1,
  hi = 1,
): number[][] {
  return Array.from(
    { length: rows },
    () => Array.from({ length: cols }, () => lo + (hi - lo) * random()),
  );
}

/** Largest absolute difference of two equally shaped nested arrays. */
export function maxDiff(
  a: ArrayLike<number> | number[][],
  b: ArrayLike<number> | number[][],
): number {
  const fa = (Array.isArray(a) ? (a as unknown[]).flat(Infinity) : Array.from(a)) as number[];
  const fb = (Array.isArray(b) ? (b as unknown[]).flat(Infinity) : Array.from(b)) as number[];
  if (fa.length !== fb.length) {
    throw new RangeError(`Expected equal lengths but found ${fa.length} and ${fb.length}`);
  }
  return fa.reduce((m, v, i) => Math.max(m, Math.abs(v - fb[i]!)), 0);
}

/** Runs `f` and returns its result as nested arrays, disposing every tensor it made. */
export function values(f: () => tf.Tensor): number[][] {
  return tf.tidy(() => f().arraySync() as number[][]);
}
