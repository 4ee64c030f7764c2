/**
 * Seeded pseudo-random numbers shared by every folder of `lib/` (data splits,
 * stand-ins, augmentation, shuffling, measurement shots, analysis), so that the
 * same seed gives the same stream everywhere. It imports nothing, so importing
 * it has no side effects (unlike `lib/runtime`, which selects a tfjs backend).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mulberry32 } from "./mod.ts";
 * const random = mulberry32(1);
 * const x = random();
 * assert.ok(x >= 0 && x < 1);
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
