/**
 * Row-wise L2 normalisation, the classical twin of the amplitude embedding's own
 * normalisation: the width-matched control puts it in front of its dense layer so that
 * both heads see scale-free 16-vectors and only the circuit differs.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * Squared norm below which a row is treated as zero (the same floor as the amplitude
 * embedding's `MIN_SQUARED_NORM`), so the division never blows up.
 */
export const L2_EPSILON = 1e-12;

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/**
 * Computes `x / sqrt(max(sum(x^2), L2_EPSILON))` over the last axis. No weights.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { L2Normalization } from "./l2_normalization.ts";
 * const y = new L2Normalization().apply(tf.tensor2d([[3, 4]])) as tf.Tensor;
 * const [a, b] = y.dataSync();
 * if (Math.abs(a! - 0.6) > 1e-6 || Math.abs(b! - 0.8) > 1e-6) throw new Error();
 * ```
 */
export class L2Normalization extends tf.layers.Layer {
  /** Name under which tfjs serialization finds this class. */
  static className = "L2Normalization";

  constructor(args: LayerArgs = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return Array.isArray(inputShape[0]) ? inputShape : [...(inputShape as tf.Shape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const squared = tf.sum(tf.square(x), -1, true);
      return tf.div(x, tf.sqrt(tf.maximum(squared, L2_EPSILON)));
    });
  }
}
tf.serialization.registerClass(L2Normalization);
