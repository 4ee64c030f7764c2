/** 2^32, the size of a mulberry32 state and output. */
export const TWO_POW_32 = 4294967296;

/** The Weyl increment mulberry32 adds to its state before each output. */
export const MULBERRY32_INCREMENT = 0x6d2b79f5;

/**
 * Advances a mulberry32 state by one step.
 *
 * @param state The current state, an integer in [0, 2^32).
 * @returns The next state, an integer in [0, 2^32).
 */
export function mulberry32Advance(state: number): number {
  return (state + MULBERRY32_INCREMENT) >>> 0;
}

/**
 * The 32-bit output of mulberry32 for an already advanced state.
 *
 * @param state A state returned by {@link mulberry32Advance}.
 * @returns An integer in [0, 2^32).
 */
export function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * Returns a deterministic generator of uniform numbers in [0, 1) (mulberry32),
 * the one pseudo-random stream every seeded choice in the project draws from.
 *
 * @param seed Any finite number; its low 32 bits (after truncation) are the initial state.
 * @returns A function with the contract of `Math.random`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mulberry32 } from "./mulberry32.ts";
 * const a = mulberry32(7), b = mulberry32(7);
 * assert.equal(a(), b());
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = mulberry32Advance(state);
    return mulberry32Output(state) / TWO_POW_32;
  };
}
