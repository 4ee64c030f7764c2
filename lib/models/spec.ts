/**
 * What a model needs to know about a data set, and the CNN trunk sized for it.
 *
 * @module
 */
import type { Dataset } from "../data/mod.ts";

/** The shape, class count and normalization constants a model is built for. */
export interface DatasetSpec {
  /** Data set name; selects the trunk (`mnist`, `cifar100`, `stl10`; others by image size). */
  name: string;
  height: number;
  width: number;
  channels: number;
  classes: number;
  /** Per-channel mean of pixels in [0, 1]. */
  mean: number[];
  /** Per-channel standard deviation of pixels in [0, 1]. */
  std: number[];
}

/**
 * The spec of a loaded data set.
 *
 * @param dataset from `loadDataset`.
 * @returns its name, image shape, class count and normalization.
 */
export function specFor(dataset: Dataset): DatasetSpec {
  const { height, width, channels } = dataset.train;
  return {
    name: dataset.name,
    height,
    width,
    channels,
    classes: dataset.classNames.length,
    mean: [...dataset.normalization.mean],
    std: [...dataset.normalization.std],
  };
}

/** One convolution of a trunk: 3x3 kernel, ReLU, then an optional 2x2 max-pool. */
export interface ConvStage {
  filters: number;
  /** @default {1} */
  strides?: number;
  /** "same" keeps the spatial size (before pooling); "valid" trims the border. */
  padding: "same" | "valid";
  /** Follow with a 2x2 max-pool. */
  pool: boolean;
}

/**
 * The trunks, chosen to keep the `quick` profile trainable on two CPU cores while
 * leaving room for the heads to matter (see lib/models/README.md for parameter counts).
 * - MNIST 28x28x1: conv32-pool-conv64-pool (valid padding) -> 5x5x64.
 * - CIFAR-100 32x32x3: conv32-pool-conv64-pool-conv64-pool (same) -> 4x4x64.
 * - STL-10 96x96x3: conv16/2-pool-conv32-pool-conv64-pool (same; the first conv strides 2
 *   because 96x96 convolutions at full resolution dominate the cost) -> 6x6x64.
 */
export const TRUNKS: Readonly<Record<"mnist" | "cifar100" | "stl10", readonly ConvStage[]>> = {
  mnist: [
    { filters: 32, padding: "valid", pool: true },
    { filters: 64, padding: "valid", pool: true },
  ],
  cifar100: [
    { filters: 32, padding: "same", pool: true },
    { filters: 64, padding: "same", pool: true },
    { filters: 64, padding: "same", pool: true },
  ],
  stl10: [
    { filters: 16, strides: 2, padding: "same", pool: true },
    { filters: 32, padding: "same", pool: true },
    { filters: 64, padding: "same", pool: true },
  ],
};

/** Image side above which an unknown data set gets the STL-10 trunk. */
const LARGE_IMAGE_SIDE = 48;

/**
 * The trunk for a spec: by name for the paper's data sets, otherwise by image size
 * (single-channel up to 28 px: MNIST's; up to 48 px: CIFAR-100's; larger: STL-10's).
 */
export function trunkFor(spec: DatasetSpec): readonly ConvStage[] {
  if (spec.name === "mnist" || spec.name === "cifar100" || spec.name === "stl10") {
    return TRUNKS[spec.name];
  }
  const side = Math.max(spec.height, spec.width);
  if (side > LARGE_IMAGE_SIDE) return TRUNKS.stl10;
  return spec.channels === 1 && side <= 28 ? TRUNKS.mnist : TRUNKS.cifar100;
}
