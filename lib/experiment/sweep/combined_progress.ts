/**
 * One progress display for shards that run at the same time: each shard's events move its own
 * tracker, and the line shows the whole grid's fraction, what every job is doing and the time
 * left.
 *
 * @module
 */

import type { Profile } from "../profiles.ts";
import { cellWork, type ExperimentProgress, formatSeconds, GridTracker } from "../progress.ts";
import { type GridCell, shardCells } from "../shard.ts";

/**
 * What a progress event says a cell is doing, e.g. `epoch 2/3 batch 4/8 loss 1.234 acc 0.500
 * 812 img/s`.
 *
 * @param p The event.
 * @returns A short phrase.
 */
export function describeProgress(p: ExperimentProgress): string {
  const t = p.train;
  if (p.stage === "train" && t !== undefined) {
    return `epoch ${t.epoch}/${t.epochs} batch ${t.batch}/${t.batches} loss ${t.loss.toFixed(3)} ` +
      `acc ${t.accuracy.toFixed(3)} ${Math.round(t.samplesPerSecond)} img/s`;
  }
  if (p.stage === "done") return p.cached ? "reused finished cell" : "done";
  return p.stage;
}

/**
 * Progress over the shards of one grid that run in parallel, one job per shard.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CombinedProgress } from "./combined_progress.ts";
 * import { experimentGrid } from "../shard.ts";
 * import { PROFILES } from "../profiles.ts";
 * const grid = experimentGrid(["mnist"], ["hybrid", "classical"], [1]);
 * const progress = new CombinedProgress(grid, 2, PROFILES.smoke, () => 0);
 * progress.update(1, { dataset: "mnist", model: "hybrid", seed: 1, stage: "done", cell: 1, cells: 1, cellFraction: 1 });
 * assert.equal(progress.fraction(), 0.5);
 * ```
 */
export class CombinedProgress {
  readonly #trackers: GridTracker[];
  readonly #weights: number[];
  readonly #latest: (ExperimentProgress | undefined)[];
  readonly #start: number;

  /**
   * @param grid The full grid.
   * @param jobs Shards running in parallel; job k runs shard k of `jobs`.
   * @param profile The profile (for per-cell work).
   * @param now Clock in seconds (injectable for tests).
   */
  constructor(
    grid: readonly GridCell[],
    readonly jobs: number,
    profile: Profile,
    readonly now: () => number = () => performance.now() / 1000,
  ) {
    this.#trackers = Array.from(
      { length: jobs },
      (_, i) => new GridTracker(shardCells(grid, { index: i + 1, count: jobs }), profile, now),
    );
    this.#weights = this.#trackers.map((t) =>
      t.cells.reduce((sum, c) => sum + cellWork(c.dataset, profile), 0)
    );
    this.#latest = Array.from({ length: jobs }, () => undefined);
    this.#start = now();
  }

  /** Records job `job`'s (1-based) latest event. */
  update(job: number, p: ExperimentProgress): void {
    const tracker = this.#trackers[job - 1];
    if (tracker === undefined) {
      throw new RangeError(`Expected a job between 1 and ${this.jobs} but found ${job}`);
    }
    if (p.model !== undefined && p.seed !== undefined) {
      tracker.update({ dataset: p.dataset, model: p.model, seed: p.seed }, p.cellFraction);
    }
    this.#latest[job - 1] = p;
  }

  /** Fraction of the whole grid's work done. */
  fraction(): number {
    const total = this.#weights.reduce((a, b) => a + b, 0);
    if (total === 0) return 1;
    return this.#trackers.reduce((sum, t, i) => sum + t.fraction() * this.#weights[i]!, 0) / total;
  }

  /** Seconds since the jobs started. */
  elapsed(): number {
    return this.now() - this.#start;
  }

  /** Estimated seconds left (Infinity before any progress). */
  remaining(): number {
    const f = this.fraction();
    return f <= 0 ? Infinity : this.elapsed() * (1 - f) / f;
  }

  /** One line: the fraction, each job's current cell and stage, elapsed and left. */
  line(): string {
    const jobs = this.#latest.map((p, i) => {
      if (p === undefined) return `#${i + 1} starting`;
      if (p.model === undefined) return `#${i + 1} ${p.dataset} ${p.stage}`;
      return `#${i + 1} ${p.dataset} ${p.model} seed ${p.seed} ${describeProgress(p)}`;
    });
    return `[${(this.fraction() * 100).toFixed(0).padStart(3)}%] ${jobs.join(" | ")} | elapsed ` +
      `${formatSeconds(this.elapsed())}, training left ~${formatSeconds(this.remaining())}`;
  }
}
