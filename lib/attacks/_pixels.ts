/**
 * The images an attack reads, described by shape only so that `lib/attacks`
 * does not depend on `lib/data` (any `LabeledImages` fits).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** `uint8` HWC images with their labels (the project's image convention). */
export interface PixelImages {
  /** `count * height * width * channels` bytes, image after image. */
  images: Uint8Array;
  labels: ArrayLike<number>;
  count: number;
  height: number;
  width: number;
  channels: number;
}

/**
 * The images at `indices` as a `[indices.length, height, width, channels]`
 * float tensor of pixels in [0, 1] (byte / 255). The caller disposes it.
 */
export function pixelTensor(split: PixelImages, indices: readonly number[]): tf.Tensor4D {
  const { height, width, channels } = split;
  const pixels = height * width * channels;
  const floats = new Float32Array(indices.length * pixels);
  indices.forEach((i, k) => {
    const from = i * pixels;
    const to = k * pixels;
    for (let p = 0; p < pixels; p++) floats[to + p] = split.images[from + p]! / 255;
  });
  return tf.tensor4d(floats, [indices.length, height, width, channels]);
}
