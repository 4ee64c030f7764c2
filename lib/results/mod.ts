/**
 * The ground floor: what every other folder agrees on, importing nothing of
 * ours. The `results.json` schema and its loading and validation, the
 * `analysis.json` schema, the one atomic writer, the one summary over seeds
 * (mean and Student-t 95 % CI), and the shared names (data sets, model kinds,
 * profiles, FGSM epsilons).
 *
 * @example
 * ```ts
 * import { DATASET_LABELS, meanCI95, validateResults } from "./mod.ts";
 * import { equal, throws } from "node:assert/strict";
 * equal(DATASET_LABELS.cifar100, "CIFAR-100");
 * equal(meanCI95([0.9, 0.92, 0.94]).values.length, 3);
 * throws(() => validateResults({ version: 0 }), /version/);
 * ```
 *
 * @module
 */

export * from "./names.ts";
export * from "./schema.ts";
export * from "./analysis_schema.ts";
export { loadResults, ResultsFormatError, validateResults } from "./load.ts";
export { AnalysisFormatError, validateAnalysis } from "./load_analysis.ts";
export { CONFIDENCE, meanCI95, studentTCdf, studentTQuantile } from "./stats.ts";
export { seedStatistics, summarizeRuns, SUMMARY_METRICS } from "./summary.ts";
export { dirnameOf, tempName, writeFileAtomic, writeJsonAtomic } from "./atomic_write.ts";
