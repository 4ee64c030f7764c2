/**
 * The parts of `fit()`'s loop: one epoch of batches, its record, checkpoint and events.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { EpochRecord, ResourceSample } from "../results/mod.ts";
import { batches, type LabeledImages } from "../data/mod.ts";
import type { Adam } from "./adam.ts";
import { type CheckpointFingerprint, saveCheckpoint } from "./checkpoint.ts";
import { NonFiniteLossError, TrainingInterruptedError } from "./errors.ts";
import { evaluate } from "./evaluate.ts";
import { lossAndGradients } from "./_step.ts";
import type { SeededRandom } from "../random/mod.ts";
import type { ResourceSampler } from "./resources.ts";
import type { FitOptions } from "./fit.ts";
import { profileStep } from "./step_memory.ts";

const MIB = 1024 * 1024;

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

/** Where a run starts: fresh, or from its newest checkpoint. */
export interface Start {
  /** The epoch stream: one draw per epoch seeds its order and augmentation. */
  random: SeededRandom;
  history: EpochRecord[];
  previousSamples: ResourceSample[];
  trainSeconds: number;
  startEpoch: number;
}

/** The state of one call of `fit()`, shared by its parts. */
export interface Run extends Start {
  model: tf.LayersModel;
  variables: tf.Variable[];
  adam: Adam;
  data: { train: LabeledImages; val: LabeledImages };
  options: FitOptions;
  batchSize: number;
  fingerprint: CheckpointFingerprint;
  sampler: ResourceSampler;
  batchesThisCall: number;
  lastYield: number;
}

/** Running sums of one epoch's batches. */
interface EpochSums {
  seen: number;
  lossSum: number;
  correct: number;
  batch: number;
  /** Peak tensor bytes inside the epoch's profiled (first) step. */
  stepPeakBytes: number;
}
// One epoch: the batches, validation, the record, the checkpoint and the epoch event.
export async function runEpoch(run: Run, epoch: number): Promise<void> {
  const { data, options } = run;
  const epochStart = performance.now();
  run.sampler.beginEpoch(epoch);
  const sums = await trainBatches(run, epoch, epochStart);
  const seconds = (performance.now() - epochStart) / 1000;
  const resources = run.sampler.endEpoch();
  // Catches a state changed after the last update too (the update itself is checked in applyStep).
  checkWeights(run, epoch, sums.batch);
  const val = evaluate(run.model, data.val, { classes: options.classes });
  const metrics = [val.loss, val.metrics.accuracy, val.metrics.precision, val.metrics.recall];
  const bad = [...metrics, val.metrics.f1].find((v) => !Number.isFinite(v));
  if (bad !== undefined) {
    throw new NonFiniteLossError(
      epoch,
      sums.batch,
      bad,
      keptNote(run, epoch),
      Number.isFinite(val.loss) ? "validation metrics" : "validation loss",
    );
  }
  const record: EpochRecord = {
    epoch,
    trainLoss: sums.lossSum / Math.max(sums.seen, 1),
    trainAccuracy: sums.correct / Math.max(sums.seen, 1),
    valLoss: val.loss,
    valAccuracy: val.metrics.accuracy,
    valPrecision: val.metrics.precision,
    valRecall: val.metrics.recall,
    valF1: val.metrics.f1,
    seconds,
    ...resources,
    stepTensorMB: sums.stepPeakBytes / MIB,
  };
  run.history.push(record);
  run.trainSeconds += (performance.now() - epochStart) / 1000;
  if (options.checkpointDir) await writeCheckpoint(run, epoch, options.checkpointDir);
  options.onProgress?.({
    kind: "epoch",
    epoch,
    epochs: options.epochs,
    batch: sums.batch,
    batches: Math.ceil(data.train.count / run.batchSize),
    seen: sums.seen,
    total: data.train.count,
    loss: record.trainLoss,
    accuracy: record.trainAccuracy,
    samplesPerSecond: sums.seen / Math.max(seconds, 1e-9),
    etaSeconds: 0,
    record,
  });
}

