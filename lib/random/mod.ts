/**
 * Seeded pseudo-random numbers for every folder of `lib/`, under one rule: a stream is named by
 * a seed and labels, `stream(seed, ...labels)`, and is mulberry32 seeded with
 * `deriveSeed(seed, ...labels)` (the seed itself when there are no labels, otherwise a hash of
 * the seed and labels). So the same seed and labels give the same stream everywhere, and
 * different labels give independent streams. The streams of a run:
 *
 * | stream | where |
 * | --- | --- |
 * | `stream(seed, "tfjs")` replaces `Math.random` (weight initialisation) | `lib/runtime` |
 * | `new SeededRandom(seed, "epochs")`, one draw per epoch seeds its order and augmentation | `lib/train` |
 * | `stream(epochSeed, 0x5eed)` batch order, `stream(epochSeed, 0xa06)` augmentation | `lib/data` |
 * | `stream(deriveSeed(seed, split))` split selection, `stream(STANDIN_SEED, ...)` stand-ins | `lib/data` |
 * | `stream(seed, "attack-sample")` attacked images | `lib/attacks` |
 * | `stream(seed, "analysis-subset")`, `stream(seed, "tsne")`, `stream(seed, "umap")` | `lib/analysis` |
 * | `stream(shots.seed)` measurement shots | `lib/quantum` |
 *
 * It imports nothing, so importing it has no side effects (unlike `lib/runtime`, which selects
 * a tfjs backend).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SeededRandom, stream } from "./mod.ts";
 * const random = stream(1, "init");
 * const saved = new SeededRandom(1, "init");
 * assert.equal(random(), saved.next());
 * ```
 *
 * @module
 */
export {
  mulberry32,
  MULBERRY32_INCREMENT,
  mulberry32Advance,
  mulberry32Output,
  TWO_POW_32,
} from "./mulberry32.ts";
export { deriveSeed, stream, type StreamLabel } from "./stream.ts";
export { SeededRandom } from "./seeded_random.ts";
export { sampleIndices, shuffleInPlace } from "./sample.ts";
