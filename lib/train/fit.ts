/**
 * The training loop shared by every model: Adam on sparse categorical cross-entropy,
 * seeded shuffling, per-epoch validation metrics, resource samples, progress events,
 * atomic per-epoch checkpoints and exact resume.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { EpochRecord, ResourceSample } from "../experiment/results_schema.ts";
import { type AugmentSpec, batches, type LabeledImages } from "../data/mod.ts";
import { Adam } from "./adam.ts";
import { type CheckpointFingerprint, loadCheckpoint, saveCheckpoint } from "./checkpoint.ts";
import { CheckpointError, NonFiniteLossError, TrainingInterruptedError } from "./errors.ts";
import { evaluate } from "./evaluate.ts";
import { checkOptions, lossAndGradients } from "./_step.ts";
import type { Progress } from "./progress.ts";
import { SeededRandom } from "./random.ts";
import { ResourceSampler } from "./resources.ts";
import { profileStep } from "./step_memory.ts";

const MIB = 1024 * 1024;

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
 * Wall milliseconds between two yields to the event loop: often enough for timers, abort
 * signals and notebook displays, rare enough that timer clamping (4 ms per nested
 * `setTimeout`) costs nothing measurable.
 */
const YIELD_INTERVAL_MS = 100;

/** Lets timers, abort signals and notebook displays run between batches. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
 * @throws {NonFiniteLossError} when a batch's loss is NaN or infinite (no update is applied).
 * @throws {TrainingInterruptedError} when `signal` aborts or `stopAfterBatches` is reached.
 * @throws {CheckpointError} when resuming from a checkpoint of another model or setting.
 */
export async function fit(
  model: tf.LayersModel,
  data: { train: LabeledImages; val: LabeledImages },
  options: FitOptions,
): Promise<FitResult> {
  const { batchSize = 64, learningRate = 1e-3 } = options;
  const { epochs, classes, seed, augment = null, checkpointDir, resume = false, onProgress } =
    options;
  checkOptions({ ...options, batchSize, learningRate });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const fingerprint: CheckpointFingerprint = {
    seed,
    batchSize,
    learningRate,
    trainCount: data.train.count,
    shapes: model.getWeights().map((w) => w.shape),
  };
  const adam = new Adam(variables, { learningRate });
  let random = new SeededRandom(seed);
  let history: EpochRecord[] = [];
  let previousSamples: ResourceSample[] = [];
  let trainSeconds = 0;
  let startEpoch = 0;
  const restored = resume && checkpointDir ? await loadCheckpoint(checkpointDir) : null;
  if (restored) {
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
    random = SeededRandom.fromState(restored.randomState);
    history = restored.history;
    previousSamples = restored.samples;
    trainSeconds = restored.trainSeconds;
    startEpoch = restored.epoch;
  }
  const sampler = new ResourceSampler({
    intervalSeconds: options.sampleIntervalSeconds,
    startSeconds: previousSamples.at(-1)?.t ?? 0,
  });
  const batchesPerEpoch = Math.ceil(data.train.count / batchSize);
  let batchesThisCall = 0;
  let lastYield = performance.now();
  try {
    for (let epoch = startEpoch + 1; epoch <= epochs; epoch++) {
      const epochStart = performance.now();
      sampler.beginEpoch(epoch);
      const epochSeed = random.nextUint32();
      let seen = 0, lossSum = 0, correct = 0, batch = 0, stepPeakBytes = 0;
      for (
        const { x, y, indices } of batches(data.train, {
          batchSize,
          shuffle: true,
          seed: epochSeed,
          augment,
        })
      ) {
        batch += 1;
        if (options.signal?.aborted) {
          tf.dispose([x, y]);
          throw new TrainingInterruptedError(epoch - 1, "the abort signal fired");
        }
        // The epoch's first step runs under tf.profile: its peak holds the activations the
        // backward pass keeps and the gradients, which sampling between steps never sees.
        const profiled = batch === 1;
        const forward = profiled
          ? await profileStep(() => lossAndGradients(model, variables, x, y))
          : { result: lossAndGradients(model, variables, x, y), peakBytes: 0 };
        const { loss, correct: batchCorrect, gradients } = forward.result;
        stepPeakBytes = Math.max(stepPeakBytes, forward.peakBytes);
        tf.dispose([x, y]);
        if (!Number.isFinite(loss)) {
          tf.dispose(gradients);
          throw new NonFiniteLossError(
            epoch,
            batch,
            loss,
            checkpointDir && epoch > 1
              ? `the checkpoint of epoch ${epoch - 1} in ${checkpointDir} is kept`
              : "no checkpoint was written",
          );
        }
        if (profiled) {
          const update = await profileStep(() => adam.apply(gradients));
          stepPeakBytes = Math.max(stepPeakBytes, update.peakBytes);
        } else {
          adam.apply(gradients);
        }
        tf.dispose(gradients);
        seen += indices.length;
        lossSum += loss * indices.length;
        correct += batchCorrect;
        sampler.maybeSample();
        const elapsed = (performance.now() - epochStart) / 1000;
        const rate = seen / Math.max(elapsed, 1e-9);
        onProgress?.({
          kind: "batch",
          epoch,
          epochs,
          batch,
          batches: batchesPerEpoch,
          seen,
          total: data.train.count,
          loss: lossSum / seen,
          accuracy: correct / seen,
          samplesPerSecond: rate,
          etaSeconds: (data.train.count - seen) / rate,
        });
        batchesThisCall += 1;
        if (options.stopAfterBatches !== undefined && batchesThisCall >= options.stopAfterBatches) {
          throw new TrainingInterruptedError(
            epoch - 1,
            `stopAfterBatches = ${options.stopAfterBatches} reached`,
          );
        }
        if (performance.now() - lastYield >= YIELD_INTERVAL_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      const seconds = (performance.now() - epochStart) / 1000;
      const resources = sampler.endEpoch();
      const val = evaluate(model, data.val, { classes });
      const record: EpochRecord = {
        epoch,
        trainLoss: lossSum / Math.max(seen, 1),
        trainAccuracy: correct / Math.max(seen, 1),
        valLoss: val.loss,
        valAccuracy: val.metrics.accuracy,
        valPrecision: val.metrics.precision,
        valRecall: val.metrics.recall,
        valF1: val.metrics.f1,
        seconds,
        ...resources,
        stepTensorMB: stepPeakBytes / MIB,
      };
      history.push(record);
      trainSeconds += (performance.now() - epochStart) / 1000;
      if (checkpointDir) {
        const state = adam.getState();
        try {
          await saveCheckpoint(checkpointDir, {
            epoch,
            fingerprint,
            history,
            samples: [...previousSamples, ...sampler.samples],
            trainSeconds,
            randomState: random.state,
            optimizerStep: state.step,
            weights: model.getWeights(),
            firstMoments: state.m,
            secondMoments: state.v,
          });
        } finally {
          tf.dispose([...state.m, ...state.v]);
        }
      }
      onProgress?.({
        kind: "epoch",
        epoch,
        epochs,
        batch,
        batches: batchesPerEpoch,
        seen,
        total: data.train.count,
        loss: record.trainLoss,
        accuracy: record.trainAccuracy,
        samplesPerSecond: seen / Math.max(seconds, 1e-9),
        etaSeconds: 0,
        record,
      });
    }
  } finally {
    adam.dispose();
  }
  return {
    history,
    samples: [...previousSamples, ...sampler.samples],
    trainSeconds,
    resumedEpochs: startEpoch,
  };
}
