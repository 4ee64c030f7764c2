/**
 * Turns sweep options (profile, data sets, seeds, shards, cores) into a {@link SlurmPlan}: the
 * grid, the number of array tasks and the resources each asks for.
 *
 * @module
 */

import { type DatasetName, MODEL_KINDS } from "../../results/mod.ts";
import { type Profile, seedList } from "../profiles.ts";
import { experimentGrid } from "../shard.ts";
import type { EpochCost } from "./epoch_cost.ts";
import { estimateResources, mergeResources } from "./resources.ts";
import type { SlurmPlan } from "./slurm_script.ts";

/** Options of {@link planSweep}. */
export interface SweepOptions {
  profile: Profile;
  datasets: DatasetName[];
  /** Seeds per model. @default the profile's */
  seeds?: number;
  /** Array tasks. @default one per cell */
  shards?: number;
  /** Cores per task. @default 4 */
  cpus?: number;
  /** Override of the memory per task, GiB. */
  memoryGiB?: number;
  /** Override of the time limit per task, seconds. */
  timeSeconds?: number;
  cost: EpochCost;
  /** Absolute paths and names the script carries. */
  script: string;
  project: string;
  deno: string;
  logs: string;
  work?: string;
  /** @default `hqc-<profile>` */
  jobName?: string;
  partition?: string;
  account?: string;
  command: string;
}

/**
 * Plans a sweep.
 *
 * @param options See {@link SweepOptions}.
 * @returns The plan the job script is written from.
 * @throws {RangeError} when shards exceed the cells or cores are not a positive whole number.
 */
export function planSweep(options: SweepOptions): SlurmPlan {
  const { profile, datasets, cpus = 4, cost } = options;
  const seeds = options.seeds ?? profile.seeds;
  const grid = experimentGrid(datasets, MODEL_KINDS, seedList(seeds));
  const shards = options.shards ?? grid.length;
  if (!Number.isInteger(shards) || shards < 1 || shards > grid.length) {
    throw new RangeError(
      `Expected --shards between 1 and ${grid.length} (the cells of the grid) but found ${shards}: ` +
        "one task per cell is the most there can be",
    );
  }
  if (!Number.isInteger(cpus) || cpus < 1) {
    throw new RangeError(
      `Expected --cpus-per-task to be a whole number >= 1 but found ${cpus}: e.g. --cpus-per-task 4`,
    );
  }
  const task = estimateResources(grid, shards, profile, { cpus, cost });
  if (options.memoryGiB !== undefined) task.memoryGiB = options.memoryGiB;
  if (options.timeSeconds !== undefined) task.timeSeconds = options.timeSeconds;
  return {
    profile: profile.name,
    datasets,
    seeds,
    cells: grid.length,
    shards,
    task,
    merge: mergeResources(datasets, profile),
    script: options.script,
    project: options.project,
    deno: options.deno,
    logs: options.logs,
    work: options.work,
    jobName: options.jobName ?? `hqc-${profile.name}`,
    partition: options.partition,
    account: options.account,
    costSource: cost.source,
    command: options.command,
  };
}
