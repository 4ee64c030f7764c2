/**
 * The one summary over seeds: statistics of one model's runs, keyed by metric
 * name. Every statistic is a {@link SeedStatistic}: per-seed values, mean and
 * the 95 % confidence half width (Student t). `results.json` stores it per
 * model (`summary`), `analysis.json` repeats it (`statistics`); figures, the
 * report and the notebooks all read one of those two copies.
 *
 * @module
 */

import type { ModelResult, SeedRun, SeedStatistic } from "./schema.ts";
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
  fgsmAccuracy: (r) => r.robustness?.fgsmAccuracy,
  /** FGSM at the headline epsilon in normalised-input units (see `Robustness`). */
  fgsmNormAccuracy: (r) => r.robustness?.fgsmNormalizedAccuracy,
  pgdAccuracy: (r) => r.robustness?.pgdAccuracy,
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
 * ```ts
 * import { summarizeRuns } from "./summary.ts";
 * import type { SeedRun } from "./schema.ts";
 * import { equal } from "node:assert/strict";
 * const run = (seed: number, accuracy: number) =>
 *   ({ seed, history: [], test: { accuracy }, robustness: {} }) as unknown as SeedRun;
 * const summary = summarizeRuns([run(1, 0.8), run(2, 0.9)]);
 * equal(Math.round(summary.testAccuracy!.mean * 100), 85);
 * equal(summary.valAccuracy, undefined); // no epochs recorded
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

/**
 * {@link summarizeRuns} of one model's runs, for callers that hold a model.
 *
 * @param model One model's results.
 * @returns Statistics keyed by metric name.
 */
export function seedStatistics(model: ModelResult): Record<string, SeedStatistic> {
  return summarizeRuns(model.runs);
}
