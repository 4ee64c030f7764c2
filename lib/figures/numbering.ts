/**
 * Paper figure numbers: MNIST uses 2-12, CIFAR-100 13-23, STL-10 24-34 for the
 * same sequence of kinds; the architecture is figure 1 for every data set.
 *
 * @module
 */
import type { DatasetName } from "../results/mod.ts";

/** Kinds of figure in the order the paper numbers them (after the architecture). */
export const NUMBERED_KINDS = [
  "training",
  "resources",
  "test",
  "average",
  "confusion",
  "features",
  "decision",
  "samples",
  "classes",
  "predictions",
  "circuit",
] as const;

/** A kind of figure that has a paper number. */
export type NumberedKind = "architecture" | typeof NUMBERED_KINDS[number];

const FIRST_NUMBER: Record<DatasetName, number> = { mnist: 2, cifar100: 13, stl10: 24 };

/**
 * The figure id, e.g. `figureId("cifar100", "training", "a")` is `fig13a`.
 *
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { figureId } from "./numbering.ts";
 * ok(figureId("stl10", "circuit") === "fig34");
 * ```
 */
export function figureId(dataset: DatasetName, kind: NumberedKind, letter = ""): string {
  const n = kind === "architecture" ? 1 : FIRST_NUMBER[dataset] + NUMBERED_KINDS.indexOf(kind);
  return `fig${String(n).padStart(2, "0")}${letter}`;
}
