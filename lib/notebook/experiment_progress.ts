/**
 * Turns `runDataset` progress events into rows of a {@link LiveProgress}: one
 * row per (model, seed), showing the stage, epoch, batch, loss, accuracy and
 * the time left in the epoch.
 *
 * @module
 */

import type { ExperimentProgress } from "../experiment/mod.ts";
import type { ProgressRow } from "./progress.ts";

/** Something rows can be set on (a {@link LiveProgress}). */
export interface ProgressRows {
  set(label: string, row: ProgressRow): void;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Options of {@link experimentRow} and {@link experimentProgress}. */
export interface ExperimentProgressOptions {
  /** Start labels with the data set (for several data sets in one display). @default false */
  labelDataset?: boolean;
}

/**
 * One row for an experiment progress event.
 *
 * @param event From `runDataset`'s `onProgress`.
 * @param options Whether labels start with the data set.
 * @returns The row's label (`hybrid seed 1`, or `load` before any model) and its state.
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const { label, row } = experimentRow({
 *   dataset: "mnist", stage: "attack", model: "hybrid", seed: 1, cell: 1, cells: 3,
 *   cellFraction: 0.9,
 * });
 * deepEqual([label, row.text], ["hybrid seed 1", "cell 1/3: attack"]);
 * ```
 */
export function experimentRow(
  event: ExperimentProgress,
  { labelDataset = false }: ExperimentProgressOptions = {},
): { label: string; row: ProgressRow } {
  const prefix = labelDataset ? `${event.dataset} ` : "";
  const label = prefix +
    (event.model === undefined ? event.stage : `${event.model} seed ${event.seed ?? "?"}`);
  let text = `cell ${event.cell}/${event.cells}: ${event.stage}`;
  const t = event.train;
  if (event.stage === "train" && t !== undefined) {
    text += ` epoch ${t.epoch}/${t.epochs} batch ${t.batch}/${t.batches}` +
      ` loss ${t.loss.toFixed(3)} acc ${percent(t.accuracy)}` +
      ` ${t.samplesPerSecond.toFixed(0)} img/s, ~${Math.round(t.etaSeconds)} s left in epoch`;
    if (t.record !== undefined) text += ` | val acc ${percent(t.record.valAccuracy)}`;
  }
  if (event.stage === "done") text += event.cached === true ? " (reused)" : "";
  return { label, row: { fraction: event.cellFraction, text } };
}

/**
 * A `runDataset` `onProgress` callback that updates rows in place. The
 * `load` row is marked done when the first model starts.
 *
 * @param rows Usually a {@link LiveProgress}.
 * @param options Whether labels start with the data set.
 * @returns The callback.
 */
export function experimentProgress(
  rows: ProgressRows,
  options: ExperimentProgressOptions = {},
): (event: ExperimentProgress) => void {
  let loading = false;
  return (event) => {
    if (event.model === undefined) loading = true;
    else if (loading) {
      loading = false;
      const prefix = options.labelDataset === true ? `${event.dataset} ` : "";
      rows.set(`${prefix}load`, { fraction: 1, text: `${event.dataset} loaded` });
    }
    const { label, row } = experimentRow(event, options);
    rows.set(label, row);
  };
}
