/**
 * Batch iteration: seeded shuffling, augmentation on uint8, and float tensors
 * in [0, 1] made one batch at a time.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { shuffleInPlace, stream } from "../random/mod.ts";
import { augmentImage } from "./preprocessing.ts";
import type { AugmentSpec, LabeledImages } from "./types.ts";

/** Options of {@link batches}. */
export interface BatchOptions {
  /** Images per batch (the last batch may be smaller unless `dropLast`). */
  batchSize: number;
  /**
   * Visit images in a seeded random order.
   * @default {false}
   */
  shuffle?: boolean;
  /**
   * Seed of the order and of the augmentation draws.
   * @default {0}
   */
  seed?: number;
  /**
   * Augmentation applied to each image (on uint8, before scaling); `null` for none.
   * @default {null}
   */
  augment?: AugmentSpec | null;
  /**
   * Skip a final batch smaller than `batchSize`.
   * @default {false}
   */
  dropLast?: boolean;
}

/** One batch: pixels in [0, 1], labels, and the positions of its images in the split. */
export interface Batch {
  /** `[b, H, W, C]` float32 in [0, 1]; the caller disposes it. */
  x: tf.Tensor4D;
  /** `[b]` int32 labels; the caller disposes it. */
  y: tf.Tensor1D;
  /** Position in the split of each image of the batch. */
  indices: number[];
}

/**
 * Iterates over a split in batches; only one batch is ever converted to float.
 *
 * @param split uint8 HWC images with labels.
 * @param options batch size, shuffling, seed, augmentation, dropLast.
 * @returns a generator of batches; the caller disposes each `x` and `y`.
 * @throws {RangeError} when `batchSize` is not a positive integer.
 *
 * @example
 * ```ts
 * import { batches } from "./batches.ts";
 * const split = { images: new Uint8Array(3 * 4), labels: new Uint8Array(3), count: 3, height: 2, width: 2, channels: 1 };
 * const sizes = [...batches(split, { batchSize: 2 })].map((b) => { b.x.dispose(); b.y.dispose(); return b.indices.length; });
 * if (sizes.join() !== "2,1") throw new Error();
 * ```
 */
export function* batches(
  split: LabeledImages,
  { batchSize, shuffle = false, seed = 0, augment = null, dropLast = false }: BatchOptions,
): Generator<Batch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `Batch size must be a positive integer but found ${batchSize}: pass batchSize >= 1`,
    );
  }
  const order = Array.from({ length: split.count }, (_, i) => i);
  if (shuffle) shuffleInPlace(order, stream(seed, 0x5eed));
  const random = stream(seed, 0xa06);
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    if (dropLast && indices.length < batchSize) break;
    yield makeBatch(split, indices, augment, random);
  }
}

/**
 * Float tensor of the images at `indices`, pixels scaled to [0, 1].
 *
 * @param split uint8 HWC images.
 * @param indices positions into the split.
 * @returns `[indices.length, H, W, C]` float32; the caller disposes it.
 */
export function toImageTensor(split: LabeledImages, indices: ArrayLike<number>): tf.Tensor4D {
  const batch = makeBatch(split, Array.from(indices), null, Math.random);
  batch.y.dispose();
  return batch.x;
}

function makeBatch(
  split: LabeledImages,
  indices: number[],
  augment: AugmentSpec | null,
  random: () => number,
): Batch {
  const { height, width, channels } = split;
  const pixels = height * width * channels;
  const floats = new Float32Array(indices.length * pixels);
  const labels = new Int32Array(indices.length);
  const scratch = augment ? new Uint8Array(pixels) : null;
  indices.forEach((i, k) => {
    if (!(i >= 0 && i < split.count)) {
      throw new RangeError(
        `Image index must be in 0..${split.count - 1} but found ${i}: pass valid indices`,
      );
    }
    let src = split.images, at = i * pixels;
    if (scratch && augment) {
      augmentImage(split.images, scratch, {
        srcOffset: at,
        shape: [height, width, channels],
        spec: augment,
        random,
      });
      src = scratch;
      at = 0;
    }
    const to = k * pixels;
    for (let p = 0; p < pixels; p++) floats[to + p] = src[at + p]! / 255;
    labels[k] = split.labels[i]!;
  });
  return {
    x: tf.tensor4d(floats, [indices.length, height, width, channels], "float32"),
    y: tf.tensor1d(labels, "int32"),
    indices,
  };
}
