/**
 * Sparse categorical cross-entropy on probabilities (the models end in softmax): the loss that
 * training minimises and the attacks ascend. It lives with the models, not in `train/`, so that
 * `attacks/` reaches it without loading `data/`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Probabilities are raised to at least PROBABILITY_FLOOR before the log, as Keras does. */
export const PROBABILITY_FLOOR = 1e-7;

/**
 * Mean cross-entropy of softmax outputs against integer labels.
 *
 * @param probabilities `[batch, classes]` rows summing to 1.
 * @param labels `[batch]` int32 class ids.
 * @returns a scalar; the caller disposes it (or calls this inside `tf.tidy`).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { crossEntropy } from "./loss.ts";
 * const loss = crossEntropy(tf.tensor2d([[0.25, 0.75]]), tf.tensor1d([1], "int32"));
 * if (Math.abs(loss.dataSync()[0]! + Math.log(0.75)) > 1e-6) throw new Error();
 * ```
 */
export function crossEntropy(probabilities: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const classes = probabilities.shape[probabilities.shape.length - 1]!;
    const oneHot = tf.oneHot(tf.cast(labels, "int32"), classes);
    // tf.maximum, not tf.clipByValue: the wasm backend's clip turns NaN into the floor,
    // which would hide a diverged model from the non-finite-loss check.
    const floored = tf.maximum(probabilities, PROBABILITY_FLOOR);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.log(floored)), -1))) as tf.Scalar;
  });
}
