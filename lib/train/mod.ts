/**
 * Training and evaluation shared by every model: Adam on cross-entropy with seeded
 * shuffling, per-epoch validation metrics, resource samples, a progress bar,
 * atomic checkpoints with exact resume, test metrics and penultimate features.
 *
 * @example
 * ```ts
 * import { classificationMetrics } from "./mod.ts";
 * const m = classificationMetrics([0, 1, 1], [0, 1, 0], 2);
 * if (m.recall !== 0.75) throw new Error();
 * ```
 *
 * @module
 */
export { fit, type FitOptions, type FitResult } from "./fit.ts";
export {
  EVAL_BATCH_SIZE,
  evaluate,
  type EvaluateOptions,
  type Evaluation,
  extractFeatures,
  type ExtractFeaturesOptions,
} from "./evaluate.ts";
export { classificationMetrics } from "./metrics.ts";
export { ResourceSampler, type ResourceSamplerOptions } from "./resources.ts";
export { optimizerFloorBytes, profileStep } from "./step_memory.ts";
export {
  consoleProgress,
  type ConsoleProgressOptions,
  formatDuration,
  type Progress,
  progressLine,
} from "./progress.ts";
export {
  CHECKPOINT_VERSION,
  type CheckpointFingerprint,
  loadCheckpoint,
  saveCheckpoint,
  type TrainingState,
} from "./checkpoint.ts";
export { CheckpointError, NonFiniteLossError, TrainingInterruptedError } from "./errors.ts";
export { Adam, type AdamOptions, type AdamState } from "./adam.ts";
