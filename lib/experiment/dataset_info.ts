/**
 * What a results file records about its data set: provenance, sizes, class
 * counts and small image samples of each split (so figures draw real pixels).
 *
 * @module
 */

import type { Dataset, LabeledImages } from "../data/mod.ts";
import type { DatasetInfo, ImageSample } from "../results/mod.ts";
import { sampleIndices, stream } from "../random/mod.ts";

/** Base64 of bytes (chunked so large images do not overflow the call stack). */
export function encodeBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Images of a split at the given indices, as stored in results.
 *
 * @param split The split.
 * @param indices Which images.
 * @param predictions Optional predicted class per chosen image.
 */
export function imageSample(
  split: LabeledImages,
  indices: readonly number[],
  predictions?: number[],
): ImageSample {
  const size = split.height * split.width * split.channels;
  return {
    height: split.height,
    width: split.width,
    channels: split.channels,
    images: indices.map((i) => encodeBase64(split.images.subarray(i * size, (i + 1) * size))),
    labels: indices.map((i) => split.labels[i]!),
    ...(predictions === undefined ? {} : { predictions }),
  };
}

/** Seed of the image samples stored per split (fixed so every run shows the same images). */
export const SAMPLE_SEED = 7;

/**
 * Describes a loaded data set for results.json.
 *
 * @param dataset The loaded data set.
 * @param sampleCount Images per split to store.
 */
export function datasetInfo(dataset: Dataset, sampleCount: number): DatasetInfo {
  const { train, val, test } = dataset;
  const counts = new Array<number>(dataset.classNames.length).fill(0);
  for (let i = 0; i < train.count; i++) counts[train.labels[i]!]! += 1;
  const sample = (split: LabeledImages) =>
    imageSample(split, sampleIndices(split.count, sampleCount, stream(SAMPLE_SEED)));
  return {
    name: dataset.name,
    provenance: dataset.provenance,
    fetchCommand: dataset.fetchCommand,
    classNames: [...dataset.classNames],
    height: train.height,
    width: train.width,
    channels: train.channels,
    sizes: { train: train.count, val: val.count, test: test.count },
    trainClassCounts: counts,
    samples: { train: sample(train), val: sample(val), test: sample(test) },
  };
}
