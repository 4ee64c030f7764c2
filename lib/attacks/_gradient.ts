/**
 * The gradient of the cross-entropy loss with respect to the input pixels.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { crossEntropy } from "../models/mod.ts";

/**
 * Sign of d(loss)/d(images) for a model with softmax output.
 *
 * @returns `[batch, H, W, C]` of -1, 0, +1; the caller disposes it.
 */
export function lossGradientSign(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  labels: tf.Tensor1D,
): tf.Tensor4D {
  return tf.tidy(() => {
    const gradient = tf.grad((x: tf.Tensor) => crossEntropy(model.apply(x) as tf.Tensor2D, labels))(
      images,
    );
    return tf.sign(gradient) as tf.Tensor4D;
  });
}

/** Checks an epsilon and a clip range, with clear errors. */
export function checkAttackRange(epsilon: number, clipMin: number, clipMax: number): void {
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`Expected epsilon >= 0 but found ${epsilon}: pass e.g. 0.1`);
  }
  if (!(clipMin < clipMax)) {
    throw new RangeError(
      `Expected clipMin < clipMax but found ${clipMin} and ${clipMax}: pass the pixel range, e.g. 0 and 1`,
    );
  }
}
