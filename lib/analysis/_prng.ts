/**
 * A small seeded pseudo-random generator (mulberry32) shared by the analysis
 * functions, so that every projection is reproducible from one seed.
 *
 * @module
 */

import { mulberry32 } from "../random/mod.ts";

/** A function returning uniform numbers in [0, 1). */
export type RandomFn = () => number;

/**
 * Returns a mulberry32 generator seeded with `seed` (any finite number; only its
 * 32-bit integer part is used).
 */
export function seededRandom(seed: number): RandomFn {
  return mulberry32(Math.trunc(seed));
}

/**
 * Picks `count` distinct indices from `[0, n)` with a seeded partial
 * Fisher-Yates shuffle, returned in ascending order (all of them when
 * `count >= n`).
 */
export function sampleIndices(n: number, count: number, random: RandomFn): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (count >= n) return all;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i]!;
    all[i] = all[j]!;
    all[j] = tmp;
  }
  return all.slice(0, count).sort((a, b) => a - b);
}
