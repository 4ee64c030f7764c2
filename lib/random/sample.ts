/**
 * Seeded sampling and shuffling on top of a stream.
 *
 * @module
 */

/**
 * `count` distinct indices of [0, n) drawn with a partial Fisher-Yates shuffle driven by
 * `random`, in ascending order (all of [0, n) when `count >= n`).
 *
 * @param n The size of the population.
 * @param count How many to draw.
 * @param random The stream, e.g. `stream(seed, "attack-sample")`.
 * @returns The sorted indices.
 * @throws {RangeError} when `n` or `count` is not a non-negative integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleIndices } from "./sample.ts";
 * import { stream } from "./stream.ts";
 * const picked = sampleIndices(10, 3, stream(1));
 * assert.equal(picked.length, 3);
 * assert.deepEqual(picked, [...picked].sort((a, b) => a - b));
 * ```
 */
export function sampleIndices(n: number, count: number, random: () => number): number[] {
  for (const [name, value] of [["n", n], ["count", count]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(
        `Expected ${name} to be a non-negative integer but found ${value}: pass e.g. 10`,
      );
    }
  }
  const pool = Array.from({ length: n }, (_, i) => i);
  const k = Math.min(count, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}

/**
 * Shuffles `array` in place with the Fisher-Yates algorithm driven by `random`.
 *
 * @param array Any indexable array (typed arrays included).
 * @param random The stream.
 * @returns `array`, shuffled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shuffleInPlace } from "./sample.ts";
 * import { stream } from "./stream.ts";
 * const a = shuffleInPlace([1, 2, 3, 4], stream(2));
 * assert.deepEqual([...a].sort(), [1, 2, 3, 4]);
 * ```
 */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  array: T,
  random: () => number,
): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}
