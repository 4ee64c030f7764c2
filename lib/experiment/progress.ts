/**
 * Progress across the whole experiment grid and an estimate of the time left.
 * Each (dataset, model, seed) cell is weighted by the work it does
 * (epochs x training images x pixels); the estimate scales the time spent so
 * far by the work remaining, so it corrects itself as cells finish.
 *
 * @module
 */

import type { Progress } from "../train/mod.ts";
import type { DatasetName, ModelKind } from "./results_schema.ts";
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

/** Pixels per image of each data set (the paper's shapes). */
const PIXELS: Record<DatasetName, number> = {
  mnist: 28 * 28,
  cifar100: 32 * 32 * 3,
  stl10: 96 * 96 * 3,
};

/** Full training split sizes (90 % of the official training set; 10 % is validation). */
const FULL_TRAIN: Record<DatasetName, number> = { mnist: 54000, cifar100: 45000, stl10: 4500 };

/** Relative work of one cell of a data set under a profile. */
export function cellWork(dataset: DatasetName, profile: Profile): number {
  const train = profile.sizes[dataset].train ?? FULL_TRAIN[dataset];
  return Math.max(1, profile.epochs) * train * PIXELS[dataset];
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
