/**
 * The first layer of every model: per-channel standardisation of pixels in [0, 1],
 * so models (and attacks) work in pixel space.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Constructor arguments of {@link PixelNormalization}. */
export interface PixelNormalizationArgs {
  /** Per-channel means of pixels in [0, 1]. */
  mean: number[];
  /** Per-channel standard deviations; all positive. */
  std: number[];
  inputShape?: number[];
  name?: string;
}

/**
 * Computes `(x - mean) / std` over the last (channel) axis. Has no weights; its
 * configuration holds the constants, so saved models rebuild it.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { PixelNormalization } from "./normalization.ts";
 * const layer = new PixelNormalization({ mean: [0.5], std: [0.25] });
 * const y = layer.apply(tf.ones([1, 1, 1, 1])) as tf.Tensor;
 * if (y.dataSync()[0] !== 2) throw new Error();
 * ```
 */
export class PixelNormalization extends tf.layers.Layer {
  /** Name under which tfjs serialization finds this class. */
  static className = "PixelNormalization";
  readonly mean: number[];
  readonly std: number[];

  constructor({ mean, std, ...rest }: PixelNormalizationArgs) {
    super(rest);
    if (mean.length !== std.length || mean.length === 0) {
      throw new RangeError(
        `Expected one mean and one std per channel but found ${mean.length} and ${std.length}: pass equal-length arrays`,
      );
    }
    if (!std.every((s) => s > 0)) {
      throw new RangeError(
        `Expected positive std values but found [${std}]: pass the data set's std`,
      );
    }
    this.mean = [...mean];
    this.std = [...std];
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return Array.isArray(inputShape[0]) ? inputShape : [...(inputShape as tf.Shape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const channels = x.shape[x.shape.length - 1];
      if (channels !== this.mean.length) {
        throw new RangeError(
          `Expected ${this.mean.length} channels but found ${channels}: build the model for this data set`,
        );
      }
      return tf.div(tf.sub(x, tf.tensor1d(this.mean)), tf.tensor1d(this.std));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mean: [...this.mean], std: [...this.std] };
  }
}
tf.serialization.registerClass(PixelNormalization);
