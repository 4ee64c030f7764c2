/**
 * Sharding the experiment grid (dataset, model, seed) so an existing scheduler
 * (a Slurm array, Kubernetes indexed jobs, a CI matrix) can spread a sweep
 * over machines: `--shard k/N` runs slice k (1-based) of N.
 *
 * @module
 */

import type { DatasetName, ModelKind } from "../results/mod.ts";

/** One independent training run. */
export interface GridCell {
  dataset: DatasetName;
  model: ModelKind;
  seed: number;
}

/** Slice `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * Parses `k/N` (1 <= k <= N).
 *
 * @example
 * ```ts
 * import { parseShard } from "./shard.ts";
 * parseShard("2/4"); // { index: 2, count: 4 }
 * ```
 */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) {
    throw new TypeError(`Expected a shard like 2/4 but found "${text}": pass --shard k/N`);
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new RangeError(
      `Expected 1 <= k <= N in --shard k/N but found ${index}/${count}: shards are numbered 1..N`,
    );
  }
  return { index, count };
}

/**
 * The full grid in a fixed order: datasets, then models, then seeds.
 *
 * @example
 * ```ts
 * import { experimentGrid } from "./shard.ts";
 * experimentGrid(["mnist"], ["hybrid", "classical"], [1, 2]).length; // 4
 * ```
 */
export function experimentGrid(
  datasets: readonly DatasetName[],
  models: readonly ModelKind[],
  seeds: readonly number[],
): GridCell[] {
  return datasets.flatMap((dataset) =>
    models.flatMap((model) => seeds.map((seed) => ({ dataset, model, seed })))
  );
}

/**
 * The cells of one shard: cell i (0-based in grid order) belongs to shard
 * (i mod N) + 1, so each shard gets a mix of data sets and models and the
 * shards together cover the grid exactly once.
 *
 * @param grid The full grid (from {@link experimentGrid}).
 * @param shard Which slice.
 * @returns The shard's cells, in grid order.
 */
export function shardCells(grid: readonly GridCell[], shard: ShardSpec): GridCell[] {
  return grid.filter((_, i) => i % shard.count === shard.index - 1);
}

/** File name of a shard's partial results, e.g. `2-of-4.json`. */
export function shardFileName(shard: ShardSpec): string {
  return `${shard.index}-of-${shard.count}.json`;
}
