/**
 * Experiments end to end, the top of the library: profiles (`smoke`, `quick`,
 * `paper`), running one data set's grid of models and seeds into a versioned
 * `results.json`, sharding the (dataset, model, seed) grid and merging shards,
 * and the steps after training (analysis, figures, report). The schema, its
 * loading and the summary over seeds live on the ground floor, `lib/results`.
 *
 * @example
 * ```ts ignore
 * import { runDataset } from "./mod.ts";
 * import { loadResults } from "../results/mod.ts";
 * await runDataset("mnist", { profile: "smoke" });
 * const results = await loadResults("data/runs/smoke/mnist/results.json");
 * console.log(results.models.hybrid?.summary.testAccuracy);
 * ```
 *
 * @module
 */

export { type Profile, profileByName, PROFILES, seedList, type SplitSizes } from "./profiles.ts";
export {
  experimentGrid,
  type GridCell,
  parseShard,
  shardCells,
  shardFileName,
  type ShardSpec,
} from "./shard.ts";
export { MergeError, mergeRunDir, mergeShards } from "./merge.ts";
export { collectEnvironment } from "./environment.ts";
export { datasetInfo, encodeBase64, imageSample, SAMPLE_SEED } from "./dataset_info.ts";
export {
  cellWork,
  type ExperimentProgress,
  formatSeconds,
  GridTracker,
  TRAIN_SHARE,
} from "./progress.ts";
export { type CellResult, FEATURE_SEED, runCell, type RunCellOptions } from "./run_cell.ts";
export { DATA_SEED, defaultRunDir, runDataset, type RunDatasetOptions } from "./run_dataset.ts";
