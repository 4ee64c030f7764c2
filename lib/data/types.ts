/**
 * Shared types of the data layer: images, data sets, augmentation specs.
 *
 * @module
 */

import type { DatasetName, Provenance } from "../results/mod.ts";

// The names are defined once on the ground floor; the data layer re-exports them for its callers.
export { DATASET_NAMES, type DatasetName, type Provenance } from "../results/mod.ts";

/**
 * A set of labelled images, `uint8` in HWC order (RGB or gray).
 *
 * Pixel `(i, row, col, channel)` lives at
 * `images[((i * height + row) * width + col) * channels + channel]`.
 */
export interface LabeledImages {
  /** `count x height x width x channels`, row-major (HWC), RGB order. */
  images: Uint8Array;
  /** 0-based class ids, one per image. */
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
  channels: number;
}

/** CIFAR-100 images also carry their 20 coarse (superclass) labels. */
export interface Cifar100Images extends LabeledImages {
  /** 0-based coarse (superclass) ids, one per image. */
  coarseLabels: Uint8Array;
}

/** Per-channel normalization constants (of pixels scaled to [0, 1]). */
export interface Normalization {
  mean: number[];
  std: number[];
}

/**
 * A data set ready for training: seeded stratified splits plus metadata.
 * `provenance` says whether the pixels are the official ones.
 */
export interface Dataset {
  name: DatasetName;
  provenance: Provenance;
  /** Command that fetches the official data (shown whenever a stand-in is used). */
  fetchCommand: string;
  /** Official class names, indexed by label. */
  classNames: string[];
  /** Seeded stratified part of the official training set. */
  train: LabeledImages;
  /** Seeded stratified part of the official training set, disjoint from `train`. */
  val: LabeledImages;
  /** The official test set (or a seeded stratified subset of it). */
  test: LabeledImages;
  /** Per-channel normalization constants; models apply them in their first layer. */
  normalization: Normalization;
}

/**
 * Augmentation applied to `uint8` images inside {@link batches}.
 * Random crop after padding by `cropPadding` pixels, then a horizontal flip
 * with probability 0.5 when `horizontalFlip` is set.
 */
export interface AugmentSpec {
  /** Pixels of padding on every side before the random crop back to full size; 0 for none. */
  cropPadding: number;
  /** Flip left-right with probability 0.5. */
  horizontalFlip: boolean;
  /**
   * How the padding is filled: `"zero"` (black, as torchvision's RandomCrop default)
   * or `"reflect"`.
   * @default {"zero"}
   */
  padMode?: "zero" | "reflect";
}
