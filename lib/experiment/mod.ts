/**
 * Experiments end to end: profiles (`smoke`, `quick`, `paper`), running one
 * data set's grid of models and seeds into a versioned `results.json`
 * (written atomically), loading and validating results, seed statistics,
 * sharding the (dataset, model, seed) grid and merging shards.
 *
 * @example
 * ```ts ignore
 * import { loadResults, runDataset } from "./mod.ts";
 * await runDataset("mnist", { profile: "smoke" });
 * const results = await loadResults("data/runs/smoke/mnist/results.json");
 * console.log(results.models.hybrid?.summary.testAccuracy);
 * ```
 *
 * @module
 */

export * from "./results_schema.ts";
export {
  CONVERGED_EPOCHS,
  DATASET_NAMES,
  FULL_PROFILES,
  HEADLINE_EPSILON,
  type Profile,
  PROFILE_NAMES,
  profileByName,
  profileFromEnv,
  PROFILES,
  seedList,
  type SplitSizes,
} from "./profiles.ts";
export { CONFIDENCE, meanCI95, studentTQuantile } from "./stats.ts";
export { lastEpoch, summarizeRuns, SUMMARY_METRICS } from "./summary.ts";
export { dirnameOf, writeFileAtomic, writeJsonAtomic } from "./atomic_write.ts";
export { loadResults, ResultsFormatError, validateResults } from "./load_results.ts";
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
export {
  datasetInfo,
  encodeBase64,
  imageSample,
  SAMPLE_SEED,
  sampleIndices,
} from "./dataset_info.ts";
export {
  cellWork,
  type ExperimentProgress,
  formatSeconds,
  GridTracker,
  TRAIN_SHARE,
} from "./progress.ts";
export { type CellResult, FEATURE_SEED, runCell, type RunCellOptions } from "./run_cell.ts";
export { DATA_SEED, defaultRunDir, runDataset, type RunDatasetOptions } from "./run_dataset.ts";
export { type KernelPath, kernelPathOf } from "./kernel_path.ts";
export { cellFitOptions, type TrainingConfig } from "./fit_options.ts";
export {
  type EpochMismatch,
  type ModelCheck,
  VERIFIED_FIELDS,
  type VerifyOptions,
  VerifyRefusedError,
  type VerifyReport,
  verifyRun,
} from "./verify_run.ts";
export { gitCommit } from "./git_commit.ts";
