/**
 * Evaluation of a trained model on a split: loss, predictions, metrics, features.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { ClassificationMetrics } from "../results/mod.ts";
import { batches, type LabeledImages, toImageTensor } from "../data/mod.ts";
import { crossEntropy, featureLayerName } from "../models/mod.ts";
import { classificationMetrics } from "./metrics.ts";

/** Images per forward pass during evaluation. */
export const EVAL_BATCH_SIZE = 256;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Number of classes of the model's output. */
  classes: number;
  /** @default {EVAL_BATCH_SIZE} */
  batchSize?: number;
}

/** What {@link evaluate} returns. */
export interface Evaluation {
  metrics: ClassificationMetrics;
  /** Predicted class of every image of the split, in split order. */
  predictions: number[];
  /** Mean cross-entropy over the split. */
  loss: number;
}

/**
 * Runs the model over a whole split and scores it.
 *
 * @param model outputs softmax probabilities `[batch, classes]` from pixels in [0, 1].
 * @param split the images and labels.
 * @param options class count and batch size.
 * @returns metrics, per-image predictions and mean loss.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { evaluate } from "./evaluate.ts";
 * const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [1, 1, 1] }),
 *   tf.layers.dense({ units: 2, activation: "softmax", kernelInitializer: "ones" })] });
 * const split = { images: new Uint8Array([0, 255]), labels: new Uint8Array([0, 1]), count: 2,
 *   height: 1, width: 1, channels: 1 };
 * const { metrics } = evaluate(model, split, { classes: 2 });
 * if (metrics.confusion.length !== 2) throw new Error();
 * ```
 */
export function evaluate(
  model: tf.LayersModel,
  split: LabeledImages,
  { classes, batchSize = EVAL_BATCH_SIZE }: EvaluateOptions,
): Evaluation {
  const predictions: number[] = [];
  let lossSum = 0;
  for (const { x, y, indices } of batches(split, { batchSize })) {
    const [loss, argmax] = tf.tidy(() => {
      const probs = model.predict(x) as tf.Tensor2D;
      return [crossEntropy(probs, y), tf.argMax(probs, -1)];
    });
    lossSum += loss.dataSync()[0]! * indices.length;
    predictions.push(...argmax.dataSync());
    tf.dispose([x, y, loss, argmax]);
  }
  const labels = Array.from(split.labels.subarray(0, split.count));
  return {
    metrics: classificationMetrics(labels, predictions, classes),
    predictions,
    loss: split.count > 0 ? lossSum / split.count : 0,
  };
}

/** Options of {@link extractFeatures}. */
export interface ExtractFeaturesOptions {
  /** Layer whose output is read. @default {featureLayerName(model)} (the penultimate layer) */
  layer?: string;
  /** @default {EVAL_BATCH_SIZE} */
  batchSize?: number;
}

/**
 * Reads a layer's output (by default the penultimate one, which feeds the classifier) for some
 * images of a split.
 *
 * @param model the model.
 * @param split the images.
 * @param indices positions in the split.
 * @returns one row of features per index, `[indices.length][width of the layer]`.
 */
export function extractFeatures(
  model: tf.LayersModel,
  split: LabeledImages,
  indices: number[],
  { layer = featureLayerName(model), batchSize = EVAL_BATCH_SIZE }: ExtractFeaturesOptions = {},
): number[][] {
  const output = model.getLayer(layer).output as tf.SymbolicTensor;
  const reader = tf.model({ inputs: model.inputs, outputs: output });
  const rows: number[][] = [];
  for (let start = 0; start < indices.length; start += batchSize) {
    // tidy: toImageTensor also makes a label tensor it does not return; this frees it.
    const x = tf.tidy(() => toImageTensor(split, indices.slice(start, start + batchSize)));
    const features = tf.tidy(() => {
      const out = reader.predict(x) as tf.Tensor;
      return out.reshape([out.shape[0]!, -1]) as tf.Tensor2D;
    });
    rows.push(...(features.arraySync()));
    tf.dispose([x, features]);
  }
  return rows;
}
