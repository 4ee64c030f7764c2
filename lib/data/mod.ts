/**
 * Data sets of the paper (MNIST, CIFAR-100, STL-10): parsers of the official
 * binary formats, verified downloads into a cache under `data/`, labelled
 * synthetic stand-ins when offline, seeded stratified splits, normalization
 * constants, augmentation, and a batch iterator producing `[b, H, W, C]` float
 * tensors in [0, 1].
 *
 * @example
 * ```ts
 * import { augmentationFor, batches, loadDataset } from "./mod.ts";
 * const data = await loadDataset("mnist", { sizes: { train: 64, val: 16, test: 16 }, seed: 1 });
 * for (const { x, y } of batches(data.train, { batchSize: 32, shuffle: true, seed: 1, augment: augmentationFor("mnist") })) {
 *   if (x.shape[1] !== 28) throw new Error();
 *   x.dispose();
 *   y.dispose();
 * }
 * ```
 *
 * @module
 */
export * from "./types.ts";
export { DataFormatError } from "./errors.ts";
export * from "./class_names.ts";
export { type IdxArray, type IdxDtype, parseIdx, parseMnist, type ParseOptions } from "./idx.ts";
export { CIFAR100_RECORD_BYTES, type Cifar100ParseOptions, parseCifar100 } from "./cifar100.ts";
export {
  parseStl10,
  parseStl10Labels,
  STL10_RECORD_BYTES,
  type Stl10ParseOptions,
  stl10RecordCount,
  UNLABELED,
} from "./stl10.ts";
export { classCounts, selectImages, stratifiedSplit, VALIDATION_FRACTION } from "./splits.ts";
export { renderStandIn, STANDIN_SPECS, standInLabels } from "./standin.ts";
export {
  augmentationFor,
  augmentImage,
  type AugmentImageOptions,
  NORMALIZATION,
} from "./preprocessing.ts";
export { type Batch, batches, type BatchOptions, toImageTensor } from "./batches.ts";
export { CLASS_NAMES, fetchCommand, loadDataset, type LoadOptions } from "./load.ts";
export {
  CACHE_FILES,
  type CacheSource,
  DEFAULT_DATA_DIR,
  readCacheSource,
  SOURCE_FILE,
} from "./cache.ts";
export {
  downloadFile,
  type DownloadOptions,
  type DownloadResult,
  md5File,
  type TransferProgress,
} from "./download.ts";
export { ARCHIVE_LAYOUT, extractArchive, type ExtractOptions } from "./extract.ts";
export { fetchDataset, type FetchOptions, type FetchResult, OFFICIAL_ARCHIVES } from "./fetch.ts";
