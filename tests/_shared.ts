/**
 * Helpers shared by the tests of several folders: the tfjs backend a test runs on and the
 * comparison of numeric arrays.
 *
 * @module
 */
import { setupRuntime } from "../lib/runtime/mod.ts";

/**
 * Puts tfjs on `backend` before a test (the quantum tests default to the cpu backend, the
 * exact reference; the training tests pass "wasm", the project's backend, and a seed).
 *
 * @param backend tfjs backend. @default "cpu"
 * @param seed seed of the global random streams, when the test needs one.
 */
export async function useBackend(backend: "cpu" | "wasm" = "cpu", seed?: number): Promise<void> {
  await setupRuntime({ backend, ...(seed === undefined ? {} : { seed }) });
}

/** Largest absolute difference of two equally shaped (possibly nested) arrays. */
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
