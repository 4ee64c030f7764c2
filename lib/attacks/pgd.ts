/**
 * Projected gradient descent in the L-infinity ball (Madry et al., 2018).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { checkAttackRange, lossGradientSign } from "./_gradient.ts";

/** Options of {@link pgd}. */
export interface PgdOptions {
  /** Radius of the L-infinity ball around the clean images, in pixel units. */
  epsilon: number;
  /** Size of each signed-gradient step. @default {2.5 * epsilon / steps} */
  stepSize?: number;
  /** Number of steps. @default {10} */
  steps?: number;
  /** Start from a uniform random point of the ball instead of the clean images. @default {true} */
  randomStart?: boolean;
  /** Seed of the random start. @default {0} */
  seed?: number;
  /** @default {0} */
  clipMin?: number;
  /** @default {1} */
  clipMax?: number;
}

/**
 * Iterated FGSM with projection: from `x0` (clean, or a seeded uniform point of the ball),
 * repeat `x <- clip(project(x + stepSize * sign(grad)), clipMin, clipMax)` where `project`
 * clips to `[images - epsilon, images + epsilon]`.
 *
 * @param model from pixels to softmax probabilities.
 * @param images clean pixels in [clipMin, clipMax].
 * @param labels `[batch]` int32 true classes.
 * @param options see {@link PgdOptions}.
 * @returns adversarial images, same shape; the caller disposes them.
 * @throws {RangeError} for a negative epsilon, bad steps or an empty clip range.
 */
export function pgd(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  labels: tf.Tensor1D,
  { epsilon, steps = 10, stepSize, randomStart = true, seed = 0, clipMin = 0, clipMax = 1 }:
    PgdOptions,
): tf.Tensor4D {
  checkAttackRange(epsilon, clipMin, clipMax);
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(
      `Expected steps to be a positive integer but found ${steps}: pass e.g. 10`,
    );
  }
  const step = stepSize ?? (2.5 * epsilon) / steps;
  if (!(step >= 0)) {
    throw new RangeError(`Expected stepSize >= 0 but found ${step}: pass e.g. epsilon / 4`);
  }
  const [lower, upper] = tf.tidy(() => [
    tf.maximum(tf.sub(images, epsilon), clipMin),
    tf.minimum(tf.add(images, epsilon), clipMax),
  ]);
  let x: tf.Tensor4D = tf.tidy(() => {
    if (!randomStart) return images.clone();
    const noise = tf.randomUniform(images.shape, -epsilon, epsilon, "float32", seed);
    return tf.minimum(tf.maximum(tf.add(images, noise), lower!), upper!) as tf.Tensor4D;
  });
  for (let i = 0; i < steps; i++) {
    const next = tf.tidy(() => {
      const sign = lossGradientSign(model, x, labels);
      return tf.minimum(tf.maximum(tf.add(x, tf.mul(sign, step)), lower!), upper!) as tf.Tensor4D;
    });
    x.dispose();
    x = next;
  }
  tf.dispose([lower!, upper!]);
  return x;
}
