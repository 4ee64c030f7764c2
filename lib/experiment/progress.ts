/**
 * Progress across the whole experiment grid and an estimate of the time left.
 * Each (dataset, model, seed) cell is weighted by the work it does
 * (epochs x training images x pixels); the estimate scales the time spent so
 * far by the work remaining, so it corrects itself as cells finish.
 *
 * @module
 */

import type { Progress } from "../train/mod.ts";
import type { DatasetName, ModelKind } from "../results/mod.ts";
import type { Profile } from "./profiles.ts";
import type { GridCell } from "./shard.ts";

/** One progress event of `runDataset`. */
export interface ExperimentProgress {
  dataset: DatasetName;
  stage: "load" | "train" | "evaluate" | "attack" | "features" | "done";
  model?: ModelKind;
  seed?: number;
  /** 1-based index of the current cell within this data set's run, and their number. */
  cell: number;
  cells: number;
  /** Fraction of the current cell finished, in [0, 1]. */
  cellFraction: number;
  /** The training loop's own event, during training. */
  train?: Progress;
  /** True when the cell was taken from a finished earlier run (`resume`). */
  cached?: boolean;
}

/** Share of a cell's time spent training (the rest: evaluation, attacks, features). */
export const TRAIN_SHARE = 0.85;

/**
 * Relative training cost of one image per data set with our trunks (measured on
 * the wasm backend: MNIST about 2x faster per image than CIFAR-100, 4x than STL-10).
 */
const IMAGE_COST: Record<DatasetName, number> = { mnist: 1, cifar100: 2, stl10: 4 };

/** Full split sizes (train and val: 90 % / 10 % of the official training set). */
const FULL_SIZES: Record<DatasetName, { train: number; val: number; test: number }> = {
  mnist: { train: 54000, val: 6000, test: 10000 },
  cifar100: { train: 45000, val: 5000, test: 10000 },
  stl10: { train: 4500, val: 500, test: 8000 },
};

/** A forward pass costs about a third of a training step (forward + backward). */
const FORWARD_SHARE = 1 / 3;

/**
 * Relative work of one cell of a data set under a profile, in training-image
 * equivalents: training epochs, validation after each epoch, the test pass,
 * the attacks (one gradient per image, a forward pass per epsilon, PGD steps)
 * and the feature pass.
 */
export function cellWork(dataset: DatasetName, profile: Profile): number {
  const full = FULL_SIZES[dataset];
  const sizes = profile.sizes[dataset];
  const train = sizes.train ?? full.train;
  const val = sizes.val ?? full.val;
  const test = sizes.test ?? full.test;
  const epochs = Math.max(1, profile.epochs);
  const attack = profile.attackCount *
    (1 + profile.pgdSteps * profile.pgdRestarts + FORWARD_SHARE * (profile.epsilons.length + 2));
  const images = epochs * (train + FORWARD_SHARE * val) + FORWARD_SHARE * test + attack +
    FORWARD_SHARE * profile.featureCount;
  return IMAGE_COST[dataset] * images;
}

/** Formats seconds as `1h02m`, `3m05s` or `42s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(r).padStart(2, "0")}s`;
  return `${r}s`;
}

/**
 * Tracks progress over a list of grid cells and estimates the time left.
 *
 * @example
 * ```ts
 * import { GridTracker } from "./progress.ts";
 * import { PROFILES } from "./profiles.ts";
 * const t = new GridTracker([{ dataset: "mnist", model: "hybrid", seed: 1 }], PROFILES.smoke, () => 0);
 * t.fraction(); // 0
 * ```
 */
export class GridTracker {
  readonly #work: number[];
  readonly #total: number;
  readonly #start: number;
  #done = 0;
  #current = 0;

  /**
   * @param cells Every cell this process will run, in order.
   * @param profile The profile (for per-cell work).
   * @param now Clock in seconds (injectable for tests).
   */
  constructor(
    readonly cells: readonly GridCell[],
    profile: Profile,
    readonly now: () => number = () => performance.now() / 1000,
  ) {
    this.#work = cells.map((c) => cellWork(c.dataset, profile));
    this.#total = this.#work.reduce((a, b) => a + b, 0);
    this.#start = now();
  }

  /** Position of a cell in the tracked list, or -1. */
  indexOf(cell: GridCell): number {
    return this.cells.findIndex((c) =>
      c.dataset === cell.dataset && c.model === cell.model && c.seed === cell.seed
    );
  }

  /** Records that `cell` is `fraction` done (all cells before it count as done). */
  update(cell: GridCell, fraction: number): void {
    const i = this.indexOf(cell);
    if (i < 0) return;
    this.#done = this.#work.slice(0, i).reduce((a, b) => a + b, 0);
    this.#current = this.#work[i]! * Math.min(1, Math.max(0, fraction));
  }

  /** Fraction of all work done. */
  fraction(): number {
    return this.#total === 0 ? 1 : (this.#done + this.#current) / this.#total;
  }

  /** Seconds since the tracker started. */
  elapsed(): number {
    return this.now() - this.#start;
  }

  /** Estimated seconds left (Infinity before any progress). */
  remaining(): number {
    const f = this.fraction();
    return f <= 0 ? Infinity : this.elapsed() * (1 - f) / f;
  }
}
