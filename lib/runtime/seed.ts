import { stream } from "../random/mod.ts";

const nativeRandom = Math.random;

/**
 * Seeds the process-wide randomness that tfjs draws on. tfjs initialisers and `tf.random*`
 * without an explicit seed take their seed from `Math.random`, so replacing it with the stream
 * `stream(seed, "tfjs")` of `lib/random` makes weight initialisation reproducible.
 *
 * @param seed The seed, or `null` to restore the native `Math.random`.
 * @throws {RangeError} when `seed` is not finite.
 */
export function seedGlobalRandom(seed: number | null): void {
  Math.random = seed === null ? nativeRandom : stream(seed, "tfjs");
}
