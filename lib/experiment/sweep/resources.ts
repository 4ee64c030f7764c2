/**
 * Scheduler resources for a sweep: how many shards, and per shard the cores, memory and time
 * limit, sized from the profile and a per-cell cost.
 *
 * @module
 */

import type { DatasetName } from "../../results/mod.ts";
import type { Profile } from "../profiles.ts";
import { cellWork } from "../progress.ts";
import { type GridCell, shardCells } from "../shard.ts";
import type { EpochCost } from "./epoch_cost.ts";

/** Full split sizes (as `deno task bench epoch` and the progress estimate use them). */
const FULL_IMAGES: Record<DatasetName, number> = { mnist: 70000, cifar100: 60000, stl10: 13000 };
const PIXELS: Record<DatasetName, number> = {
  mnist: 28 * 28,
  cifar100: 32 * 32 * 3,
  stl10: 96 * 96 * 3,
};

/** Deno, tfjs, the wasm heap and one model with its optimizer state: measured about 0.5 GiB. */
const BASE_MEMORY_GIB = 1.5;
/** The uint8 images, their float32 batches and copies made while augmenting and attacking. */
const MEMORY_PER_IMAGE_BYTE = 8;
/** Time limits leave this much room over the estimate (a slower node, a busy file system). */
const TIME_MARGIN = 1.5;
/** Start-up, data loading and writing results, per data set a task touches. */
const SETUP_SECONDS_PER_DATASET = 300;
/** Time limits are rounded up to this many seconds. */
const TIME_STEP_SECONDS = 15 * 60;
/** Analysis (t-SNE, UMAP, decision grids) and figures, per data set, in the merge job. */
const MERGE_SECONDS_PER_DATASET = 30 * 60;

/** What one array task (one shard) asks the scheduler for. */
export interface TaskResources {
  /** Cores; also the wasm thread count of the task. */
  cpus: number;
  /** Memory in GiB (whole). */
  memoryGiB: number;
  /** Wall-time limit in seconds (rounded up to 15 minutes). */
  timeSeconds: number;
  /** The estimate the limit was derived from, before the margin. */
  estimateSeconds: number;
}

/** Options of {@link estimateResources}. */
export interface EstimateOptions {
  /** Cores per task. @default 4 */
  cpus?: number;
  /** Per-cell cost. */
  cost: EpochCost;
}

/**
 * Memory one process needs to run cells of these data sets under a profile.
 *
 * @param datasets The data sets of the task.
 * @param profile Their sizes.
 * @returns Whole GiB.
 */
export function memoryFor(datasets: readonly DatasetName[], profile: Profile): number {
  const bytes = Math.max(
    0,
    ...datasets.map((d) => {
      const s = profile.sizes[d];
      const images = s.train === undefined || s.val === undefined || s.test === undefined
        ? FULL_IMAGES[d]
        : s.train + s.val + s.test;
      return images * PIXELS[d];
    }),
  );
  return Math.ceil(BASE_MEMORY_GIB + MEMORY_PER_IMAGE_BYTE * bytes / 2 ** 30);
}

/**
 * Estimated seconds for a list of cells on one core.
 *
 * @param cells The cells, run one after another.
 * @param profile Their profile.
 * @param cost Seconds per unit of work.
 */
export function cellSeconds(cells: readonly GridCell[], profile: Profile, cost: EpochCost): number {
  const datasets = new Set(cells.map((c) => c.dataset));
  return cells.reduce(
    (sum, c) => sum + cellWork(c.dataset, profile) * cost.secondsPerWork[c.dataset],
    datasets.size * SETUP_SECONDS_PER_DATASET,
  );
}

function roundUpTime(seconds: number): number {
  return Math.max(TIME_STEP_SECONDS, Math.ceil(seconds / TIME_STEP_SECONDS) * TIME_STEP_SECONDS);
}

/**
 * Resources of the slowest of `shards` shards of `grid`: every array task gets the same request.
 * The time assumes no speed-up from extra cores (XNNPACK's threads help, but by how much
 * depends on the machine), so it errs long; a task that still runs out of time resumes from its
 * checkpoints when submitted again.
 *
 * @param grid The full grid.
 * @param shards How many shards (array tasks).
 * @param profile The profile.
 * @param options Cores per task and the per-cell cost.
 * @returns What each task asks for.
 */
export function estimateResources(
  grid: readonly GridCell[],
  shards: number,
  profile: Profile,
  { cpus = 4, cost }: EstimateOptions,
): TaskResources {
  let estimateSeconds = 0;
  let memoryGiB = 1;
  for (let index = 1; index <= shards; index++) {
    const cells = shardCells(grid, { index, count: shards });
    estimateSeconds = Math.max(estimateSeconds, cellSeconds(cells, profile, cost));
    memoryGiB = Math.max(memoryGiB, memoryFor([...new Set(cells.map((c) => c.dataset))], profile));
  }
  return {
    cpus,
    memoryGiB,
    timeSeconds: roundUpTime(estimateSeconds * TIME_MARGIN),
    estimateSeconds,
  };
}

/**
 * Resources of the merge job: analysis and figures for every data set, then the report.
 *
 * @param datasets The sweep's data sets.
 * @param profile The profile (memory grows with the data set sizes).
 */
export function mergeResources(datasets: readonly DatasetName[], profile: Profile): TaskResources {
  const estimateSeconds = datasets.length * MERGE_SECONDS_PER_DATASET;
  return {
    cpus: 2,
    memoryGiB: memoryFor(datasets, profile),
    timeSeconds: roundUpTime(estimateSeconds),
    estimateSeconds,
  };
}

/**
 * Formats seconds as Slurm's `HH:MM:SS` (hours may exceed 24).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slurmTime } from "./resources.ts";
 * assert.equal(slurmTime(5400), "01:30:00");
 * ```
 */
export function slurmTime(seconds: number): string {
  const s = Math.ceil(seconds);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
