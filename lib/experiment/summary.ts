/**
 * Summary statistics of one model's runs over seeds, keyed by metric name.
 * Every statistic is a {@link SeedStatistic}: per-seed values, mean and the
 * 95 % confidence half width (Student t).
 *
 * @module
 */

import type { EpochRecord, SeedRun, SeedStatistic } from "./results_schema.ts";
import { meanCI95 } from "./stats.ts";

/** How each summary metric is read from one seed's run. */
export const SUMMARY_METRICS: Readonly<Record<string, (run: SeedRun) => number | undefined>> = {
  testAccuracy: (r) => r.test.accuracy,
  testPrecision: (r) => r.test.precision,
  testRecall: (r) => r.test.recall,
  testF1: (r) => r.test.f1,
  /** Validation accuracy after the last epoch. */
  valAccuracy: (r) => r.history.at(-1)?.valAccuracy,
  bestValAccuracy: (r) => maxOf(r.history.map((e) => e.valAccuracy)),
  valF1: (r) => r.history.at(-1)?.valF1,
  fgsmAccuracy: (r) => r.robustness.fgsmAccuracy,
  /** FGSM at the headline epsilon in normalised-input units (see `Robustness`). */
  fgsmNormAccuracy: (r) => r.robustness.fgsmNormalizedAccuracy,
  pgdAccuracy: (r) => r.robustness.pgdAccuracy,
  /** Mean wall time of a training epoch. */
  epochSeconds: (r) => meanOf(r.history.map((e) => e.seconds)),
  trainSeconds: (r) => r.trainSeconds,
  /** Mean over epochs of the process CPU utilisation. */
  cpuProcessPercent: (r) => meanOf(r.history.map((e) => e.cpuProcessPercent)),
  cpuSystemPercent: (r) => meanOf(r.history.map((e) => e.cpuSystemPercent)),
  /** Peak over epochs (in-process, so it depends on what ran before in the same process). */
  rssMB: (r) => maxOf(r.history.map((e) => e.rssMB)),
  /** Peak over epochs, sampled between steps: weights and optimizer state only. */
  tensorMB: (r) => maxOf(r.history.map((e) => e.tensorMB)),
  /** Peak tensor memory inside a training step (activations and gradients included). */
  stepTensorMB: (r) => r.memory?.stepPeakTensorMB,
  /** Peak RSS of a fresh process training this model for a few steps. */
  freshRssMB: (r) =>
    r.memory && "peakRssMB" in r.memory.freshProcess ? r.memory.freshProcess.peakRssMB : undefined,
};

function meanOf(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

function maxOf(values: number[]): number | undefined {
  return values.length === 0 ? undefined : Math.max(...values);
}

/**
 * Computes every summary metric that all runs define.
 *
 * @param runs One model's runs (one per seed), in seed order.
 * @returns Statistics keyed by metric name; a metric missing from any run is left out.
 * @example
 * ```ts ignore
 * import { summarizeRuns } from "./summary.ts";
 * summarizeRuns(model.runs).testAccuracy.mean;
 * ```
 */
export function summarizeRuns(runs: readonly SeedRun[]): Record<string, SeedStatistic> {
  const summary: Record<string, SeedStatistic> = {};
  if (runs.length === 0) return summary;
  for (const [name, read] of Object.entries(SUMMARY_METRICS)) {
    const values = runs.map(read);
    if (values.every((v): v is number => typeof v === "number" && Number.isFinite(v))) {
      summary[name] = meanCI95(values);
    }
  }
  return summary;
}

/** The last epoch of a run, for tables that quote final values. */
export function lastEpoch(run: SeedRun): EpochRecord | undefined {
  return run.history.at(-1);
}
