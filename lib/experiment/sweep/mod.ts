/**
 * Sweeps on schedulers that already exist: a Slurm job script (an array of `--shard k/N` tasks
 * and a dependent merge job), and parallel shard processes on one machine
 * (`deno task reproduce --jobs N`). The contract any scheduler can follow: shard index and count
 * in, a cell folder out, `deno task merge` at the end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planSweep, recordedEpochCost, slurmScript } from "./mod.ts";
 * import { PROFILES } from "../profiles.ts";
 * const plan = planSweep({
 *   profile: PROFILES.smoke,
 *   datasets: ["mnist"],
 *   cost: recordedEpochCost(),
 *   script: "/p/data/sweep/smoke.slurm.sh",
 *   project: "/p",
 *   deno: "/usr/bin/deno",
 *   logs: "/p/data/sweep/logs",
 *   command: "deno task sweep --profile smoke --scheduler slurm",
 * });
 * assert.match(slurmScript(plan), new RegExp(`#SBATCH --array=1-${plan.cells}\n`));
 * ```
 *
 * @module
 */

export {
  BENCH_EPOCH_FILE,
  benchEpochCost,
  type EpochCost,
  loadEpochCost,
  RECORDED_PAPER_HOURS,
  recordedEpochCost,
} from "./epoch_cost.ts";
export {
  cellSeconds,
  type EstimateOptions,
  estimateResources,
  memoryFor,
  mergeResources,
  slurmTime,
  type TaskResources,
} from "./resources.ts";
export {
  arraySubmitArgs,
  mergeSubmitArgs,
  runFlags,
  type SlurmPlan,
  slurmScript,
  type SubmitPlaces,
} from "./slurm_script.ts";
export { planSweep, type SweepOptions } from "./plan.ts";
export { CombinedProgress, describeProgress } from "./combined_progress.ts";
export {
  jsonProgressWriter,
  type ParallelShardsOptions,
  PROGRESS_ENV,
  runShardsInParallel,
  ShardProcessError,
} from "./parallel_shards.ts";
