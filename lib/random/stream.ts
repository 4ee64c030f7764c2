/**
 * The project's one seeding rule: a run seed and a list of labels name a stream.
 *
 * @module
 */

import { mulberry32 } from "./mulberry32.ts";

/** A label naming a stream: a number, or a string hashed to 32 bits (FNV-1a of its UTF-16 units). */
export type StreamLabel = number | string;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_MULTIPLIER = 0x5bd1e995;

function checkSeed(seed: number): void {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`Expected a finite seed but found ${seed}: pass an integer`);
  }
}

function labelBits(label: StreamLabel): number {
  if (typeof label === "number") {
    if (!Number.isFinite(label)) {
      throw new RangeError(
        `Expected a finite stream label but found ${label}: pass an integer or a string`,
      );
    }
    return label >>> 0;
  }
  let h = FNV_OFFSET;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/**
 * The 32-bit seed of the stream named by `seed` and `labels`.
 *
 * The rule: with no labels the seed is `seed` itself (its low 32 bits, after truncation);
 * otherwise every part (the seed, then each label, a string label first hashed with FNV-1a) is
 * folded into an FNV-1a state followed by a murmur-style avalanche. Different labels give
 * streams that are, for all practical purposes, independent.
 *
 * @param seed Any finite number.
 * @param labels Names of the stream, e.g. `"init"` or `"epochs"`, or numbers such as an index.
 * @returns An integer in [0, 2^32).
 * @throws {RangeError} when `seed` or a numeric label is not finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deriveSeed } from "./stream.ts";
 * assert.equal(deriveSeed(7), 7);
 * assert.notEqual(deriveSeed(7, "init"), deriveSeed(7, "epochs"));
 * ```
 */
export function deriveSeed(seed: number, ...labels: StreamLabel[]): number {
  checkSeed(seed);
  if (labels.length === 0) return seed >>> 0;
  let h = FNV_OFFSET;
  for (const part of [seed >>> 0, ...labels.map(labelBits)]) {
    h = Math.imul(h ^ part, FNV_PRIME) >>> 0;
    h = Math.imul(h ^ (h >>> 13), MIX_MULTIPLIER) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/**
 * The stream named by `seed` and `labels`: mulberry32 seeded with {@link deriveSeed}. Every
 * seeded choice of the project (data splits and order, stand-ins, augmentation, weight
 * initialisation, attack samples, measurement shots, analysis subsets, t-SNE and UMAP) draws
 * from such a stream, so the same seed and labels give the same numbers everywhere; use
 * {@link SeededRandom} where the state must be saved and restored.
 *
 * @param seed Any finite number.
 * @param labels Names of the stream (none for the seed's root stream).
 * @returns A function with the contract of `Math.random`.
 * @throws {RangeError} when `seed` or a numeric label is not finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stream } from "./stream.ts";
 * const a = stream(7, "init"), b = stream(7, "init");
 * assert.equal(a(), b());
 * ```
 */
export function stream(seed: number, ...labels: StreamLabel[]): () => number {
  return mulberry32(deriveSeed(seed, ...labels));
}
