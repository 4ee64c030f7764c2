/**
 * Pieces of the training loop kept out of fit.ts: option checks and one gradient step.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { crossEntropy } from "../models/mod.ts";

/** The options {@link checkOptions} validates (defaults already applied). */
interface CheckedOptions {
  epochs: number;
  classes: number;
  seed: number;
  batchSize: number;
  learningRate: number;
  resume?: boolean;
  checkpointDir?: string;
  sampleIntervalSeconds?: number;
  stopAfterBatches?: number;
}

/** Throws a clear RangeError/TypeError for a bad training option. */
export function checkOptions(
  {
    epochs,
    classes,
    seed,
    batchSize,
    learningRate,
    resume,
    checkpointDir,
    sampleIntervalSeconds,
    stopAfterBatches,
  }: CheckedOptions,
): void {
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new RangeError(
      `Expected epochs to be a whole number >= 0 but found ${epochs}: pass e.g. 50`,
    );
  }
  if (!Number.isInteger(classes) || classes < 2) {
    throw new RangeError(
      `Expected at least 2 classes but found ${classes}: pass the data set's class count`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Expected an integer seed but found ${seed}: pass e.g. 1`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Expected a positive batch size but found ${batchSize}: pass e.g. 64`);
  }
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new RangeError(
      `Expected a finite positive learning rate but found ${learningRate}: pass e.g. 1e-3`,
    );
  }
  if (
    sampleIntervalSeconds !== undefined &&
    !(Number.isFinite(sampleIntervalSeconds) && sampleIntervalSeconds >= 0)
  ) {
    throw new RangeError(
      `Expected sampleIntervalSeconds to be a finite number >= 0 but found ${sampleIntervalSeconds}: pass e.g. 0.5`,
    );
  }
  if (
    stopAfterBatches !== undefined && !(Number.isInteger(stopAfterBatches) && stopAfterBatches >= 1)
  ) {
    throw new RangeError(
      `Expected stopAfterBatches to be a whole number >= 1 but found ${stopAfterBatches}: pass e.g. 10 or omit it`,
    );
  }
  if (resume && !checkpointDir) {
    throw new TypeError(
      "Expected checkpointDir with resume: true but found none: pass checkpointDir",
    );
  }
}

/**
 * Forward and backward pass of one batch: the mean cross-entropy, the number of correct
 * predictions and the gradient of every variable.
 *
 * @returns `gradients` in the order of `variables`; the caller disposes them.
 */
export function lossAndGradients(
  model: tf.LayersModel,
  { variables, x, y }: { variables: tf.Variable[]; x: tf.Tensor4D; y: tf.Tensor1D },
): { loss: number; correct: number; gradients: tf.Tensor[] } {
  const kept: { correct?: tf.Tensor } = {};
  const { value, grads } = tf.variableGrads(() => {
    const probs = model.apply(x, { training: true }) as tf.Tensor2D;
    kept.correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, -1), y), "int32")));
    return crossEntropy(probs, y);
  }, variables);
  const loss = value.dataSync()[0]!;
  const correct = kept.correct?.dataSync()[0] ?? 0;
  tf.dispose([value, ...(kept.correct ? [kept.correct] : [])]);
  return { loss, correct, gradients: variables.map((v) => grads[v.name]!) };
}
