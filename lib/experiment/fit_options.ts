/**
 * The one place that turns a run's recorded configuration into the options of
 * `fit`, shared by training a cell and by re-training it to verify a published run.
 *
 * @module
 */

import { augmentationFor } from "../data/mod.ts";
import type { FitOptions } from "../train/mod.ts";
import type { DatasetName } from "../results/mod.ts";

/** The parts of a profile (or of `results.config`) that training reads. */
export interface TrainingConfig {
  epochs: number;
  batchSize: number;
  learningRate: number;
}

/**
 * Options of `fit` for one model and seed of a run.
 *
 * @param config Epochs, batch size and learning rate (a profile or `results.config`).
 * @param seed The cell's seed (shuffling and augmentation).
 * @param dataset The data set (its augmentation).
 * @param classes Output classes.
 * @returns Options without checkpoints or progress; callers add those.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const options = cellFitOptions({ epochs: 3, batchSize: 64, learningRate: 1e-3 }, 1, "mnist", 10);
 * assert.equal(options.augment, null);
 * ```
 */
export function cellFitOptions(
  config: TrainingConfig,
  seed: number,
  dataset: DatasetName,
  classes: number,
): FitOptions {
  return {
    epochs: config.epochs,
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    seed,
    classes,
    augment: augmentationFor(dataset),
  };
}