// The training batches of one epoch, in the order and with the augmentation of its seed.
async function trainBatches(run: Run, epoch: number, epochStart: number): Promise<EpochSums> {
  const { data, options } = run;
  const sums: EpochSums = { seen: 0, lossSum: 0, correct: 0, batch: 0, stepPeakBytes: 0 };
  const epochSeed = run.random.nextUint32();
  for (
    const { x, y, indices } of batches(data.train, {
      batchSize: run.batchSize,
      shuffle: true,
      seed: epochSeed,
      augment: options.augment ?? null,
    })
  ) {
    sums.batch += 1;
    if (options.signal?.aborted) {
      tf.dispose([x, y]);
      throw new TrainingInterruptedError(epoch - 1, "the abort signal fired");
    }
    // The epoch's first step runs under tf.profile: its peak holds the activations the backward
    // pass keeps and the gradients, which sampling between steps never sees.
    const profiled = sums.batch === 1;
    const forward = profiled
      ? await profileStep(() => lossAndGradients(run.model, { variables: run.variables, x, y }))
      : { result: lossAndGradients(run.model, { variables: run.variables, x, y }), peakBytes: 0 };
    const step = forward.result;
    tf.dispose([x, y]);
    // (a non-finite loss throws in applyStep, outside tf.profile, which would stay switched on)
    const update = profiled && Number.isFinite(step.loss)
      ? await profileStep(() => applyStep(run, step, epoch, sums.batch))
      : (applyStep(run, step, epoch, sums.batch), { peakBytes: 0 });
    sums.stepPeakBytes = Math.max(sums.stepPeakBytes, forward.peakBytes, update.peakBytes);
    sums.seen += indices.length;
    sums.lossSum += step.loss * indices.length;
    sums.correct += step.correct;
    run.sampler.maybeSample();
    reportBatch(run, epoch, epochStart, sums);
    run.batchesThisCall += 1;
    if (
      options.stopAfterBatches !== undefined && run.batchesThisCall >= options.stopAfterBatches
    ) {
      throw new TrainingInterruptedError(
        epoch - 1,
        `stopAfterBatches = ${options.stopAfterBatches} reached`,
      );
    }
    if (performance.now() - run.lastYield >= YIELD_INTERVAL_MS) {
      await yieldToEventLoop();
      run.lastYield = performance.now();
    }
  }
  return sums;
}

// Applies a batch's gradients, or refuses a non-finite loss without updating.
function applyStep(
  run: Run,
  { loss, gradients }: { loss: number; gradients: tf.Tensor[] },
  epoch: number,
  batch: number,
): void {
  if (!Number.isFinite(loss)) {
    tf.dispose(gradients);
    throw new NonFiniteLossError(epoch, batch, loss, keptNote(run, epoch));
  }
  run.adam.apply(gradients);
  tf.dispose(gradients);
  checkWeights(run, epoch, batch);
}

/** Which checkpoint survives a divergence in `epoch`: the previous epoch's, the last finite one. */
function keptNote(run: Run, epoch: number): string {
  const { checkpointDir } = run.options;
  return checkpointDir && epoch > 1
    ? `the checkpoint of epoch ${epoch - 1} in ${checkpointDir} is kept`
    : "no checkpoint was written";
}

/**
 * Throws when any weight of the model (trainable or not) is NaN or infinite. One scalar is
 * read: the sum of every weight times zero, which is 0 exactly when all are finite.
 */
function checkWeights(run: Run, epoch: number, batch: number): void {
  const probe = tf.tidy(() =>
    tf.addN(run.model.weights.map((w) => tf.sum(tf.mul(w.read(), 0)))) as tf.Scalar
  );
  const value = probe.dataSync()[0]!;
  probe.dispose();
  if (value !== 0) {
    throw new NonFiniteLossError(epoch, batch, value, keptNote(run, epoch), "weights");
  }
}

function reportBatch(run: Run, epoch: number, epochStart: number, sums: EpochSums): void {
  const { data, options } = run;
  const elapsed = (performance.now() - epochStart) / 1000;
  const rate = sums.seen / Math.max(elapsed, 1e-9);
  options.onProgress?.({
    kind: "batch",
    epoch,
    epochs: options.epochs,
    batch: sums.batch,
    batches: Math.ceil(data.train.count / run.batchSize),
    seen: sums.seen,
    total: data.train.count,
    loss: sums.lossSum / sums.seen,
    accuracy: sums.correct / sums.seen,
    samplesPerSecond: rate,
    etaSeconds: (data.train.count - sums.seen) / rate,
  });
}

async function writeCheckpoint(run: Run, epoch: number, checkpointDir: string): Promise<void> {
  const state = run.adam.getState();
  try {
    await saveCheckpoint(checkpointDir, {
      epoch,
      fingerprint: run.fingerprint,
      history: run.history,
      samples: [...run.previousSamples, ...run.sampler.samples],
      trainSeconds: run.trainSeconds,
      randomState: run.random.state,
      optimizerStep: state.step,
      weights: run.model.getWeights(),
      firstMoments: state.m,
      secondMoments: state.v,
    });
  } finally {
    tf.dispose([...state.m, ...state.v]);
  }
}
