/**
 * A stream whose whole state is one 32-bit integer, so a checkpoint can store it and a resumed
 * run draws the same numbers.
 *
 * @module
 */

import { mulberry32Advance, mulberry32Output, TWO_POW_32 } from "./mulberry32.ts";
import { deriveSeed, type StreamLabel } from "./stream.ts";

/**
 * The stream of {@link stream} with an exposed, restorable state: `new SeededRandom(seed,
 * ...labels)` draws exactly the numbers of `stream(seed, ...labels)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SeededRandom } from "./seeded_random.ts";
 * const a = new SeededRandom(7, "epochs");
 * a.next();
 * const b = SeededRandom.fromState(a.state);
 * assert.equal(a.next(), b.next());
 * ```
 */
export class SeededRandom {
  #state: number;

  /**
   * @param seed Any finite number.
   * @param labels Names of the stream, as for {@link stream}.
   * @throws {RangeError} when `seed` is not finite.
   */
  constructor(seed: number, ...labels: StreamLabel[]) {
    this.#state = deriveSeed(seed, ...labels);
  }

  /**
   * Rebuilds a generator from a saved {@link SeededRandom.state}.
   *
   * @param state A value previously read from `state`.
   * @returns A generator that continues the saved stream.
   * @throws {RangeError} when `state` is not an integer in [0, 2^32).
   */
  static fromState(state: number): SeededRandom {
    if (!Number.isInteger(state) || state < 0 || state >= TWO_POW_32) {
      throw new RangeError(
        `Expected a random state in 0..2^32-1 but found ${state}: pass a value read from .state`,
      );
    }
    const random = new SeededRandom(0);
    random.#state = state;
    return random;
  }

  /** The generator's whole state, an integer in [0, 2^32). */
  get state(): number {
    return this.#state;
  }

  /** @returns the next integer in [0, 2^32). */
  nextUint32(): number {
    this.#state = mulberry32Advance(this.#state);
    return mulberry32Output(this.#state);
  }

  /** @returns the next number in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }
}
