/**
 * UMAP to two dimensions (npm `umap-js`) with a seeded random source.
 *
 * @module
 */
import { UMAP } from "umap-js";
import { stream } from "../random/mod.ts";
import { checkMatrix } from "./pca.ts";

/** Options of {@link umap2d}. */
export interface UmapOptions {
  /** Seed of umap-js's random source. @default 0 */
  seed?: number;
  /** Neighbours per point; clamped to count - 1. @default 15 */
  nNeighbors?: number;
  /** Minimum distance between embedded points. @default 0.1 */
  minDist?: number;
}

/** Fewest neighbours UMAP is given. */
const MIN_NEIGHBORS = 2;

/**
 * Embeds `values` in two dimensions with UMAP, passing a seeded generator as
 * umap-js's `random`, so the same seed and input give the same output.
 *
 * @param values row-major `[count][dim]`, count >= 4
 * @returns one `[x, y]` per row
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { umap2d } from "./umap.ts";
 * const rows = Array.from({ length: 20 }, (_, i) => [i % 2 * 10 + i / 100, i / 50]);
 * ok(umap2d(rows, { seed: 3 }).length === 20);
 * ```
 */
export function umap2d(
  values: readonly (readonly number[])[],
  { seed = 0, nNeighbors = 15, minDist = 0.1 }: UmapOptions = {},
): [number, number][] {
  checkMatrix(values, 4);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: effectiveNeighbors(values.length, nNeighbors),
    minDist,
    random: stream(seed, "umap"),
  });
  const embedding = umap.fit(values.map((row) => [...row]));
  return embedding.map((row): [number, number] => [row[0] ?? 0, row[1] ?? 0]);
}

/** The neighbour count {@link umap2d} uses for `count` points and a requested value. */
export function effectiveNeighbors(count: number, nNeighbors: number): number {
  return Math.max(MIN_NEIGHBORS, Math.min(nNeighbors, count - 1));
}
