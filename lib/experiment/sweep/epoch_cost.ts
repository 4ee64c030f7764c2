/**
 * How long one cell of the grid takes on one core: measured by `deno task bench epoch` (which
 * writes `data/bench/epoch.json`) or, when that file is absent, the estimate recorded in the
 * README for the `paper` profile.
 *
 * @module
 */

import { DATASET_NAMES, type DatasetName } from "../../results/mod.ts";
import { PROFILES } from "../profiles.ts";
import { cellWork } from "../progress.ts";

/** Where `deno task bench epoch` writes its measurement. */
export const BENCH_EPOCH_FILE = "data/bench/epoch.json";

/**
 * The `paper` profile's wall time on the 2-core reference machine (AMD EPYC, one wasm thread),
 * as `deno task bench epoch` estimated it and the README records: 34.5 hours for 27 cells.
 */
export const RECORDED_PAPER_HOURS = 34.5;

/** Seconds per unit of `cellWork` (a training-image equivalent), per data set. */
export interface EpochCost {
  secondsPerWork: Record<DatasetName, number>;
  /** Where the numbers come from, for the job script's comments. */
  source: string;
}

/** The part of `bench epoch`'s JSON that we read. */
interface BenchEpochFile {
  createdAt?: string;
  threads?: number;
  paperEstimateSeconds?: { perModelSeed?: Record<string, Record<string, number>> };
}

/**
 * The recorded estimate: {@link RECORDED_PAPER_HOURS} spread over the paper grid in proportion
 * to each cell's work.
 *
 * @returns One rate for every data set.
 */
export function recordedEpochCost(): EpochCost {
  const paper = PROFILES.paper;
  const work = DATASET_NAMES.reduce((sum, d) => sum + cellWork(d, paper), 0) * 3 * paper.seeds;
  const rate = RECORDED_PAPER_HOURS * 3600 / work;
  return {
    secondsPerWork: { mnist: rate, cifar100: rate, stl10: rate },
    source: `recorded estimate: paper profile ${RECORDED_PAPER_HOURS} h on 2 cores ` +
      "(README; run `deno task bench epoch` to measure this machine)",
  };
}

/**
 * Rates from a `bench epoch` measurement: its per-cell estimate of the paper profile divided by
 * that cell's work.
 *
 * @param bench The parsed `data/bench/epoch.json`.
 * @param file Its path, for the source line.
 * @returns The rates, or null when the file lacks the estimate.
 */
export function benchEpochCost(bench: unknown, file: string): EpochCost | null {
  const perModelSeed = (bench as BenchEpochFile)?.paperEstimateSeconds?.perModelSeed;
  if (perModelSeed === undefined) return null;
  const secondsPerWork = {} as Record<DatasetName, number>;
  for (const dataset of DATASET_NAMES) {
    const seconds = Object.values(perModelSeed[dataset] ?? {}).filter((s) =>
      Number.isFinite(s) && s > 0
    );
    if (seconds.length === 0) return null;
    const slowest = Math.max(...seconds);
    secondsPerWork[dataset] = slowest / cellWork(dataset, PROFILES.paper);
  }
  const { createdAt = "?", threads = 1 } = bench as BenchEpochFile;
  return {
    secondsPerWork,
    source: `measured by \`deno task bench epoch\` (${file}, ${createdAt}, ${threads} thread(s))`,
  };
}

/**
 * The measured rates when `data/bench/epoch.json` holds them, else the recorded estimate.
 *
 * @param file The benchmark's output file.
 * @returns Seconds per unit of work, with their source.
 */
export async function loadEpochCost(file: string = BENCH_EPOCH_FILE): Promise<EpochCost> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return recordedEpochCost();
    throw error;
  }
  return benchEpochCost(JSON.parse(text), file) ?? recordedEpochCost();
}
