/**
 * Returns a deterministic generator of uniform numbers in [0, 1) (mulberry32).
 *
 * @param seed Any finite number; its low 32 bits select the stream.
 * @returns A function with the contract of `Math.random`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = seededRandom(7), b = seededRandom(7);
 * assert.equal(a(), b());
 * ```
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`Expected a finite seed but found ${seed}: pass an integer`);
  }
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nativeRandom = Math.random;

/**
 * Seeds the process-wide randomness that tfjs draws on. tfjs initialisers and `tf.random*`
 * without an explicit seed take their seed from `Math.random`, so replacing it with a seeded
 * stream makes weight initialisation and shuffles reproducible.
 *
 * @param seed The seed, or `null` to restore the native `Math.random`.
 */
export function seedGlobalRandom(seed: number | null): void {
  Math.random = seed === null ? nativeRandom : seededRandom(seed);
}
