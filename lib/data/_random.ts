/** Seeded pseudo-random numbers for splits, stand-ins and augmentation (internal). */

export { mulberry32 } from "../random/mod.ts";

/** Mixes integers into one 32-bit seed, so that (seed, stream, index) give independent streams. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** Shuffles `array` in place with the Fisher-Yates algorithm driven by `random`. */
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
