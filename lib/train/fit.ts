/**
 * The training loop shared by every model: Adam on sparse categorical cross-entropy,
 * seeded shuffling, per-epoch validation metrics, resource samples, progress events,
 * atomic per-epoch checkpoints and exact resume.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { EpochRecord, ResourceSample } from "../results/mod.ts";
import type { AugmentSpec, LabeledImages } from "../data/mod.ts";
import { Adam } from "./adam.ts";
import { type CheckpointFingerprint, loadCheckpoint } from "./checkpoint.ts";
import { CheckpointError } from "./errors.ts";
import { checkOptions } from "./_step.ts";
import type { Progress } from "./progress.ts";
import { SeededRandom } from "../random/mod.ts";
import { ResourceSampler } from "./resources.ts";
import { type Run, runEpoch, type Start } from "./_epoch.ts";

/** Options of {@link fit}. */
export interface FitOptions {
  /** Total epochs (a resumed run continues up to this many). */
  epochs: number;
  /** Number of classes of the model's output. */
  classes: number;
  /** Seeds the shuffling and augmentation stream. */
  seed: number;
  /** @default {64} */
  batchSize?: number;
  /** Adam's learning rate. @default {1e-3} */
  learningRate?: number;
  /** Augmentation of training images; `null` for none. @default {null} */
  augment?: AugmentSpec | null;
  /** Where per-epoch checkpoints go; none are written when omitted. */
  checkpointDir?: string;
  /** Continue from the newest checkpoint in `checkpointDir` (starts fresh when there is none). @default {false} */
  resume?: boolean;
  /** Called after every batch and every epoch. */
  onProgress?: (progress: Progress) => void;
  /** Stops training (throwing {@link TrainingInterruptedError}) before the next batch once aborted. */
  signal?: AbortSignal;
  /** Stops training after this many batches of this call, as a kill would (for tests and demos). */
  stopAfterBatches?: number;
  /** Seconds between resource samples. @default {0.5} */
  sampleIntervalSeconds?: number;
}

/** What {@link fit} returns. */
export interface FitResult {
  /** One record per epoch, including those restored from a checkpoint. */
  history: EpochRecord[];
  /** Resource samples over the whole run. */
  samples: ResourceSample[];
  /** Wall seconds of all epochs (training and validation), including resumed ones. */
  trainSeconds: number;
  /** Epochs restored from a checkpoint rather than trained in this call. */
  resumedEpochs: number;
}

function sameFingerprint(a: CheckpointFingerprint, b: CheckpointFingerprint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Trains `model` with Adam on sparse categorical cross-entropy of its softmax output.
 * Each epoch visits the training split in a seeded order (and with seeded augmentation),
 * then scores the validation split. With `checkpointDir` a checkpoint is written after every
 * epoch; with `resume: true` training continues from the newest one and ends with the same
 * weights and history as a run that was never interrupted.
 *
 * @param model a compiled or uncompiled model from pixels in [0, 1] to softmax probabilities.
 * @param data training and validation splits.
 * @param options see {@link FitOptions}.
 * @returns per-epoch history, resource samples and wall time.
 * @throws {NonFiniteLossError} when a batch's loss (no update is applied), the weights after any
 *   update (the last included) or the validation metrics are NaN or infinite; the last finite
 *   checkpoint is kept.
 * @throws {TrainingInterruptedError} when `signal` aborts or `stopAfterBatches` is reached.
 * @throws {CheckpointError} when resuming from a checkpoint of another model or setting.
 */
export async function fit(
  model: tf.LayersModel,
  data: { train: LabeledImages; val: LabeledImages },
  options: FitOptions,
): Promise<FitResult> {
  const { batchSize = 64, learningRate = 1e-3 } = options;
  checkOptions({ ...options, batchSize, learningRate });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const fingerprint: CheckpointFingerprint = {
    seed: options.seed,
    batchSize,
    learningRate,
    trainCount: data.train.count,
    shapes: model.getWeights().map((w) => w.shape),
  };
  const adam = new Adam(variables, { learningRate });
  const start = await restore(model, adam, options, fingerprint);
  const run: Run = {
    model,
    variables,
    adam,
    data,
    options,
    batchSize,
    fingerprint,
    ...start,
    sampler: new ResourceSampler({
      intervalSeconds: options.sampleIntervalSeconds,
      startSeconds: start.previousSamples.at(-1)?.t ?? 0,
    }),
    batchesThisCall: 0,
    lastYield: performance.now(),
  };
  try {
    for (let epoch = run.startEpoch + 1; epoch <= options.epochs; epoch++) {
      await runEpoch(run, epoch);
    }
  } finally {
    adam.dispose();
  }
  return {
    history: run.history,
    samples: [...run.previousSamples, ...run.sampler.samples],
    trainSeconds: run.trainSeconds,
    resumedEpochs: run.startEpoch,
  };
}

// Restores weights, optimizer state, epoch stream, history and samples from the newest
// checkpoint when resuming, after checking it belongs to this model and these settings.
async function restore(
  model: tf.LayersModel,
  adam: Adam,
  { seed, checkpointDir, resume = false }: FitOptions,
  fingerprint: CheckpointFingerprint,
): Promise<Start> {
  const restored = resume && checkpointDir ? await loadCheckpoint(checkpointDir) : null;
  if (!restored) {
    return {
      random: new SeededRandom(seed, "epochs"),
      history: [],
      previousSamples: [],
      trainSeconds: 0,
      startEpoch: 0,
    };
  }
  const tensors = [...restored.weights, ...restored.firstMoments, ...restored.secondMoments];
  try {
    if (!sameFingerprint(restored.fingerprint, fingerprint)) {
      throw new CheckpointError(
        `Expected a checkpoint of this model and settings but found one of ${
          JSON.stringify({ ...restored.fingerprint, shapes: restored.fingerprint.shapes.length })
        } in ${checkpointDir}: use another checkpointDir or delete it`,
      );
    }
    model.setWeights(restored.weights);
    adam.setState({
      step: restored.optimizerStep,
      m: restored.firstMoments,
      v: restored.secondMoments,
    });
  } finally {
    tf.dispose(tensors);
  }
  return {
    random: SeededRandom.fromState(restored.randomState),
    history: restored.history,
    previousSamples: restored.samples,
    trainSeconds: restored.trainSeconds,
    startEpoch: restored.epoch,
  };
}
