/**
 * The fast gradient sign method (Goodfellow et al., 2015).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { checkAttackRange, lossGradientSign } from "./_gradient.ts";

/** Options of {@link fgsm}. */
export interface FgsmOptions {
  /** L-infinity size of the perturbation, in pixel units. */
  epsilon: number;
  /** @default {0} */
  clipMin?: number;
  /** @default {1} */
  clipMax?: number;
}

/**
 * One step of size `epsilon` along the sign of the loss gradient:
 * `clip(x + epsilon * sign(d loss / d x), clipMin, clipMax)`, where the loss is the
 * cross-entropy of the model's softmax output against `labels`.
 *
 * @param model from pixels `[batch, H, W, C]` to softmax probabilities.
 * @param images pixels in [clipMin, clipMax].
 * @param labels `[batch]` int32 true classes.
 * @param options epsilon and clip range.
 * @returns adversarial images, same shape; the caller disposes them.
 * @throws {RangeError} for a negative epsilon or an empty clip range.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { fgsm } from "./fgsm.ts";
 * const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [1, 1, 1] }),
 *   tf.layers.dense({ units: 2, activation: "softmax", kernelInitializer: "ones" })] });
 * const x = tf.fill([1, 1, 1, 1], 0.5) as tf.Tensor4D;
 * const adv = fgsm(model, x, tf.tensor1d([0], "int32"), { epsilon: 0.1 });
 * if (Math.abs(adv.dataSync()[0]! - 0.5) > 0.1 + 1e-6) throw new Error();
 * ```
 */
export function fgsm(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  labels: tf.Tensor1D,
  { epsilon, clipMin = 0, clipMax = 1 }: FgsmOptions,
): tf.Tensor4D {
  checkAttackRange(epsilon, clipMin, clipMax);
  return tf.tidy(() => {
    const sign = lossGradientSign(model, images, labels);
    return tf.clipByValue(tf.add(images, tf.mul(sign, epsilon)), clipMin, clipMax) as tf.Tensor4D;
  });
}
