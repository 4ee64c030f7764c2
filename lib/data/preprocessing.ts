/**
 * Per-data-set normalization constants and augmentation specs.
 *
 * @module
 */
import type { AugmentSpec, DatasetName, Normalization } from "./types.ts";

/**
 * Per-channel mean and standard deviation of pixels in [0, 1], the constants
 * commonly used for each data set (models apply them in their first layer).
 */
export const NORMALIZATION: Readonly<Record<DatasetName, Normalization>> = {
  mnist: { mean: [0.1307], std: [0.3081] },
  cifar100: { mean: [0.5071, 0.4865, 0.4409], std: [0.2673, 0.2564, 0.2762] },
  stl10: { mean: [0.4467, 0.4398, 0.4066], std: [0.2603, 0.2566, 0.2713] },
};

/** Crop padding for the RGB sets: 4 px for 32x32 CIFAR-100, 12 px for 96x96 STL-10 (one eighth). */
const CROP_PADDING: Readonly<Record<DatasetName, number>> = { mnist: 0, cifar100: 4, stl10: 12 };

/**
 * The training augmentation of a data set: none for MNIST, random crop with
 * padding plus horizontal flip for CIFAR-100 and STL-10.
 *
 * @param name the data set.
 * @returns the spec, or `null` when the data set is trained without augmentation.
 *
 * @example
 * ```ts
 * import { augmentationFor } from "./preprocessing.ts";
 * if (augmentationFor("mnist") !== null) throw new Error();
 * if (augmentationFor("stl10")?.cropPadding !== 12) throw new Error();
 * ```
 */
export function augmentationFor(name: DatasetName): AugmentSpec | null {
  if (name === "mnist") return null;
  return { cropPadding: CROP_PADDING[name], horizontalFlip: true, padMode: "zero" };
}

/** Options of {@link augmentImage}. */
export interface AugmentImageOptions {
  /** Where the image starts in `src`. @default {0} */
  srcOffset?: number;
  /** Where the copy is written in `out`. @default {0} */
  outOffset?: number;
  /** `[height, width, channels]`. */
  shape: readonly [number, number, number];
  /** The augmentation. */
  spec: AugmentSpec;
  /** Seeded uniform generator in [0, 1). */
  random: () => number;
}

/**
 * Writes an augmented copy of one HWC image into `out`: a random crop of the
 * padded image (offsets drawn in 0..2*pad), then a random horizontal flip.
 *
 * @param src source images; the image starts at `srcOffset`.
 * @param out destination, written at `outOffset`.
 * @param options offsets, shape, augmentation and random stream.
 */
export function augmentImage(
  src: Uint8Array,
  out: Uint8Array,
  { srcOffset = 0, outOffset = 0, shape, spec, random }: AugmentImageOptions,
): void {
  const [h, w, c] = shape;
  const pad = spec.cropPadding;
  const dy = pad > 0 ? Math.floor(random() * (2 * pad + 1)) - pad : 0;
  const dx = pad > 0 ? Math.floor(random() * (2 * pad + 1)) - pad : 0;
  const flip = spec.horizontalFlip && random() < 0.5;
  const reflect = spec.padMode === "reflect";
  for (let y = 0; y < h; y++) {
    let sy = y + dy;
    if (sy < 0 || sy >= h) {
      if (!reflect) {
        out.fill(0, outOffset + y * w * c, outOffset + (y + 1) * w * c);
        continue;
      }
      sy = sy < 0 ? -sy : 2 * (h - 1) - sy;
    }
    for (let x = 0; x < w; x++) {
      let sx = (flip ? w - 1 - x : x) + dx;
      const to = outOffset + (y * w + x) * c;
      if (sx < 0 || sx >= w) {
        if (!reflect) {
          for (let k = 0; k < c; k++) out[to + k] = 0;
          continue;
        }
        sx = sx < 0 ? -sx : 2 * (w - 1) - sx;
      }
      const from = srcOffset + (sy * w + sx) * c;
      for (let k = 0; k < c; k++) out[to + k] = src[from + k]!;
    }
  }
}
